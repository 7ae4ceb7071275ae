package org.corpusanalytics.transforms.dedup;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.text.SentenceSplitter;

/**
 * Removes repeated sentences, keeping the first copy in canonical order ({@code published}
 * ascending with undated articles last, then article id, then offset in the body). Near duplicates
 * are not looked for: this is {@link DedupArticles} with near-duplicate detection off, for callers
 * that want the articles only.
 *
 * <p>With {@link DedupMode#CORPUS} the earliest copy of each sentence is found with a combiner (min
 * per sentence), then every later copy is joined back to its article by a join that splits hot
 * sentences (see {@link HotKeyJoin}).
 */
public final class RemoveRepeatedSegments
    extends PTransform<PCollection<Article>, PCollection<DedupedArticle>> {
  public static final int DEFAULT_MIN_SEGMENT_CHARS = 30;

  /** A short last sentence ending this many articles is a sign-off (see {@link RepeatPlanner}). */
  public static final long DEFAULT_MIN_SIGN_OFF_ARTICLES = 20;

  private final DedupArticles dedup;

  private RemoveRepeatedSegments(DedupArticles dedup) {
    this.dedup = dedup;
  }

  public static RemoveRepeatedSegments create() {
    return new RemoveRepeatedSegments(DedupArticles.create().withNearDuplicates(null));
  }

  public RemoveRepeatedSegments withMode(DedupMode newMode) {
    return new RemoveRepeatedSegments(dedup.withMode(newMode));
  }

  public RemoveRepeatedSegments withMinSegmentChars(int chars) {
    return new RemoveRepeatedSegments(dedup.withMinSegmentChars(chars));
  }

  public RemoveRepeatedSegments withMinSignOffArticles(long articles) {
    return new RemoveRepeatedSegments(dedup.withMinSignOffArticles(articles));
  }

  public RemoveRepeatedSegments withSplitter(SentenceSplitter newSplitter) {
    return new RemoveRepeatedSegments(dedup.withSplitter(newSplitter));
  }

  /** See {@link HotKeyJoin#withHotKeyThreshold}. */
  public RemoveRepeatedSegments withHotKeyThreshold(long threshold) {
    return new RemoveRepeatedSegments(dedup.withHotKeyThreshold(threshold));
  }

  @Override
  public PCollection<DedupedArticle> expand(PCollection<Article> articles) {
    return articles.apply("Dedup", dedup).articles();
  }
}
