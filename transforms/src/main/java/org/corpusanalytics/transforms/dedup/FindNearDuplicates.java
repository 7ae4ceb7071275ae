package org.corpusanalytics.transforms.dedup;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.Keys;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.model.CanonicalPosition;
import org.corpusanalytics.transforms.model.CanonicalPositionCoder;
import org.corpusanalytics.transforms.support.MarkedView;
import org.corpusanalytics.transforms.support.SideInputCache;

/**
 * Finds near-duplicate articles and, for each one that is not kept, the article kept in its place:
 * outputs {@code KV(duplicate article id, kept article id)}.
 *
 * <ol>
 *   <li><b>Shingles</b>: word 5-grams of the body (see {@link Shingles}).
 *   <li><b>MinHash + LSH</b>: a signature of fixed-seed hash functions, cut into bands ({@link
 *       MinHashLsh#forThreshold}: 25 bands of 5 rows for 0.8). Articles that share a band's bucket
 *       are candidates. A bucket is summarized by a combiner (its size and its first {@code
 *       bucketFanout} members in canonical order); each member is paired with the bucket's first
 *       members that precede it. A bucket of up to {@code bucketFanout} articles is whole in its
 *       summary, which gives all its pairs; only the band records of bigger buckets (their keys
 *       travel as a side input, at most one per {@code bucketFanout + 1} band records) are joined
 *       back to the summary with {@link HotKeyJoin}. So a bucket of up to {@code bucketFanout + 1}
 *       articles yields all its pairs, and a huge bucket
 *       (a story syndicated a million times) yields {@code bucketFanout} pairs per member instead of
 *       a quadratic number.
 *   <li><b>Verification</b>: the exact Jaccard similarity of the two shingle sets, which are joined
 *       to each candidate pair (again with {@link HotKeyJoin}: the earliest article of a big cluster
 *       is in many pairs). Pairs at or above the threshold are edges.
 *   <li><b>Clusters</b>: connected components of the edges, by a union-find over the verified
 *       edges in one combiner ({@link ConnectedComponents}, which says why); the first article of
 *       a component in canonical order is kept, every other member points to it.
 *   <li><b>Drift guard</b>: a chain of small edits can connect articles that share little. Each
 *       member's exact similarity with the kept article is checked; a member below {@code
 *       min(threshold, 0.5)} is not marked (metric {@code
 *       near_duplicates/CheckDrift_below}). As Jaccard
 *       distance is a metric, a member within two edges of the kept article is never dropped when
 *       the threshold is 0.75 or more.
 * </ol>
 *
 * <p>Nothing holds the corpus in one place: every step is a per-article map, a combiner or a join
 * whose hot keys are split; memory is linear in the input. Two things are held whole: the
 * union-find, which holds the articles that have a verified near duplicate, and the side input of
 * the keys of buckets with more than {@code bucketFanout} members. The result does not depend on bundle
 * order: every choice is a minimum in canonical order.
 */
