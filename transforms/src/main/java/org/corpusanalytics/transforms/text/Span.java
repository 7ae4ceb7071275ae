package org.corpusanalytics.transforms.text;

import java.io.Serializable;

/** A half-open range {@code [start, end)} of UTF-16 indices into some string. */
public record Span(int start, int end) implements Serializable {

  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
    }
  }

  public int length() {
    return end - start;
  }

  public boolean isEmpty() {
    return start == end;
  }

  /** The text this span covers in {@code text}. */
  public String substringOf(String text) {
    return text.substring(start, end);
  }
}
