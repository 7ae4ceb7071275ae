package org.corpusanalytics.transforms.ner;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.annotation.Nullable;

/** A recognized entity mention: a span [start, end) of the text given to the recognizer. */
public final class Mention implements Serializable {
  private final int start;
  private final int end;
  private final String text;
  private final EntityType type;

  public Mention(int start, int end, String text, EntityType type) {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
    this.start = start;
    this.end = end;
    this.text = Objects.requireNonNull(text);
    this.type = Objects.requireNonNull(type);
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

  public Mention shifted(int delta) {
    return new Mention(start + delta, end + delta, text, type);
  }

  /** The same span as a mention of {@code newType}. */
  public Mention withType(EntityType newType) {
    return newType == type ? this : new Mention(start, end, text, newType);
  }

  /**
   * The part [from, to) of this mention's text, without the whitespace around it, as a mention of
   * {@code partType}; null when only whitespace is left.
   */
  @Nullable Mention part(int from, int to, EntityType partType) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    return to > from ? new Mention(start + from, start + to, text.substring(from, to), partType) : null;
  }

  /**
   * Every mention of an article's units with the type {@code newType} gives it, or as it was where
   * that is null.
   */
  static List<List<Mention>> retype(
      List<List<Mention>> units, Function<Mention, EntityType> newType) {
    List<List<Mention>> out = new ArrayList<>(units.size());
    for (List<Mention> unit : units) {
      List<Mention> result = new ArrayList<>(unit.size());
      for (Mention m : unit) {
        EntityType t = newType.apply(m);
        result.add(t == null ? m : m.withType(t));
      }
      out.add(result);
    }
    return out;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Mention)) {
      return false;
    }
    Mention m = (Mention) o;
    return start == m.start && end == m.end && text.equals(m.text) && type == m.type;
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, end, text, type);
  }

  @Override
  public String toString() {
    return type + ":" + text + "[" + start + "," + end + ")";
  }
}