public final class FindNearDuplicates
    extends PTransform<PCollection<Article>, PCollection<KV<String, String>>> {
  public static final double DEFAULT_THRESHOLD = 0.8;
  /** The similarity a marked duplicate always has with its kept article, at most. */
  public static final double NEVER_BELOW = 0.5;
  public static final int DEFAULT_BUCKET_FANOUT = 50;

  private final double threshold;
  private final Shingles shingles;
  private final MinHashLsh lsh;
  private final int bucketFanout;
  private final long hotKeyThreshold;

  private FindNearDuplicates(
      double threshold,
      Shingles shingles,
      MinHashLsh lsh,
      int bucketFanout,
      long hotKeyThreshold) {
    this.threshold = threshold;
    this.shingles = shingles;
    this.lsh = lsh;
    this.bucketFanout = bucketFanout;
    this.hotKeyThreshold = hotKeyThreshold;
  }

  public static FindNearDuplicates create() {
    return withThreshold(DEFAULT_THRESHOLD);
  }

  /** Marks articles whose shingle sets have Jaccard similarity at least {@code t}, in (0, 1]. */
  public static FindNearDuplicates withThreshold(double t) {
    return new FindNearDuplicates(
        t,
        new Shingles(),
        MinHashLsh.forThreshold(t),
        DEFAULT_BUCKET_FANOUT,
        HotKeyJoin.DEFAULT_HOT_KEY_THRESHOLD);
  }

  public FindNearDuplicates withLsh(MinHashLsh newLsh) {
    return new FindNearDuplicates(
        threshold, shingles, newLsh, bucketFanout, hotKeyThreshold);
  }

  public FindNearDuplicates withBucketFanout(int fanout) {
    if (fanout < 1) {
      throw new IllegalArgumentException("bucketFanout must be at least 1, got " + fanout);
    }
    return new FindNearDuplicates(threshold, shingles, lsh, fanout, hotKeyThreshold);
  }

  /** See {@link HotKeyJoin#withHotKeyThreshold}; for tests. */
  public FindNearDuplicates withHotKeyThreshold(long t) {
    return new FindNearDuplicates(threshold, shingles, lsh, bucketFanout, t);
  }

  public double threshold() {
    return threshold;
  }

  public MinHashLsh lsh() {
    return lsh;
  }

  private static final KvCoder<CanonicalPosition, CanonicalPosition> PAIR =
      KvCoder.of(CanonicalPositionCoder.of(), CanonicalPositionCoder.of());
  private static final KvCoder<CanonicalPosition, ShingleSet> SHINGLES =
      KvCoder.of(CanonicalPositionCoder.of(), ShingleSet.ShingleSetCoder.of());

  @Override
  public PCollection<KV<String, String>> expand(PCollection<Article> articles) {
    TupleTag<KV<CanonicalPosition, ShingleSet>> shingleTag = new TupleTag<>() {};
    TupleTag<KV<Long, CanonicalPosition>> bandTag = new TupleTag<>() {};
    PCollectionTuple shingled =
        articles.apply(
            "ShingleAndBand",
            ParDo.of(new ShingleFn(shingles, lsh, shingleTag, bandTag))
                .withOutputTags(shingleTag, TupleTagList.of(bandTag)));
    PCollection<KV<CanonicalPosition, ShingleSet>> sets =
        shingled.get(shingleTag).setCoder(SHINGLES);
    PCollection<KV<Long, CanonicalPosition>> bands =
        shingled.get(bandTag).setCoder(KvCoder.of(VarLongCoder.of(), CanonicalPositionCoder.of()));

    // Candidates: each bucket member with the bucket's first members before it. A bucket whose
    // summary holds all its members (at most bucketFanout) gives all its pairs from the summary;
    // only the members of bigger buckets are joined back to the bucket's first members, so the
    // band records of ordinary buckets, nearly all of them, are shuffled once, not twice.
    PCollection<KV<Long, FirstMembers>> shared =
        bands
            .apply("SummarizeBuckets", Combine.perKey(FirstMembers.combineFn(bucketFanout)))
            .apply("SharedBuckets", Filter.by(kv -> kv.getValue().size() >= 2));
    PCollection<KV<CanonicalPosition, CanonicalPosition>> summarizedPairs =
        shared.apply("PairsInSummaries", ParDo.of(new PairsAmongFirstFn())).setCoder(PAIR);
    PCollection<KV<Long, FirstMembers>> big =
        shared.apply(
            "BigBuckets", Filter.by(kv -> kv.getValue().size() > kv.getValue().first().size()));
    PCollectionView<List<KV<Boolean, Long>>> bigKeys =
        big.apply("BigBucketKeys", Keys.create())
            .apply("BigBucketKeysAsView", MarkedView.asList());
    PCollection<KV<Long, List<CanonicalPosition>>> heads =
        big.apply(
                "BucketHeads",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.longs(),
                            TypeDescriptors.lists(TypeDescriptor.of(CanonicalPosition.class))))
                    .via(kv -> KV.of(kv.getKey(), kv.getValue().first())))
            .setCoder(KvCoder.of(VarLongCoder.of(), ListCoder.of(CanonicalPositionCoder.of())));
    PCollection<KV<Long, Long>> bucketSizes =
        big.apply(
            "BucketSizes",
            MapElements.into(TypeDescriptors.kvs(TypeDescriptors.longs(), TypeDescriptors.longs()))
                .via(kv -> KV.of(kv.getKey(), kv.getValue().size())));
    PCollection<KV<CanonicalPosition, CanonicalPosition>> joinedPairs =
        bands
            .apply(
                "MembersOfBigBuckets",
                ParDo.of(new InBucketsFn(bigKeys)).withSideInputs(bigKeys))
            .setCoder(KvCoder.of(VarLongCoder.of(), CanonicalPositionCoder.of()))
            .apply(
                "JoinMembersWithBucketHeads",
                HotKeyJoin.<Long, CanonicalPosition, List<CanonicalPosition>>with(heads, bucketSizes)
                    .withHotKeyThreshold(hotKeyThreshold))
            .apply("CandidatePairs", ParDo.of(new CandidatePairsFn()))
            .setCoder(PAIR);
    PCollection<KV<CanonicalPosition, CanonicalPosition>> candidates =
        PCollectionList.of(summarizedPairs)
            .and(joinedPairs)
            .apply("AllCandidates", Flatten.pCollections())
            .apply("DistinctCandidates", Distinct.create());

    // Verification: exact Jaccard of the two shingle sets.
    PCollection<KV<CanonicalPosition, CanonicalPosition>> edges =
        verify("Verify", candidates, sets, threshold)
            .apply("CountEdges", ParDo.of(new CountFn("edges")))
            .setCoder(PAIR);

    // Clusters, then the drift guard against the kept article.
    PCollection<KV<CanonicalPosition, CanonicalPosition>> toKept =
        edges
            .apply("Cluster", ConnectedComponents.create())
            .apply(
                "KeyByKept",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptor.of(CanonicalPosition.class),
                            TypeDescriptor.of(CanonicalPosition.class)))
                    .via(kv -> KV.of(kv.getValue(), kv.getKey())))
            .setCoder(PAIR);
    return verify("CheckDrift", toKept, sets, Math.min(threshold, NEVER_BELOW))
        .apply(
            "ToArticleIds",
            MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                .via(kv -> KV.of(kv.getKey().articleId(), kv.getValue().articleId())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }

  /**
   * Pairs (earlier, later) whose shingle sets have Jaccard similarity at least {@code min}, as
   * {@code KV(later, earlier)}.
   */
  private PCollection<KV<CanonicalPosition, CanonicalPosition>> verify(
      String name,
      PCollection<KV<CanonicalPosition, CanonicalPosition>> pairs,
      PCollection<KV<CanonicalPosition, ShingleSet>> sets,
      double min) {
    // The earlier article of a pair can be in very many pairs (the head of a big cluster); the
    // later one is in at most bands x bucketFanout candidate pairs and one kept pair.
    PCollection<KV<CanonicalPosition, Long>> perEarlier =
        pairs
            .apply(name + "Earlier", Keys.create())
            .setCoder(CanonicalPositionCoder.of())
            .apply(name + "PairsPerEarlier", Count.perElement());
    PCollection<KV<CanonicalPosition, KV<CanonicalPosition, ShingleSet>>> withEarlier =
        pairs
            .apply(
                name + "AttachEarlierShingles",
                HotKeyJoin.<CanonicalPosition, CanonicalPosition, ShingleSet>with(sets, perEarlier)
                    .withHotKeyThreshold(hotKeyThreshold))
            .apply(name + "KeyByLater", ParDo.of(new SwapFn()))
            .setCoder(KvCoder.of(CanonicalPositionCoder.of(), SHINGLES));
    return withEarlier
        .apply(
            name + "AttachLaterShingles",
            HotKeyJoin.<CanonicalPosition, KV<CanonicalPosition, ShingleSet>, ShingleSet>with(
                sets, null))
        .apply(name + "Jaccard", ParDo.of(new JaccardFn(min, name)))
        .setCoder(PAIR);
  }

  private static final class ShingleFn extends DoFn<Article, KV<CanonicalPosition, ShingleSet>> {
    private final Shingles shingles;
    private final MinHashLsh lsh;
    private final TupleTag<KV<CanonicalPosition, ShingleSet>> shingleTag;
    private final TupleTag<KV<Long, CanonicalPosition>> bandTag;

    ShingleFn(
        Shingles shingles,
        MinHashLsh lsh,
        TupleTag<KV<CanonicalPosition, ShingleSet>> shingleTag,
        TupleTag<KV<Long, CanonicalPosition>> bandTag) {
      this.shingles = shingles;
      this.lsh = lsh;
      this.shingleTag = shingleTag;
      this.bandTag = bandTag;
    }

    @ProcessElement
    public void process(@Element Article article, MultiOutputReceiver out) {
      ShingleSet set = shingles.of(article.body());
      if (set.isEmpty()) {
        return;
      }
      CanonicalPosition position = article.canonicalPosition();
      out.get(shingleTag).output(KV.of(position, set));
      for (long key : lsh.bandKeys(lsh.signature(set))) {
        out.get(bandTag).output(KV.of(key, position));
      }
    }
  }

  /** Every pair of a bucket's first members, the earlier one first. */
  private static final class PairsAmongFirstFn
      extends DoFn<KV<Long, FirstMembers>, KV<CanonicalPosition, CanonicalPosition>> {
    @ProcessElement
    public void process(
        @Element KV<Long, FirstMembers> bucket,
        OutputReceiver<KV<CanonicalPosition, CanonicalPosition>> out) {
      List<CanonicalPosition> first = bucket.getValue().first(); // ascending, distinct
      for (int j = 1; j < first.size(); j++) {
        for (int i = 0; i < j; i++) {
          out.output(KV.of(first.get(i), first.get(j)));
        }
      }
    }
  }

  /** Keeps the band records of the buckets in the side input (the few bigger than the fan-out). */
  private static final class InBucketsFn
      extends DoFn<KV<Long, CanonicalPosition>, KV<Long, CanonicalPosition>> {
    private final PCollectionView<List<KV<Boolean, Long>>> keys;
    private final SideInputCache<Set<Long>> keySet = new SideInputCache<>();

    InBucketsFn(PCollectionView<List<KV<Boolean, Long>>> keys) {
      this.keys = keys;
    }

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window) {
      Set<Long> keySet =
          this.keySet.get(window, () -> new HashSet<>(MarkedView.elements(c.sideInput(keys))));
      if (!keySet.isEmpty() && keySet.contains(c.element().getKey())) {
        c.output(c.element());
      }
    }
  }

  private static final class CandidatePairsFn
      extends DoFn<
          KV<Long, KV<CanonicalPosition, List<CanonicalPosition>>>,
          KV<CanonicalPosition, CanonicalPosition>> {
    @ProcessElement
    public void process(
        @Element KV<Long, KV<CanonicalPosition, List<CanonicalPosition>>> joined,
        OutputReceiver<KV<CanonicalPosition, CanonicalPosition>> out) {
      CanonicalPosition member = joined.getValue().getKey();
      for (CanonicalPosition head : joined.getValue().getValue()) {
        if (head.compareTo(member) >= 0) {
          break; // heads are ascending
        }
        out.output(KV.of(head, member));
      }
    }
  }

  private static final class SwapFn
      extends DoFn<
          KV<CanonicalPosition, KV<CanonicalPosition, ShingleSet>>,
          KV<CanonicalPosition, KV<CanonicalPosition, ShingleSet>>> {
    @ProcessElement
    public void process(
        @Element KV<CanonicalPosition, KV<CanonicalPosition, ShingleSet>> e,
        OutputReceiver<KV<CanonicalPosition, KV<CanonicalPosition, ShingleSet>>> out) {
      out.output(KV.of(e.getValue().getKey(), KV.of(e.getKey(), e.getValue().getValue())));
    }
  }

  private static final class JaccardFn
      extends DoFn<
          KV<CanonicalPosition, KV<KV<CanonicalPosition, ShingleSet>, ShingleSet>>,
          KV<CanonicalPosition, CanonicalPosition>> {
    private final double min;
    private final Counter checked;
    private final Counter below;

    JaccardFn(double min, String name) {
      this.min = min;
      this.checked = Metrics.counter("near_duplicates", name + "_checked");
      this.below = Metrics.counter("near_duplicates", name + "_below");
    }

    @ProcessElement
    public void process(
        @Element KV<CanonicalPosition, KV<KV<CanonicalPosition, ShingleSet>, ShingleSet>> e,
        OutputReceiver<KV<CanonicalPosition, CanonicalPosition>> out) {
      CanonicalPosition later = e.getKey();
      CanonicalPosition earlier = e.getValue().getKey().getKey();
      double j = e.getValue().getKey().getValue().jaccard(e.getValue().getValue());
      checked.inc();
      if (j >= min) {
        out.output(KV.of(later, earlier));
      } else {
        below.inc();
      }
    }
  }

  private static final class CountFn
      extends DoFn<
          KV<CanonicalPosition, CanonicalPosition>, KV<CanonicalPosition, CanonicalPosition>> {
    private final Counter counter;

    CountFn(String name) {
      this.counter = Metrics.counter("near_duplicates", name);
    }

    @ProcessElement
    public void process(
        @Element KV<CanonicalPosition, CanonicalPosition> e,
        OutputReceiver<KV<CanonicalPosition, CanonicalPosition>> out) {
      counter.inc();
      out.output(e);
    }
  }
}
