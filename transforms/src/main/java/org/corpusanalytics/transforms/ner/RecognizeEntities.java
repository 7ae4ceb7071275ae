package org.corpusanalytics.transforms.ner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.corpusanalytics.transforms.dedup.DedupedArticle;
import org.corpusanalytics.transforms.text.SentenceSplitter;
import org.corpusanalytics.transforms.text.TextNormalizer;

/**
 * Tags the text that dedup kept and resolves entities within each article (see {@link
 * ArticleRecognition}). Mention offsets are mapped back to the body as read.
 *
 * <p>The tagger runs once per distinct piece of text in the corpus, not once per occurrence: wire
 * stories and boilerplate repeat sentences, and with {@code --dedup=none} every copy stays.
 *
 * <pre>
 * articles -> CutUnits: (shard of the unit text -> unit text, article, unit index)
 *   -> GroupCopiesByTextShard -> TagDistinctUnits: each distinct text tagged once
 *   -> (article -> unit index, mentions) -> CoGroupByKey(article) with the articles
 *   -> AssembleArticles: label consistency, aliases, watchlist names, offsets into the body
 * </pre>
 *
 * <p>Texts are grouped by a hash into a fixed number of shards rather than one key per text: every
 * copy of a text still meets in one place and is tagged once, a very frequent sentence is no hot
 * key (one cache hit per copy, streamed), and the Direct runner, whose cost grows with the number
 * of keys (a run per distinct sentence took minutes on 3,000 sentences), stays fast. The tags go
 * back to their article by article key, so no worker holds more than one article's tags and the
 * stage stays linear in the corpus size.
 *
 * <p>Bad content never fails the stage (see {@link ArticleRecognition}). Metrics in namespace {@code
 * entities}: {@code mentions}, {@code sentences_cut} (over-long sentences cut before tagging) and
 * {@code sentences_failed} (pieces of text the recognizer failed on).
 */
