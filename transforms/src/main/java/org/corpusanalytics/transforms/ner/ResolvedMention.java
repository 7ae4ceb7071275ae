package org.corpusanalytics.transforms.ner;

import java.io.Serializable;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A mention with its canonical entity name. {@code start}/{@code end} are UTF-16 offsets into the
 * article body as read; {@code sentence} is the index of the counted sentence that holds it (a kept
 * sentence, or its line where the article is read line by line).
 */
public final class ResolvedMention implements Serializable {
  private final int sentence;
  private final int start;
  private final int end;
  private final String text;
  private final EntityType type;
  private final String entity;

  public ResolvedMention(
      int sentence, int start, int end, String text, EntityType type, String entity) {
    this.sentence = sentence;
    this.start = start;
    this.end = end;
    this.text = Objects.requireNonNull(text);
    this.type = Objects.requireNonNull(type);
    this.entity = Objects.requireNonNull(entity);
  }

  public int sentence() {
    return sentence;
  }

  public int start() {
    return start;
  }

  public int end() {
    return end;
  }

  public String text() {
    return text;
  }

  public EntityType type() {
    return type;
  }

  public String entity() {
    return entity;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ResolvedMention)) {
      return false;
    }
    ResolvedMention m = (ResolvedMention) o;
    return sentence == m.sentence
        && start == m.start
        && end == m.end
        && text.equals(m.text)
        && type == m.type
        && entity.equals(m.entity);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sentence, start, end, text, type, entity);
  }

  @Override
  public String toString() {
    return entity + "/" + type + " <- '" + text + "' [" + start + "," + end + ")";
  }
}
