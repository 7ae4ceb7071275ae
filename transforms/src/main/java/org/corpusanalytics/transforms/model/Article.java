package org.corpusanalytics.transforms.model;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * One article as read from the input, before any normalization. {@link #body()} is exactly the text of
 * the input record, so offsets into it let a user cut text back out of their own files.
 */
@DefaultCoder(ArticleCoder.class)
public final class Article implements Serializable {
  private final String id;
  private final @Nullable String title;
  private final String body;
  private final @Nullable Long publishedMillis;
  private final @Nullable String source;
  private final @Nullable String url;
  private final String sourceFile;
  private final long record;

  public Article(
      String id,
      @Nullable String title,
      String body,
      @Nullable Long publishedMillis,
      @Nullable String source,
      @Nullable String url,
      String sourceFile,
      long record) {
    this.id = Objects.requireNonNull(id, "id");
    this.title = title;
    this.body = Objects.requireNonNull(body, "body");
    this.publishedMillis = publishedMillis;
    this.source = source;
    this.url = url;
    this.sourceFile = Objects.requireNonNull(sourceFile, "sourceFile");
    this.record = record;
  }

  public String id() {
    return id;
  }

  public @Nullable String title() {
    return title;
  }

  public String body() {
    return body;
  }

  /** Publication instant in epoch milliseconds (UTC), or null when the input had no usable date. */
  public @Nullable Long publishedMillis() {
    return publishedMillis;
  }

  public @Nullable LocalDate publishedDate() {
    return publishedMillis == null
        ? null
        : LocalDate.ofInstant(Instant.ofEpochMilli(publishedMillis), ZoneOffset.UTC);
  }

  public @Nullable String source() {
    return source;
  }

  public @Nullable String url() {
    return url;
  }

  /** The input file this article came from. */
  public String sourceFile() {
    return sourceFile;
  }

  /** 1-based line (JSON Lines) or data-row (CSV) number in {@link #sourceFile()}; 0 for text files. */
  public long record() {
    return record;
  }

  public Article withBody(String newBody) {
    return new Article(id, title, newBody, publishedMillis, source, url, sourceFile, record);
  }

  public CanonicalPosition canonicalPosition() {
    return new CanonicalPosition(publishedMillis, id, 0);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Article)) {
      return false;
    }
    Article a = (Article) o;
    return record == a.record
        && id.equals(a.id)
        && Objects.equals(title, a.title)
        && body.equals(a.body)
        && Objects.equals(publishedMillis, a.publishedMillis)
        && Objects.equals(source, a.source)
        && Objects.equals(url, a.url)
        && sourceFile.equals(a.sourceFile);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, body, sourceFile, record);
  }

  @Override
  public String toString() {
    return "Article{" + id + " from " + sourceFile + "#" + record + ", " + body.length() + " chars}";
  }
}
