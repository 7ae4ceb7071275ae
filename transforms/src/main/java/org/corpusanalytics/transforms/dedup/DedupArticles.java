package org.corpusanalytics.transforms.dedup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reify;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.model.CanonicalPosition;
import org.corpusanalytics.transforms.model.CanonicalPositionCoder;
import org.corpusanalytics.transforms.support.MarkedView;
import org.corpusanalytics.transforms.support.SideInputCache;
import org.corpusanalytics.transforms.text.SegmentedText;
import org.corpusanalytics.transforms.text.SentenceSplitter;
import org.corpusanalytics.transforms.text.TextNormalizer;
import org.joda.time.Duration;

/**
 * The whole dedup stage: removes repeated sentences (inside articles and, in {@link
 * DedupMode#CORPUS} mode, across the corpus), marks near-duplicate articles, and reports the
 * repeated sentences and the totals. Keep-first choices follow the canonical order ({@code
 * published} ascending with undated articles last, then article id, then offset in the body).
 *
 * <p>Across the corpus:
 *
 * <ol>
 *   <li>a join by article id marks each article that {@link FindNearDuplicates} found to be a near
 *       duplicate, with the article kept in its place;
 *   <li>each article emits each of its distinct candidate sentences once, with its first position
 *       and its number of copies in the article, and its last sentence if that is too short to be
 *       a candidate (a possible sign-off, see {@link RepeatPlanner});
 *   <li>a combiner ({@link SegmentStats}) finds per sentence the first copy in canonical order (in
 *       an article that is counted, when one has it), the occurrences and the articles: the {@code
 *       repeated_segments} rows come from here;
 *   <li>every occurrence is joined with its sentence's first copy by {@link HotKeyJoin}, which
 *       splits a sentence found in very many articles (a footer) over salted sub-keys, so no key
 *       funnels through one worker; an occurrence in another article than the first copy is a later
 *       copy;
 *   <li>one more join by article id brings each article its later copies; the sign-offs, a small
 *       side input, are cut where glued to an article's last sentence.
 * </ol>
 *
 * <p>Near duplicates are looked for in corpus mode only, unless disabled with a threshold of 0.
 */
public final class DedupArticles extends PTransform<PCollection<Article>, DedupArticles.Result> {
  /** Totals for the summary, keyed by summary column. */
  public static final String CHARS_REMOVED_IN_ARTICLE = "chars_removed_in_article";

  public static final String CHARS_REMOVED_ACROSS_ARTICLES = "chars_removed_across_articles";
  public static final String NEAR_DUPLICATE_ARTICLES = "near_duplicate_articles";

  private final DedupMode mode;
  private final RepeatPlanner planner;
  private final TextNormalizer normalizer;
  private final SentenceSplitter splitter;
  private final @Nullable FindNearDuplicates nearDuplicates;
  private final long hotKeyThreshold;

  private DedupArticles(
      DedupMode mode,
      RepeatPlanner planner,
      TextNormalizer normalizer,
      SentenceSplitter splitter,
      @Nullable FindNearDuplicates nearDuplicates,
      long hotKeyThreshold) {
    this.mode = mode;
    this.planner = planner;
    this.normalizer = normalizer;
    this.splitter = splitter;
    this.nearDuplicates = nearDuplicates;
    this.hotKeyThreshold = hotKeyThreshold;
  }

  /**
   * Corpus mode, sentences of 30+ chars, sign-offs ending 20+ articles, near duplicates at Jaccard
   * 0.8.
   */
  public static DedupArticles create() {
    return new DedupArticles(
        DedupMode.CORPUS,
        new RepeatPlanner(
            RemoveRepeatedSegments.DEFAULT_MIN_SEGMENT_CHARS,
            RemoveRepeatedSegments.DEFAULT_MIN_SIGN_OFF_ARTICLES),
        new TextNormalizer(),
        new SentenceSplitter(),
        FindNearDuplicates.create(),
        HotKeyJoin.DEFAULT_HOT_KEY_THRESHOLD);
  }

