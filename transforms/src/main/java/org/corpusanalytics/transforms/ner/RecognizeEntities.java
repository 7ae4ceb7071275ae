package org.corpusanalytics.transforms.ner;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.corpusanalytics.transforms.dedup.DedupedArticle;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.text.SegmentedText;
import org.corpusanalytics.transforms.text.SentenceSplitter;
import org.corpusanalytics.transforms.text.TextNormalizer;

/**
 * Tags the sentences that dedup kept and resolves aliases within each article. Mention offsets are
 * mapped back to the body as read.
 */
public final class RecognizeEntities
    extends PTransform<PCollection<DedupedArticle>, PCollection<AnnotatedArticle>> {
  private final EntityRecognizer recognizer;
  private final TextNormalizer normalizer;
  private final SentenceSplitter splitter;

  private RecognizeEntities(
      EntityRecognizer recognizer, TextNormalizer normalizer, SentenceSplitter splitter) {
    this.recognizer = recognizer;
    this.normalizer = normalizer;
    this.splitter = splitter;
  }

  public static RecognizeEntities with(EntityRecognizer recognizer) {
    return new RecognizeEntities(recognizer, new TextNormalizer(), new SentenceSplitter());
  }

  public RecognizeEntities withSplitter(SentenceSplitter newSplitter) {
    return new RecognizeEntities(recognizer, normalizer, newSplitter);
  }

  @Override
  public PCollection<AnnotatedArticle> expand(PCollection<DedupedArticle> articles) {
    return articles.apply(
        "TagKeptSentences", ParDo.of(new AnnotateFn(recognizer, normalizer, splitter)));
  }

  /** The per-article work, outside Beam so it can be tested and reused directly. */
  public static AnnotatedArticle annotate(
      DedupedArticle deduped,
      EntityRecognizer recognizer,
      TextNormalizer normalizer,
      SentenceSplitter splitter) {
    Article article = deduped.article();
    SegmentedText text = SegmentedText.of(article.body(), normalizer, splitter);
    List<AliasResolver.Sentence> kept = new ArrayList<>();
    List<Integer> keptIndex = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      if (!deduped.isRemoved(text.originalStart(i), text.originalEnd(i))) {
        String sentence = text.sentence(i);
        kept.add(new AliasResolver.Sentence(sentence, recognizer.recognize(sentence)));
        keptIndex.add(i);
      }
    }
    List<ResolvedMention> mentions = new ArrayList<>();
    for (AliasResolver.Resolved r : new AliasResolver().resolve(kept)) {
      int sentence = keptIndex.get(r.sentence);
      int start = text.originalStart(sentence, r.start);
      int end = text.originalEnd(sentence, r.end);
      mentions.add(
          new ResolvedMention(
              r.sentence, start, end, article.body().substring(start, end), r.type, r.entity));
    }
    return new AnnotatedArticle(
        article.id(),
        article.title(),
        article.publishedMillis(),
        article.source(),
        article.body().length(),
        deduped.charsRemoved(),
        deduped.duplicateOf(),
        kept.size(),
        mentions);
  }

  private static final class AnnotateFn extends DoFn<DedupedArticle, AnnotatedArticle> {
    private final Counter mentionCount = Metrics.counter("entities", "mentions");
    private final EntityRecognizer recognizer;
    private final TextNormalizer normalizer;
    private final SentenceSplitter splitter;

    AnnotateFn(EntityRecognizer recognizer, TextNormalizer normalizer, SentenceSplitter splitter) {
      this.recognizer = recognizer;
      this.normalizer = normalizer;
      this.splitter = splitter;
    }

    @Setup
    public void setup() {
      recognizer.warmUp();
    }

    @ProcessElement
    public void process(@Element DedupedArticle article, OutputReceiver<AnnotatedArticle> out) {
      AnnotatedArticle annotated = annotate(article, recognizer, normalizer, splitter);
      mentionCount.inc(annotated.mentions().size());
      out.output(annotated);
    }
  }
}
