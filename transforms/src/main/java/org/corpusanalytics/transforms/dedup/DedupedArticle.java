package org.corpusanalytics.transforms.dedup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.model.ArticleCoder;

/**
 * An article with the repeated spans that dedup removed from it, sorted by position, and the article
 * kept in its place when it is a near duplicate.
 */
@DefaultCoder(DedupedArticle.DedupedArticleCoder.class)
public final class DedupedArticle implements Serializable {
  private final Article article;
  private final List<RemovedSegment> removed;
  private final @Nullable String duplicateOf;

  public DedupedArticle(Article article, List<RemovedSegment> removed) {
    this(article, removed, null);
  }

  public DedupedArticle(
      Article article, List<RemovedSegment> removed, @Nullable String duplicateOf) {
    this.article = Objects.requireNonNull(article);
    this.removed = List.copyOf(removed);
    this.duplicateOf = duplicateOf;
  }

  public Article article() {
    return article;
  }

  public List<RemovedSegment> removed() {
    return removed;
  }

  /**
   * The id of the article kept in this one's place when this one is a near duplicate of it (see
   * {@link FindNearDuplicates}); null for an article that is kept.
   */
  public @Nullable String duplicateOf() {
    return duplicateOf;
  }

  /** Chars of the removed spans with the given reason. */
  public long charsRemoved(String reason) {
    long n = 0;
    for (RemovedSegment r : removed) {
      if (r.reason().equals(reason)) {
        n += r.length();
      }
    }
    return n;
  }

  public long charsRemoved() {
    long n = 0;
    for (RemovedSegment r : removed) {
      n += r.length();
    }
    return n;
  }

  /** True when a removed span shares a character with [start, end) of the original body. */
  public boolean overlapsRemoved(int start, int end) {
    for (RemovedSegment r : removed) {
      if (r.start() < end && start < r.end()) {
        return true;
      }
      if (r.start() >= end) {
        break;
      }
    }
    return false;
  }

  /** True when [start, end) of the original body lies inside a removed span. */
  public boolean isRemoved(int start, int end) {
    for (RemovedSegment r : removed) {
      if (r.start() <= start && end <= r.end()) {
        return true;
      }
      if (r.start() >= end) {
        break;
      }
    }
    return false;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof DedupedArticle)) {
      return false;
    }
    DedupedArticle d = (DedupedArticle) o;
    return article.equals(d.article)
        && removed.equals(d.removed)
        && Objects.equals(duplicateOf, d.duplicateOf);
  }

  @Override
  public int hashCode() {
    return Objects.hash(article, removed, duplicateOf);
  }

  @Override
  public String toString() {
    return article.id()
        + " minus "
        + removed
        + (duplicateOf == null ? "" : ", near duplicate of " + duplicateOf);
  }

  /** Coder: the article, the removed spans, then the kept article of a near duplicate. */
  public static final class DedupedArticleCoder extends AtomicCoder<DedupedArticle> {
    private static final DedupedArticleCoder INSTANCE = new DedupedArticleCoder();
    private static final ListCoder<RemovedSegment> REMOVED =
        ListCoder.of(AvroCoder.of(RemovedSegment.class));
    private static final NullableCoder<String> DUPLICATE_OF = NullableCoder.of(StringUtf8Coder.of());

    public static DedupedArticleCoder of() {
      return INSTANCE;
    }

    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(DedupedArticle.class), INSTANCE);
    }

    @Override
    public void encode(DedupedArticle value, OutputStream out) throws IOException {
      ArticleCoder.of().encode(value.article, out);
      REMOVED.encode(value.removed, out);
      DUPLICATE_OF.encode(value.duplicateOf, out);
    }

    @Override
    public DedupedArticle decode(InputStream in) throws IOException {
      return new DedupedArticle(
          ArticleCoder.of().decode(in), REMOVED.decode(in), DUPLICATE_OF.decode(in));
    }
  }
}