  public DedupArticles withMode(DedupMode newMode) {
    return new DedupArticles(
        newMode, planner, normalizer, splitter, nearDuplicates, hotKeyThreshold);
  }

  public DedupArticles withMinSegmentChars(int chars) {
    return withPlanner(planner.withMinSegmentChars(chars));
  }

  /**
   * A sentence shorter than {@code minSegmentChars} that is the last sentence of at least this many
   * articles is a sign-off, removed from every article but the first like a long repeat; 0 turns
   * this off. Corpus mode only.
   */
  public DedupArticles withMinSignOffArticles(long articles) {
    return withPlanner(planner.withMinSignOffArticles(articles));
  }

  private DedupArticles withPlanner(RepeatPlanner newPlanner) {
    return new DedupArticles(
        mode, newPlanner, normalizer, splitter, nearDuplicates, hotKeyThreshold);
  }

  public DedupArticles withSplitter(SentenceSplitter newSplitter) {
    return new DedupArticles(
        mode, planner, normalizer, newSplitter, nearDuplicates, hotKeyThreshold);
  }

  /**
   * Marks near duplicates at this Jaccard similarity of word 5-gram shingles, in (0, 1]; 0 turns
   * near-duplicate detection off.
   */
  public DedupArticles withNearDuplicateThreshold(double threshold) {
    if (threshold == 0) {
      return withNearDuplicates(null);
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "--nearDuplicateThreshold must be 0 (off) or in (0, 1], got " + threshold);
    }
    return withNearDuplicates(FindNearDuplicates.withThreshold(threshold));
  }

  /** The near-duplicate finder to use, or null for none. */
  public DedupArticles withNearDuplicates(@Nullable FindNearDuplicates finder) {
    return new DedupArticles(mode, planner, normalizer, splitter, finder, hotKeyThreshold);
  }

  /** See {@link HotKeyJoin#withHotKeyThreshold}. */
  public DedupArticles withHotKeyThreshold(long threshold) {
    return new DedupArticles(
        mode, planner, normalizer, splitter, nearDuplicates, threshold);
  }

  @Override
  public Result expand(PCollection<Article> articles) {
    Pipeline pipeline = articles.getPipeline();
    if (mode != DedupMode.CORPUS) {
      PCollection<DedupedArticle> deduped =
          articles.apply(
              "RemoveRepeatsInArticle",
              ParDo.of(new ApplyRemovalsFn(planner, normalizer, splitter, mode == DedupMode.NONE)));
      PCollection<RepeatedSegment> none =
          pipeline.apply(
              "NoRepeatedSegments", Create.empty(AvroCoder.of(RepeatedSegment.class)));
      return new Result(pipeline, deduped, none, totals(deduped));
    }

    PCollection<KV<String, String>> nearDuplicateOf =
        nearDuplicates == null
            ? pipeline.apply(
                "NoNearDuplicates",
                Create.empty(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
            : articles.apply("FindNearDuplicates", nearDuplicates);
    // Near duplicates are not counted, so a copy there is first only where no counted article has
    // one (see SegmentStats): each article learns whether it is one before its sentences are.
    TupleTag<TimestampedValue<Article>> articleTag = new TupleTag<>();
    TupleTag<String> keptTag = new TupleTag<>();
    PCollection<KV<String, DedupedArticle>> marked =
        KeyedPCollectionTuple.of(
                articleTag,
                articles
                    .apply(
                        "KeyArticlesById",
                        WithKeys.of(Article::id).withKeyType(TypeDescriptors.strings()))
                    .apply("KeepTimestamps", Reify.timestampsInValue()))
            .and(keptTag, nearDuplicateOf)
            .apply("JoinArticlesWithNearDuplicates", CoGroupByKey.create())
            .apply("MarkNearDuplicates", ParDo.of(new MarkFn(articleTag, keptTag)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), DedupedArticle.DedupedArticleCoder.of()));
    PCollection<KV<String, SegmentStats>> occurrences =
        marked
            .apply(
                "ExtractSentenceOccurrences",
                ParDo.of(new OccurrencesFn(planner, normalizer, splitter)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), SegmentStats.SegmentStatsCoder.of()));
    PCollection<KV<String, SegmentStats>> stats =
        occurrences.apply("SentenceStats", Combine.perKey(SegmentStats.combineFn()));
    PCollection<RepeatedSegment> repeated =
        stats.apply("RepeatedSentences", ParDo.of(new RepeatedSegmentFn(planner)));

    // Only sentences found in two or more articles can have a later copy in another article.
    PCollection<KV<String, CanonicalPosition>> firstCopies =
        stats
            .apply(
                "FirstCopyOfSharedSentences",
                ParDo.of(new SharedSentencesFn<CanonicalPosition>(planner, SegmentStats::first)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), CanonicalPositionCoder.of()));
    PCollectionView<List<KV<Boolean, KV<String, String>>>> signOffs =
        firstCopies
            .apply("SignOffs", ParDo.of(new SignOffFn(planner)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
            .apply("SignOffsView", MarkedView.asList());
    PCollection<KV<String, Long>> articlesPerSentence =
        stats
            .apply(
                "ArticlesPerSharedSentence",
                ParDo.of(new SharedSentencesFn<Long>(planner, SegmentStats::articles)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    PCollection<KV<String, KV<Integer, String>>> laterCopies =
        occurrences
            .apply(
                "PositionsOnly",
                ParDo.of(
                    new DoFn<KV<String, SegmentStats>, KV<String, CanonicalPosition>>() {
                      @ProcessElement
                      public void process(
                          @Element KV<String, SegmentStats> e,
                          OutputReceiver<KV<String, CanonicalPosition>> out) {
                        out.output(KV.of(e.getKey(), e.getValue().first()));
                      }
                    }))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), CanonicalPositionCoder.of()))
            .apply(
                "JoinOccurrencesWithFirstCopy",
                HotKeyJoin.<String, CanonicalPosition, CanonicalPosition>with(
                        firstCopies, articlesPerSentence)
                    .withHotKeyThreshold(hotKeyThreshold))
            .apply("SelectLaterCopies", ParDo.of(new LaterCopiesFn()))
            .setCoder(
                KvCoder.of(
                    StringUtf8Coder.of(), KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of())));

    TupleTag<DedupedArticle> markedTag = new TupleTag<>();
    TupleTag<KV<Integer, String>> laterCopyTag = new TupleTag<>();
    PCollection<DedupedArticle> deduped =
        KeyedPCollectionTuple.of(markedTag, marked)
            .and(laterCopyTag, laterCopies)
            .apply("JoinArticlesWithRepeats", CoGroupByKey.create())
            .apply(
                "RemoveRepeats",
                ParDo.of(
                        new JoinedRemovalsFn(
                            planner, normalizer, splitter, markedTag, laterCopyTag, signOffs))
                    .withSideInputs(signOffs));
    return new Result(pipeline, deduped, repeated, totals(deduped));
  }

  private static PCollection<KV<String, Long>> totals(PCollection<DedupedArticle> deduped) {
    return deduped
        .apply("DedupTotals", ParDo.of(new TotalsFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  /** The outputs of {@link DedupArticles}. */
  public static final class Result implements POutput {
    private static final TupleTag<DedupedArticle> ARTICLES = new TupleTag<>("articles");
    private static final TupleTag<RepeatedSegment> REPEATED = new TupleTag<>("repeatedSegments");
    private static final TupleTag<KV<String, Long>> TOTALS = new TupleTag<>("totals");

    private final Pipeline pipeline;
    private final PCollection<DedupedArticle> articles;
    private final PCollection<RepeatedSegment> repeatedSegments;
    private final PCollection<KV<String, Long>> totals;

    private Result(
        Pipeline pipeline,
        PCollection<DedupedArticle> articles,
        PCollection<RepeatedSegment> repeatedSegments,
        PCollection<KV<String, Long>> totals) {
      this.pipeline = pipeline;
      this.articles = articles;
      this.repeatedSegments = repeatedSegments;
      this.totals = totals;
    }

    /** Every input article, with its removed spans and, for a near duplicate, its kept article. */
    public PCollection<DedupedArticle> articles() {
      return articles;
    }

    /**
     * Sentences that occur more than once in the corpus (corpus mode; empty otherwise), in no
     * particular order.
     */
    public PCollection<RepeatedSegment> repeatedSegments() {
      return repeatedSegments;
    }

    /**
     * Partial totals for the summary, to be summed per key: {@link #CHARS_REMOVED_IN_ARTICLE},
     * {@link #CHARS_REMOVED_ACROSS_ARTICLES}, {@link #NEAR_DUPLICATE_ARTICLES}.
     */
    public PCollection<KV<String, Long>> totals() {
      return totals;
    }

    @Override
    public Pipeline getPipeline() {
      return pipeline;
    }

    @Override
    public Map<TupleTag<?>, PValue> expand() {
      return Map.of(ARTICLES, articles, REPEATED, repeatedSegments, TOTALS, totals);
    }

    @Override
    public void finishSpecifyingOutput(
        String transformName, PInput input, PTransform<?, ?> transform) {}
  }

  /**
   * Each article, without removals yet, with the article kept in its place if it has one. Like
   * {@link org.apache.beam.sdk.transforms.Reshuffle}, it gives each article back its own timestamp
   * (a join would move it to the end of the window), so the later steps see the articles as read.
   */
  private static final class MarkFn
      extends DoFn<KV<String, CoGbkResult>, KV<String, DedupedArticle>> {
    private final TupleTag<TimestampedValue<Article>> articleTag;
    private final TupleTag<String> keptTag;

    MarkFn(TupleTag<TimestampedValue<Article>> articleTag, TupleTag<String> keptTag) {
      this.articleTag = articleTag;
      this.keptTag = keptTag;
    }

    @ProcessElement
    public void process(
        @Element KV<String, CoGbkResult> joined, OutputReceiver<KV<String, DedupedArticle>> out) {
      String duplicateOf = joined.getValue().getOnly(keptTag, null);
      // Article ids are unique by now (see DropDuplicateIds), so this loop runs once.
      for (TimestampedValue<Article> article : joined.getValue().getAll(articleTag)) {
        out.outputWithTimestamp(
            KV.of(joined.getKey(), new DedupedArticle(article.getValue(), List.of(), duplicateOf)),
            article.getTimestamp());
      }
    }

    @Override
    @SuppressWarnings("deprecation") // as Reshuffle does, to go back to an earlier timestamp
    public Duration getAllowedTimestampSkew() {
      return Duration.millis(Long.MAX_VALUE);
    }
  }

  private static final class OccurrencesFn
      extends DoFn<KV<String, DedupedArticle>, KV<String, SegmentStats>> {
    private final RepeatPlanner planner;
    private final TextNormalizer normalizer;
    private final SentenceSplitter splitter;

    OccurrencesFn(RepeatPlanner planner, TextNormalizer normalizer, SentenceSplitter splitter) {
      this.planner = planner;
      this.normalizer = normalizer;
      this.splitter = splitter;
    }

    @ProcessElement
    public void process(
        @Element KV<String, DedupedArticle> marked, OutputReceiver<KV<String, SegmentStats>> out) {
      Article article = marked.getValue().article();
      boolean nearDuplicate = marked.getValue().duplicateOf() != null;
      SegmentedText text;
      Map<Integer, Integer> candidates;
      try {
        text = SegmentedText.of(article.body(), normalizer, splitter);
        candidates = planner.distinctCandidates(text);
      } catch (RuntimeException | StackOverflowError e) {
        return; // counted where the article is joined back: it cannot be split there either
      }
      CanonicalPosition articlePosition = article.canonicalPosition();
      for (Map.Entry<Integer, Integer> e : candidates.entrySet()) {
        int i = e.getKey();
        out.output(
            KV.of(
                text.sentence(i),
                SegmentStats.inArticle(
                    articlePosition.atOffset(text.originalStart(i)),
                    e.getValue(),
                    nearDuplicate)));
      }
    }
  }

  private static final class RepeatedSegmentFn
      extends DoFn<KV<String, SegmentStats>, RepeatedSegment> {
    private final RepeatPlanner planner;

    RepeatedSegmentFn(RepeatPlanner planner) {
      this.planner = planner;
    }

    @ProcessElement
    public void process(
        @Element KV<String, SegmentStats> e, OutputReceiver<RepeatedSegment> out) {
      // A short sentence is emitted only as a possible sign-off: listed only when it is one.
      boolean listed =
          planner.isCandidate(e.getKey())
              || planner.isRepeatAcrossArticles(e.getKey(), e.getValue());
      if (listed && e.getValue().occurrences() >= 2) {
        out.output(RepeatedSegment.of(e.getKey(), e.getValue()));
      }
    }
  }

  /**
   * For each sentence whose later copies are removed ({@link RepeatPlanner#isRepeatAcrossArticles}),
   * one value of its stats.
   */
  private static final class SharedSentencesFn<T>
      extends DoFn<KV<String, SegmentStats>, KV<String, T>> {
    private final RepeatPlanner planner;
    private final SerializableFunction<SegmentStats, T> value;

    SharedSentencesFn(RepeatPlanner planner, SerializableFunction<SegmentStats, T> value) {
      this.planner = planner;
      this.value = value;
    }

    @ProcessElement
    public void process(@Element KV<String, SegmentStats> e, OutputReceiver<KV<String, T>> out) {
      if (planner.isRepeatAcrossArticles(e.getKey(), e.getValue())) {
        out.output(KV.of(e.getKey(), value.apply(e.getValue())));
      }
    }
  }

  /** Each sign-off (a short sentence kept as a repeat) with the article that keeps it. */
  private static final class SignOffFn
      extends DoFn<KV<String, CanonicalPosition>, KV<String, String>> {
    private final RepeatPlanner planner;

    SignOffFn(RepeatPlanner planner) {
      this.planner = planner;
    }

    @ProcessElement
    public void process(
        @Element KV<String, CanonicalPosition> e, OutputReceiver<KV<String, String>> out) {
      if (!planner.isCandidate(e.getKey())) {
        out.output(KV.of(e.getKey(), e.getValue().articleId()));
      }
    }
  }

  /** A later copy: KV(article holding it, KV(its start, the article holding the first copy)). */
  private static final class LaterCopiesFn
      extends DoFn<
          KV<String, KV<CanonicalPosition, CanonicalPosition>>, KV<String, KV<Integer, String>>> {
    @ProcessElement
    public void process(
        @Element KV<String, KV<CanonicalPosition, CanonicalPosition>> joined,
        OutputReceiver<KV<String, KV<Integer, String>>> out) {
      CanonicalPosition occurrence = joined.getValue().getKey();
      CanonicalPosition first = joined.getValue().getValue();
      if (!occurrence.articleId().equals(first.articleId())) {
        out.output(
            KV.of(occurrence.articleId(), KV.of(occurrence.offset(), first.articleId())));
      }
    }
  }

  private static final class JoinedRemovalsFn
      extends DoFn<KV<String, CoGbkResult>, DedupedArticle> {
    private final Counter charsRemoved = Metrics.counter("dedup", "chars_removed");
    private final Counter failed = Metrics.counter("dedup", FAILED_ARTICLES);
    private final RepeatPlanner planner;
    private final TextNormalizer normalizer;
    private final SentenceSplitter splitter;
    private final TupleTag<DedupedArticle> markedTag;
    private final TupleTag<KV<Integer, String>> laterCopyTag;
    private final PCollectionView<List<KV<Boolean, KV<String, String>>>> signOffs;
    private final SideInputCache<Map<String, String>> signOffMap = new SideInputCache<>();

    JoinedRemovalsFn(
        RepeatPlanner planner,
        TextNormalizer normalizer,
        SentenceSplitter splitter,
        TupleTag<DedupedArticle> markedTag,
        TupleTag<KV<Integer, String>> laterCopyTag,
        PCollectionView<List<KV<Boolean, KV<String, String>>>> signOffs) {
      this.planner = planner;
      this.normalizer = normalizer;
      this.splitter = splitter;
      this.markedTag = markedTag;
      this.laterCopyTag = laterCopyTag;
      this.signOffs = signOffs;
    }

    @ProcessElement
    public void process(
        @Element KV<String, CoGbkResult> joined,
        OutputReceiver<DedupedArticle> out,
        ProcessContext c,
        BoundedWindow window) {
      Map<String, String> signOffsByText =
          signOffMap.get(window, () -> MarkedView.map(c.sideInput(signOffs)));
      Map<Integer, String> keptElsewhere = new HashMap<>();
      for (KV<Integer, String> copy : joined.getValue().getAll(laterCopyTag)) {
        keptElsewhere.put(copy.getKey(), copy.getValue());
      }
      for (DedupedArticle marked : joined.getValue().getAll(markedTag)) {
        DedupedArticle deduped =
            removeOrKeepAll(
                marked.article(),
                planner,
                normalizer,
                splitter,
                keptElsewhere,
                signOffsByText,
                marked.duplicateOf(),
                failed);
        charsRemoved.inc(deduped.charsRemoved());
        out.output(deduped);
      }
    }
  }

  private static final class ApplyRemovalsFn extends DoFn<Article, DedupedArticle> {
    private final Counter failed = Metrics.counter("dedup", FAILED_ARTICLES);
    private final RepeatPlanner planner;
    private final TextNormalizer normalizer;
    private final SentenceSplitter splitter;
    private final boolean keepAll;

    ApplyRemovalsFn(
        RepeatPlanner planner,
        TextNormalizer normalizer,
        SentenceSplitter splitter,
        boolean keepAll) {
      this.planner = planner;
      this.normalizer = normalizer;
      this.splitter = splitter;
      this.keepAll = keepAll;
    }

    @ProcessElement
    public void process(@Element Article article, OutputReceiver<DedupedArticle> out) {
      if (keepAll) {
        out.output(new DedupedArticle(article, List.of()));
        return;
      }
      out.output(
          removeOrKeepAll(article, planner, normalizer, splitter, Map.of(), Map.of(), null, failed));
    }
  }

  static final String FAILED_ARTICLES = "failed_articles";

  /**
   * The article with its repeats removed. Content never fails the stage: an article whose text
   * cannot be split is kept whole (and none of its sentences counted as a first copy), and counted.
   */
  private static DedupedArticle removeOrKeepAll(
      Article article,
      RepeatPlanner planner,
      TextNormalizer normalizer,
      SentenceSplitter splitter,
      Map<Integer, String> keptElsewhere,
      Map<String, String> signOffs,
      String duplicateOf,
      Counter failed) {
    try {
      SegmentedText text = SegmentedText.of(article.body(), normalizer, splitter);
      return new DedupedArticle(
          article, planner.removedSpans(article.id(), text, keptElsewhere, signOffs), duplicateOf);
    } catch (RuntimeException | StackOverflowError e) {
      failed.inc();
      return new DedupedArticle(article, List.of(), duplicateOf);
    }
  }

  private static final class TotalsFn extends DoFn<DedupedArticle, KV<String, Long>> {
    @ProcessElement
    public void process(@Element DedupedArticle a, OutputReceiver<KV<String, Long>> out) {
      long inArticle = a.charsRemoved(RemovedSegment.REPEAT_IN_ARTICLE);
      long across = a.charsRemoved(RemovedSegment.REPEAT_ACROSS_ARTICLES);
      if (inArticle > 0) {
        out.output(KV.of(CHARS_REMOVED_IN_ARTICLE, inArticle));
      }
      if (across > 0) {
        out.output(KV.of(CHARS_REMOVED_ACROSS_ARTICLES, across));
      }
      if (a.duplicateOf() != null) {
        out.output(KV.of(NEAR_DUPLICATE_ARTICLES, 1L));
      }
    }
  }
}
