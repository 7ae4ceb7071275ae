package org.corpusanalytics.transforms.model;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.corpusanalytics.transforms.support.CodePointOrder;

/**
 * A place in the corpus's canonical order, which decides every keep-first choice: {@code published}
 * ascending with missing dates last, then article id, then character offset in the body.
 */
@DefaultCoder(CanonicalPositionCoder.class)
public final class CanonicalPosition implements Comparable<CanonicalPosition>, Serializable {
  private static final Comparator<CanonicalPosition> ORDER =
      Comparator.comparing(
              (CanonicalPosition p) -> p.publishedMillis,
              Comparator.nullsLast(Comparator.<Long>naturalOrder()))
          .thenComparing(p -> p.articleId, CodePointOrder.INSTANCE)
          .thenComparingInt(p -> p.offset);

  private final @Nullable Long publishedMillis;
  private final String articleId;
  private final int offset;

  public CanonicalPosition(@Nullable Long publishedMillis, String articleId, int offset) {
    this.publishedMillis = publishedMillis;
    this.articleId = Objects.requireNonNull(articleId);
    this.offset = offset;
  }

  public @Nullable Long publishedMillis() {
    return publishedMillis;
  }

  public String articleId() {
    return articleId;
  }

  public int offset() {
    return offset;
  }

  public CanonicalPosition atOffset(int newOffset) {
    return new CanonicalPosition(publishedMillis, articleId, newOffset);
  }

  @Override
  public int compareTo(CanonicalPosition o) {
    return ORDER.compare(this, o);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof CanonicalPosition)) {
      return false;
    }
    CanonicalPosition p = (CanonicalPosition) o;
    return offset == p.offset
        && articleId.equals(p.articleId)
        && Objects.equals(publishedMillis, p.publishedMillis);
  }

  @Override
  public int hashCode() {
    return Objects.hash(publishedMillis, articleId, offset);
  }

  @Override
  public String toString() {
    return articleId + "@" + offset + (publishedMillis == null ? " (undated)" : " (" + publishedMillis + ")");
  }
}
