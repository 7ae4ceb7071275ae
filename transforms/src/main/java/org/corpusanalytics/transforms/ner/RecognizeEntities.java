package org.corpusanalytics.transforms.ner;

import java.util.ArrayList;
import java.util.HashMap;
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
 *   -> GroupByKey(shard) -> TagDistinctUnits: each distinct text of the shard tagged once
 *   -> (shard of the article -> article, unit index, mentions)
 *   -> CoGroupByKey(shard of the article) with the articles -> assemble each article
 * </pre>
 *
 * <p>Both groupings use a fixed number of shards (hashes of the text or of the article) rather
 * than one key per sentence or per article: every copy of a text still meets in one place, a very
 * frequent sentence costs one cache hit per copy (no hot key: it is one value among many), and the
 * Direct runner, whose cost grows with the number of pending keys, stays fast.
 */
public final class RecognizeEntities
    extends PTransform<PCollection<DedupedArticle>, PCollection<AnnotatedArticle>> {
  /** Shards of each grouping: the parallelism of tagging and of assembling. */
  public static final int DEFAULT_SHARDS = 128;

  /** Distinct texts remembered per shard; past that a text may be tagged again. */
  static final int MAX_CACHED_UNITS = 200_000;

  private final EntityRecognizer recognizer;
  private final TextNormalizer normalizer;
  private final SentenceSplitter splitter;
  private final RecognitionRules rules;
  private final int shards;

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

  /** Tags one article directly, outside Beam: the same result as the transform. */
  public static AnnotatedArticle annotate(
      DedupedArticle deduped,
      EntityRecognizer recognizer,
      TextNormalizer normalizer,
      SentenceSplitter splitter) {
    return new ArticleRecognition(normalizer, splitter, RecognitionRules.defaults())
        .annotate(deduped, recognizer);
  }

  private static final TupleTag<DedupedArticle> ARTICLES = new TupleTag<>() {};
  private static final TupleTag<KV<String, KV<Integer, List<Mention>>>> TAGS = new TupleTag<>() {};

  @Override
  public PCollection<AnnotatedArticle> expand(PCollection<DedupedArticle> articles) {
    ArticleRecognition stage = articleRecognition();
    PCollection<KV<Integer, KV<String, KV<Integer, List<Mention>>>>> tags =
        articles
            .apply("CutUnits", ParDo.of(new CutUnitsFn(stage, shards)))
            .setCoder(
                KvCoder.of(
                    VarIntCoder.of(),
                    KvCoder.of(
                        StringUtf8Coder.of(),
                        KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()))))
            .apply("GroupUnitsByShard", GroupByKey.create())
            .apply("TagDistinctUnits", ParDo.of(new TagShardFn(recognizer, shards)))
            .setCoder(
                KvCoder.of(
                    VarIntCoder.of(),
                    KvCoder.of(
                        StringUtf8Coder.of(),
                        KvCoder.of(VarIntCoder.of(), MentionListCoder.of()))));
    PCollection<KV<Integer, DedupedArticle>> byShard =
        articles
            .apply("KeyArticlesByShard", ParDo.of(new KeyByShardFn(shards)))
            .setCoder(KvCoder.of(VarIntCoder.of(), DedupedArticle.DedupedArticleCoder.of()));
    return KeyedPCollectionTuple.of(ARTICLES, byShard)
        .and(TAGS, tags)
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

  /** Tags each distinct text of one shard once and sends the tags to every article using it. */
  private static final class TagShardFn
      extends DoFn<
          KV<Integer, Iterable<KV<String, KV<String, Integer>>>>,
          KV<Integer, KV<String, KV<Integer, List<Mention>>>>> {
    private final Counter tagged = Metrics.counter("entities", "units_tagged");
    private final EntityRecognizer recognizer;
    private final int shards;

    TagShardFn(EntityRecognizer recognizer, int shards) {
      this.recognizer = recognizer;
      this.shards = shards;
    }

    @Setup
    public void setup() {
      recognizer.warmUp();
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<String, KV<String, Integer>>>> shard,
        OutputReceiver<KV<Integer, KV<String, KV<Integer, List<Mention>>>>> out) {
      Map<String, List<Mention>> cache =
          new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Mention>> eldest) {
              return size() > MAX_CACHED_UNITS;
            }
          };
      for (KV<String, KV<String, Integer>> unit : shard.getValue()) {
        List<Mention> mentions = cache.get(unit.getKey());
        if (mentions == null) {
          mentions = recognizer.recognize(unit.getKey());
          cache.put(unit.getKey(), mentions);
          tagged.inc();
        }
        String article = unit.getValue().getKey();
        out.output(
            KV.of(
                shard(article, shards),
                KV.of(article, KV.of(unit.getValue().getValue(), mentions))));
      }
    }
  }

  private static final class KeyByShardFn extends DoFn<DedupedArticle, KV<Integer, DedupedArticle>> {
    private final int shards;

    KeyByShardFn(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(
        @Element DedupedArticle article, OutputReceiver<KV<Integer, DedupedArticle>> out) {
      out.output(KV.of(shard(key(article), shards), article));
    }
  }

  private static final class AssembleFn extends DoFn<KV<Integer, CoGbkResult>, AnnotatedArticle> {
    private final Counter mentionCount = Metrics.counter("entities", "mentions");
    private final ArticleRecognition stage;

    AssembleFn(ArticleRecognition stage) {
      this.stage = stage;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, CoGbkResult> joined, OutputReceiver<AnnotatedArticle> out) {
      Map<String, List<List<Mention>>> byArticle = new HashMap<>();
      for (KV<String, KV<Integer, List<Mention>>> unit : joined.getValue().getAll(TAGS)) {
        List<List<Mention>> tags = byArticle.computeIfAbsent(unit.getKey(), k -> new ArrayList<>());
        int index = unit.getValue().getKey();
        while (tags.size() <= index) {
          tags.add(null);
        }
        tags.set(index, unit.getValue().getValue());
      }
      for (DedupedArticle article : joined.getValue().getAll(ARTICLES)) {
        List<List<Mention>> tags = byArticle.getOrDefault(key(article), new ArrayList<>());
        if (tags.contains(null)) {
          throw new IllegalStateException("article " + article.article().id() + " lost a unit");
        }
        AnnotatedArticle annotated = stage.assemble(article, tags);
        mentionCount.inc(annotated.mentions().size());
        out.output(annotated);
      }
    }
  }
}
