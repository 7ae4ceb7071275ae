package org.corpusanalytics.transforms.dedup;

import java.io.Serializable;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;

/**
 * One row of the {@code repeated_segments} table: a sentence (normalized, cut to {@link
 * #MAX_TEXT_CHARS}) that occurs more than once in the corpus.
 */
@DefaultCoder(AvroCoder.class)
public final class RepeatedSegment implements Serializable {
  public static final int MAX_TEXT_CHARS = 200;

  private String segment;
  private long chars;
  private long occurrences;
  private long articles;
  private String firstArticleId;

  @SuppressWarnings("unused") // for AvroCoder
  private RepeatedSegment() {
    this("", 0, 0, 0, "");
  }

  public RepeatedSegment(
      String segment, long chars, long occurrences, long articles, String firstArticleId) {
    this.segment = Objects.requireNonNull(segment);
    this.chars = chars;
    this.occurrences = occurrences;
    this.articles = articles;
    this.firstArticleId = Objects.requireNonNull(firstArticleId);
  }

  /** The row for a sentence and its corpus statistics. */
  public static RepeatedSegment of(String sentence, SegmentStats stats) {
    return new RepeatedSegment(
        truncate(sentence, MAX_TEXT_CHARS),
        sentence.length(),
        stats.occurrences(),
        stats.articles(),
        Objects.requireNonNull(stats.first()).articleId());
  }

  /** The first {@code max} chars, never ending inside a surrogate pair. */
  static String truncate(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /** The normalized sentence, cut to {@link #MAX_TEXT_CHARS} chars. */
  public String segment() {
    return segment;
  }

  /** Length of the whole normalized sentence. */
  public long chars() {
    return chars;
  }

  public long occurrences() {
    return occurrences;
  }

  public long articles() {
    return articles;
  }

  /** The article holding the first copy in canonical order. */
  public String firstArticleId() {
    return firstArticleId;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof RepeatedSegment)) {
      return false;
    }
    RepeatedSegment r = (RepeatedSegment) o;
    return chars == r.chars
        && occurrences == r.occurrences
        && articles == r.articles
        && segment.equals(r.segment)
        && firstArticleId.equals(r.firstArticleId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(segment, chars, occurrences, articles, firstArticleId);
  }

  @Override
  public String toString() {
    return occurrences + "x/" + articles + " first " + firstArticleId + ": " + segment;
  }
}
