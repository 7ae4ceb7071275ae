package org.corpusanalytics.transforms.ner;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.DefaultCoder;

/** What the statistics need of one article: its metadata, dedup figures and resolved mentions. */
@DefaultCoder(AnnotatedArticleCoder.class)
public final class AnnotatedArticle implements Serializable {
  private final String id;
  private final @Nullable String title;
  private final @Nullable Long publishedMillis;
  private final @Nullable String source;
  private final long chars;
  private final long charsRemoved;
  private final @Nullable String duplicateOf;
  private final int sentences;
  private final List<ResolvedMention> mentions;
  private final int sentencesCut;
  private final int sentencesFailed;

  public AnnotatedArticle(
      String id,
      @Nullable String title,
      @Nullable Long publishedMillis,
      @Nullable String source,
      long chars,
      long charsRemoved,
      @Nullable String duplicateOf,
      int sentences,
      List<ResolvedMention> mentions) {
    this(id, title, publishedMillis, source, chars, charsRemoved, duplicateOf, sentences, mentions, 0, 0);
  }

  /**
   * @param sentencesCut sentences longer than the splitter's limit, cut into pieces before tagging
   * @param sentencesFailed sentences the tagger failed on; their mentions are missing
   */
  public AnnotatedArticle(
      String id,
      @Nullable String title,
      @Nullable Long publishedMillis,
      @Nullable String source,
      long chars,
      long charsRemoved,
      @Nullable String duplicateOf,
      int sentences,
      List<ResolvedMention> mentions,
      int sentencesCut,
      int sentencesFailed) {
    this.id = Objects.requireNonNull(id);
    this.title = title;
    this.publishedMillis = publishedMillis;
    this.source = source;
    this.chars = chars;
    this.charsRemoved = charsRemoved;
    this.duplicateOf = duplicateOf;
    this.sentences = sentences;
    this.mentions = mentions;
    this.sentencesCut = sentencesCut;
    this.sentencesFailed = sentencesFailed;
  }

  public String id() {
    return id;
  }

  public @Nullable String title() {
    return title;
  }

  public @Nullable Long publishedMillis() {
    return publishedMillis;
  }

  public @Nullable String source() {
    return source;
  }

  /** Length of the body as read, in UTF-16 chars. */
  public long chars() {
    return chars;
  }

  public long charsRemoved() {
    return charsRemoved;
  }

  public @Nullable String duplicateOf() {
    return duplicateOf;
  }

  /** Sentences that dedup kept. */
  public int sentences() {
    return sentences;
  }

  public List<ResolvedMention> mentions() {
    return mentions;
  }

  /** Sentences longer than the splitter's limit that were cut into pieces before tagging. */
  public int sentencesCut() {
    return sentencesCut;
  }

  /** Sentences (or whole texts that could not be split) the tagger failed on. */
  public int sentencesFailed() {
    return sentencesFailed;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof AnnotatedArticle)) {
      return false;
    }
    AnnotatedArticle a = (AnnotatedArticle) o;
    return chars == a.chars
        && charsRemoved == a.charsRemoved
        && sentences == a.sentences
        && sentencesCut == a.sentencesCut
        && sentencesFailed == a.sentencesFailed
        && id.equals(a.id)
        && Objects.equals(title, a.title)
        && Objects.equals(publishedMillis, a.publishedMillis)
        && Objects.equals(source, a.source)
        && Objects.equals(duplicateOf, a.duplicateOf)
        && mentions.equals(a.mentions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, chars, charsRemoved, sentences, mentions);
  }

  @Override
  public String toString() {
    return "AnnotatedArticle{" + id + ", " + sentences + " sentences, " + mentions + "}";
  }
}
