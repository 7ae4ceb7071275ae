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
 *
 * <p>Bad content never fails the stage: see {@link #annotate}. Metrics in namespace {@code
 * entities}: {@code mentions}, {@code sentences_cut} (over-long sentences cut before tagging) and
 * {@code sentences_failed} (sentences the recognizer failed on).
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

  /**
   * The per-article work, outside Beam so it can be tested and reused directly. Never throws for an
   * article's content: a sentence the recognizer fails on is counted in {@link
   * AnnotatedArticle#sentencesFailed()} and tagging goes on with the next one; a mention whose
   * offsets do not fit its sentence is dropped; a text that cannot be split or resolved at all gives
   * the article without mentions, one failure counted.
   */
  public static AnnotatedArticle annotate(
      DedupedArticle deduped,
      EntityRecognizer recognizer,
      TextNormalizer normalizer,
      SentenceSplitter splitter) {
    Article article = deduped.article();
    SegmentedText text;
    try {
      text = SegmentedText.of(article.body(), normalizer, splitter);
    } catch (RuntimeException | StackOverflowError e) {
      return withoutMentions(deduped, 0, 0, 1);
    }
    int failed = 0;
    List<AliasResolver.Sentence> kept = new ArrayList<>();
    List<Integer> keptIndex = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      if (!deduped.isRemoved(text.originalStart(i), text.originalEnd(i))) {
        String sentence = text.sentence(i);
        List<Mention> found;
        try {
          found = validMentions(sentence, recognizer.recognize(sentence));
        } catch (RuntimeException | StackOverflowError e) {
          failed++;
          found = List.of();
        }
        kept.add(new AliasResolver.Sentence(sentence, found));
        keptIndex.add(i);
      }
    }
    List<ResolvedMention> mentions = new ArrayList<>();
    try {
      for (AliasResolver.Resolved r : new AliasResolver().resolve(kept)) {
        int sentence = keptIndex.get(r.sentence);
        int start = text.originalStart(sentence, r.start);
        int end = text.originalEnd(sentence, r.end);
        if (start < 0 || end <= start || end > article.body().length()) {
          continue;
        }
        mentions.add(
            new ResolvedMention(
                r.sentence, start, end, article.body().substring(start, end), r.type, r.entity));
      }
    } catch (RuntimeException | StackOverflowError e) {
      return withoutMentions(deduped, kept.size(), text.sentencesCut(), failed + 1);
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
        mentions,
        text.sentencesCut(),
        failed);
  }

  /** The recognizer's mentions that lie inside the sentence; null entries and bad spans dropped. */
  private static List<Mention> validMentions(String sentence, List<Mention> found) {
    if (found == null) {
      return List.of();
    }
    List<Mention> valid = new ArrayList<>(found.size());
    for (Mention m : found) {
      if (m != null && m.end() <= sentence.length()) {
        valid.add(m);
      }
    }
    return valid;
  }

  private static AnnotatedArticle withoutMentions(
      DedupedArticle deduped, int sentences, int sentencesCut, int sentencesFailed) {
    Article article = deduped.article();
    return new AnnotatedArticle(
        article.id(),
        article.title(),
        article.publishedMillis(),
        article.source(),
        article.body().length(),
        deduped.charsRemoved(),
        null,
        sentences,
        List.of(),
        sentencesCut,
        sentencesFailed);
  }

  private static final class AnnotateFn extends DoFn<DedupedArticle, AnnotatedArticle> {
    private final Counter mentionCount = Metrics.counter("entities", "mentions");
    private final Counter sentencesCut = Metrics.counter("entities", "sentences_cut");
    private final Counter sentencesFailed = Metrics.counter("entities", "sentences_failed");
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
      sentencesCut.inc(annotated.sentencesCut());
      sentencesFailed.inc(annotated.sentencesFailed());
      out.output(annotated);
    }
  }
}
