package org.corpusanalytics.transforms.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Min;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.model.CanonicalPosition;
import org.corpusanalytics.transforms.text.SegmentedText;
import org.corpusanalytics.transforms.text.SentenceSplitter;
import org.corpusanalytics.transforms.text.TextNormalizer;

/**
 * Removes repeated sentences, keeping the first copy in canonical order ({@code published}
 * ascending with undated articles last, then article id, then offset in the body).
 *
 * <p>With {@link DedupMode#CORPUS} the earliest copy of each sentence is found with a combiner (min
 * per sentence), then every later copy is joined back to its article.
 *
 * <p>Bad content never fails the stage: an article whose text cannot be split is kept whole (nothing
 * removed from it, none of its sentences removed elsewhere as a copy of it) and counted in the
 * {@code dedup/failed_articles} metric.
 */
public final class RemoveRepeatedSegments
    extends PTransform<PCollection<Article>, PCollection<DedupedArticle>> {
  public static final int DEFAULT_MIN_SEGMENT_CHARS = 30;

  private final DedupMode mode;
  private final int minSegmentChars;
  private final TextNormalizer normalizer;
  private final SentenceSplitter splitter;

  private RemoveRepeatedSegments(
      DedupMode mode, int minSegmentChars, TextNormalizer normalizer, SentenceSplitter splitter) {
    this.mode = mode;
    this.minSegmentChars = minSegmentChars;
    this.normalizer = normalizer;
    this.splitter = splitter;
  }

  public static RemoveRepeatedSegments create() {
    return new RemoveRepeatedSegments(
        DedupMode.CORPUS, DEFAULT_MIN_SEGMENT_CHARS, new TextNormalizer(), new SentenceSplitter());
  }

  public RemoveRepeatedSegments withMode(DedupMode newMode) {
    return new RemoveRepeatedSegments(newMode, minSegmentChars, normalizer, splitter);
  }

  public RemoveRepeatedSegments withMinSegmentChars(int chars) {
    if (chars < 1) {
      throw new IllegalArgumentException("minSegmentChars must be at least 1, got " + chars);
    }
    return new RemoveRepeatedSegments(mode, chars, normalizer, splitter);
  }

  public RemoveRepeatedSegments withSplitter(SentenceSplitter newSplitter) {
    return new RemoveRepeatedSegments(mode, minSegmentChars, normalizer, newSplitter);
  }

  @Override
  public PCollection<DedupedArticle> expand(PCollection<Article> articles) {
    RepeatPlanner planner = new RepeatPlanner(minSegmentChars);
    if (mode != DedupMode.CORPUS) {
      return articles.apply(
          "RemoveRepeatsInArticle",
          ParDo.of(new ApplyRemovalsFn(planner, normalizer, splitter, mode == DedupMode.NONE)));
    }

    PCollection<KV<String, KV<CanonicalPosition, Integer>>> occurrences =
        articles.apply(
            "ExtractSentenceOccurrences", ParDo.of(new OccurrencesFn(planner, normalizer, splitter)));
    PCollection<KV<String, CanonicalPosition>> firstCopies =
        occurrences
            .apply(
                "PositionsOnly",
                org.apache.beam.sdk.transforms.MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(),
                            org.apache.beam.sdk.values.TypeDescriptor.of(CanonicalPosition.class)))
                    .via(kv -> KV.of(kv.getKey(), kv.getValue().getKey())))
            .apply("FindFirstCopy", Min.perKey());

    TupleTag<KV<CanonicalPosition, Integer>> occurrenceTag = new TupleTag<>();
    TupleTag<CanonicalPosition> firstTag = new TupleTag<>();
    PCollection<KV<String, String>> laterCopies =
        KeyedPCollectionTuple.of(occurrenceTag, occurrences)
            .and(firstTag, firstCopies)
            .apply("JoinOccurrencesWithFirstCopy", CoGroupByKey.create())
            .apply("SelectLaterCopies", ParDo.of(new LaterCopiesFn(occurrenceTag, firstTag)));

    TupleTag<Article> articleTag = new TupleTag<>();
    TupleTag<String> laterCopyTag = new TupleTag<>();
    return KeyedPCollectionTuple.of(
            articleTag,
            articles.apply(
                "KeyArticlesById", WithKeys.of(Article::id).withKeyType(TypeDescriptors.strings())))
        .and(laterCopyTag, laterCopies)
        .apply("JoinArticlesWithRepeats", CoGroupByKey.create())
        .apply(
            "RemoveRepeats",
            ParDo.of(new JoinedRemovalsFn(planner, normalizer, splitter, articleTag, laterCopyTag)));
  }

  static final String FAILED_ARTICLES = "failed_articles";

  /** The article with its repeats removed; kept whole, and counted, if its text cannot be split. */
  private static DedupedArticle removeOrKeepAll(
      Article article,
      RepeatPlanner planner,
      TextNormalizer normalizer,
      SentenceSplitter splitter,
      Map<Integer, String> keptElsewhere,
      Counter failed) {
    try {
      SegmentedText text = SegmentedText.of(article.body(), normalizer, splitter);
      return new DedupedArticle(article, planner.removedSpans(article.id(), text, keptElsewhere));
    } catch (RuntimeException | StackOverflowError e) {
      failed.inc();
      return new DedupedArticle(article, List.of());
    }
  }

  /** One value per later copy: "start:keptArticleId", keyed by the article that holds the copy. */
  private static String encodeLaterCopy(int start, String keptArticleId) {
    return start + ":" + keptArticleId;
  }

  private static final class OccurrencesFn
      extends DoFn<Article, KV<String, KV<CanonicalPosition, Integer>>> {
    private final RepeatPlanner planner;
    private final TextNormalizer normalizer;
    private final SentenceSplitter splitter;

    OccurrencesFn(RepeatPlanner planner, TextNormalizer normalizer, SentenceSplitter splitter) {
      this.planner = planner;
      this.normalizer = normalizer;
      this.splitter = splitter;
    }

    @ProcessElement
    public void process(@Element Article article, OutputReceiver<KV<String, KV<CanonicalPosition, Integer>>> out) {
      List<KV<String, KV<CanonicalPosition, Integer>>> found = new ArrayList<>();
      try {
        SegmentedText text = SegmentedText.of(article.body(), normalizer, splitter);
        boolean[] inArticle = planner.repeatsInArticle(text);
        CanonicalPosition articlePosition = article.canonicalPosition();
        for (int i = 0; i < text.size(); i++) {
          if (!inArticle[i] && planner.isCandidate(text, i)) {
            found.add(
                KV.of(
                    text.sentence(i),
                    KV.of(articlePosition.atOffset(text.originalStart(i)), text.originalEnd(i))));
          }
        }
      } catch (RuntimeException | StackOverflowError e) {
        return; // counted when the article is joined back: it cannot be split there either
      }
      found.forEach(out::output);
    }
  }

  private static final class LaterCopiesFn extends DoFn<KV<String, CoGbkResult>, KV<String, String>> {
    private final TupleTag<KV<CanonicalPosition, Integer>> occurrenceTag;
    private final TupleTag<CanonicalPosition> firstTag;

    LaterCopiesFn(
        TupleTag<KV<CanonicalPosition, Integer>> occurrenceTag,
        TupleTag<CanonicalPosition> firstTag) {
      this.occurrenceTag = occurrenceTag;
      this.firstTag = firstTag;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> joined, OutputReceiver<KV<String, String>> out) {
      CanonicalPosition first = joined.getValue().getOnly(firstTag);
      for (KV<CanonicalPosition, Integer> occurrence : joined.getValue().getAll(occurrenceTag)) {
        String articleId = occurrence.getKey().articleId();
        if (!articleId.equals(first.articleId())) {
          out.output(
              KV.of(articleId, encodeLaterCopy(occurrence.getKey().offset(), first.articleId())));
        }
      }
    }
  }

  private static final class JoinedRemovalsFn extends DoFn<KV<String, CoGbkResult>, DedupedArticle> {
    private final Counter charsRemoved = Metrics.counter("dedup", "chars_removed");
    private final Counter failed = Metrics.counter("dedup", FAILED_ARTICLES);
    private final RepeatPlanner planner;
    private final TextNormalizer normalizer;
    private final SentenceSplitter splitter;
    private final TupleTag<Article> articleTag;
    private final TupleTag<String> laterCopyTag;

    JoinedRemovalsFn(
        RepeatPlanner planner,
        TextNormalizer normalizer,
        SentenceSplitter splitter,
        TupleTag<Article> articleTag,
        TupleTag<String> laterCopyTag) {
      this.planner = planner;
      this.normalizer = normalizer;
      this.splitter = splitter;
      this.articleTag = articleTag;
      this.laterCopyTag = laterCopyTag;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> joined, OutputReceiver<DedupedArticle> out) {
      Map<Integer, String> keptElsewhere = new HashMap<>();
      for (String copy : joined.getValue().getAll(laterCopyTag)) {
        int colon = copy.indexOf(':');
        keptElsewhere.put(Integer.parseInt(copy.substring(0, colon)), copy.substring(colon + 1));
      }
      // Article ids are unique by now (see DropDuplicateIds), so this loop runs once.
      for (Article article : joined.getValue().getAll(articleTag)) {
        DedupedArticle deduped = removeOrKeepAll(article, planner, normalizer, splitter, keptElsewhere, failed);
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
        RepeatPlanner planner, TextNormalizer normalizer, SentenceSplitter splitter, boolean keepAll) {
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
      out.output(removeOrKeepAll(article, planner, normalizer, splitter, Map.of(), failed));
    }
  }
}