public final class RecognizeEntities
    extends PTransform<PCollection<DedupedArticle>, PCollection<AnnotatedArticle>> {
  private final EntityRecognizer recognizer;
  private final TextNormalizer normalizer;
  private final SentenceSplitter splitter;
  private final RecognitionRules rules;
  private final int shards;

  /** Groups of unit texts: the parallelism of tagging. */
  public static final int DEFAULT_SHARDS = 256;

  /** Distinct texts remembered per shard while tagging it; past that a text may be tagged again. */
  static final int MAX_CACHED_UNITS = 100_000;

  private RecognizeEntities(
      EntityRecognizer recognizer,
      TextNormalizer normalizer,
      SentenceSplitter splitter,
      RecognitionRules rules,
      int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be at least 1, got " + shards);
    }
    this.recognizer = recognizer;
    this.normalizer = normalizer;
    this.splitter = splitter;
    this.rules = rules;
    this.shards = shards;
  }

  public static RecognizeEntities with(EntityRecognizer recognizer) {
    return new RecognizeEntities(
        recognizer,
        new TextNormalizer(),
        new SentenceSplitter(),
        RecognitionRules.defaults(),
        DEFAULT_SHARDS);
  }

  public RecognizeEntities withSplitter(SentenceSplitter newSplitter) {
    return new RecognizeEntities(recognizer, normalizer, newSplitter, rules, shards);
  }

  public RecognizeEntities withRules(RecognitionRules newRules) {
    return new RecognizeEntities(recognizer, normalizer, splitter, newRules, shards);
  }

  public RecognizeEntities withShards(int newShards) {
    return new RecognizeEntities(recognizer, normalizer, splitter, rules, newShards);
  }

  /** The per-article stage this transform runs, for use outside Beam (evaluation, tests). */
  public ArticleRecognition articleRecognition() {
    return new ArticleRecognition(normalizer, splitter, rules);
  }

  /** Tags one article directly, outside Beam, with the default rules. */
  public static AnnotatedArticle annotate(
      DedupedArticle deduped,
      EntityRecognizer recognizer,
      TextNormalizer normalizer,
      SentenceSplitter splitter) {
    return new ArticleRecognition(normalizer, splitter, RecognitionRules.defaults())
        .annotate(deduped, recognizer);
  }

  /** The cache's mark of a text the recognizer failed on (compared by identity). */
  private static final List<Mention> FAILED = java.util.Collections.unmodifiableList(new ArrayList<>());

  private static final TupleTag<DedupedArticle> ARTICLES = new TupleTag<>() {};
  private static final TupleTag<KV<Integer, List<Mention>>> TAGS = new TupleTag<>() {};

  @Override
  public PCollection<AnnotatedArticle> expand(PCollection<DedupedArticle> articles) {
    ArticleRecognition stage = articleRecognition();
    KvCoder<String, Integer> placeCoder = KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of());
    PCollection<KV<String, KV<Integer, List<Mention>>>> byArticle =
        articles
            .apply("CutUnits", ParDo.of(new CutUnitsFn(stage, shards)))
            .setCoder(
                KvCoder.of(VarIntCoder.of(), KvCoder.of(StringUtf8Coder.of(), placeCoder)))
            .apply("GroupCopiesByTextShard", GroupByKey.create())
            .apply("TagDistinctUnits", ParDo.of(new TagFn(recognizer)))
            .setCoder(
                KvCoder.of(
                    StringUtf8Coder.of(), KvCoder.of(VarIntCoder.of(), MentionListCoder.of())));
    PCollection<KV<String, DedupedArticle>> keyed =
        articles
            .apply("KeyArticles", ParDo.of(new KeyArticleFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), DedupedArticle.DedupedArticleCoder.of()));
    return KeyedPCollectionTuple.of(ARTICLES, keyed)
        .and(TAGS, byArticle)
        .apply("GroupTagsWithArticles", CoGroupByKey.create())
        .apply("AssembleArticles", ParDo.of(new AssembleFn(stage)));
  }

  /** Ids are unique after DropDuplicateIds; the record's place keeps even a repeated id apart. */
  private static String key(DedupedArticle deduped) {
    return deduped.article().id()
        + '\u0000'
        + deduped.article().sourceFile()
        + '\u0000'
        + deduped.article().record();
  }

  /** The shard of a unit text: every copy of a text lands in the same shard. */
  static int shard(String text, int shards) {
    return Math.floorMod(text.hashCode() * 0x9E3779B9, shards);
  }

  private static final class CutUnitsFn
      extends DoFn<DedupedArticle, KV<Integer, KV<String, KV<String, Integer>>>> {
    private final Counter units = Metrics.counter("entities", "units");
    private final ArticleRecognition stage;
    private final int shards;

    CutUnitsFn(ArticleRecognition stage, int shards) {
      this.stage = stage;
      this.shards = shards;
    }

    @ProcessElement
    public void process(
        @Element DedupedArticle article,
        OutputReceiver<KV<Integer, KV<String, KV<String, Integer>>>> out) {
      String key = key(article);
      List<String> texts = stage.units(article);
      for (int i = 0; i < texts.size(); i++) {
        String text = texts.get(i);
        out.output(KV.of(shard(text, shards), KV.of(text, KV.of(key, i))));
      }
      units.inc(texts.size());
    }
  }

  /**
   * Tags each distinct text of one shard once and sends its mentions to every copy. The copies are
   * only iterated; a bounded cache remembers the texts already tagged (a text's copies all sit in
   * this shard, so past the bound a text is at worst tagged again, never lost).
   */
  private static final class TagFn
      extends DoFn<
          KV<Integer, Iterable<KV<String, KV<String, Integer>>>>,
          KV<String, KV<Integer, List<Mention>>>> {
    private final Counter tagged = Metrics.counter("entities", "units_tagged");
    private final EntityRecognizer recognizer;

    TagFn(EntityRecognizer recognizer) {
      this.recognizer = recognizer;
    }

    @Setup
    public void setup() {
      recognizer.warmUp();
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<String, KV<String, Integer>>>> shard,
        OutputReceiver<KV<String, KV<Integer, List<Mention>>>> out) {
      Map<String, List<Mention>> cache =
          new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Mention>> eldest) {
              return size() > MAX_CACHED_UNITS;
            }
          };
      for (KV<String, KV<String, Integer>> copy : shard.getValue()) {
        List<Mention> mentions = cache.get(copy.getKey());
        if (mentions == null) {
          mentions = ArticleRecognition.tag(recognizer, copy.getKey());
          mentions = mentions == null ? FAILED : mentions;
          cache.put(copy.getKey(), mentions);
          tagged.inc();
        }
        KV<String, Integer> place = copy.getValue();
        // A unit the recognizer failed on travels with a negative index: -1 - index.
        int index = mentions == FAILED ? -1 - place.getValue() : place.getValue();
        out.output(KV.of(place.getKey(), KV.of(index, mentions == FAILED ? List.of() : mentions)));
      }
    }
  }

  private static final class KeyArticleFn extends DoFn<DedupedArticle, KV<String, DedupedArticle>> {
    @ProcessElement
    public void process(
        @Element DedupedArticle article, OutputReceiver<KV<String, DedupedArticle>> out) {
      out.output(KV.of(key(article), article));
    }
  }

  private static final class AssembleFn extends DoFn<KV<String, CoGbkResult>, AnnotatedArticle> {
    private final Counter mentionCount = Metrics.counter("entities", "mentions");
    private final Counter sentencesCut = Metrics.counter("entities", "sentences_cut");
    private final Counter sentencesFailed = Metrics.counter("entities", "sentences_failed");
    private final ArticleRecognition stage;

    AssembleFn(ArticleRecognition stage) {
      this.stage = stage;
    }

    @ProcessElement
    public void process(
        @Element KV<String, CoGbkResult> joined, OutputReceiver<AnnotatedArticle> out) {
      List<List<Mention>> tags = new ArrayList<>();
      List<Boolean> present = new ArrayList<>();
      for (KV<Integer, List<Mention>> unit : joined.getValue().getAll(TAGS)) {
        boolean failed = unit.getKey() < 0;
        int index = failed ? -1 - unit.getKey() : unit.getKey();
        while (tags.size() <= index) {
          tags.add(null);
          present.add(false);
        }
        tags.set(index, failed ? null : unit.getValue()); // null: the recognizer failed on it
        present.set(index, true);
      }
      if (present.contains(false)) {
        // Cannot happen unless a runner loses data; failing beats a silently wrong article.
        throw new IllegalStateException("article " + joined.getKey() + " lost a unit");
      }
      for (DedupedArticle article : joined.getValue().getAll(ARTICLES)) {
        AnnotatedArticle annotated = stage.assemble(article, tags);
        mentionCount.inc(annotated.mentions().size());
        sentencesCut.inc(annotated.sentencesCut());
        sentencesFailed.inc(annotated.sentencesFailed());
        out.output(annotated);
      }
    }
  }
}
