package org.corpusanalytics.transforms.text;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * The output of {@link TextNormalizer}: the normalized {@link #text()} plus, for each of its chars,
 * the range of the original string it came from, so entity offsets found in normalized text can be
 * reported against the text the user actually has.
 *
 * <p>Guarantee: for a span {@code [s, e)} of {@link #text()} that starts and ends on non-space
 * chars, {@code original().substring(originalStart(s), originalEnd(e))} is the original text that
 * normalized to it (same chars modulo whitespace collapsing, NFC and inserted glue spaces). Where
 * NFC changed the length of a short run (e.g. {@code e} + U+0301), every char of the run maps to
 * the whole run.
 */
public final class NormalizedText implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String original;
  private final String text;
  // originalStarts[i], originalEnds[i]: the original range of text.charAt(i). Both are equal for a
  // space inserted by glue repair (it has no original chars).
  private final int[] originalStarts;
  private final int[] originalEnds;

  NormalizedText(String original, String text, int[] originalStarts, int[] originalEnds) {
    if (originalStarts.length != text.length() || originalEnds.length != text.length()) {
      throw new IllegalArgumentException("offset map length does not match text length");
    }
    this.original = original;
    this.text = text;
    this.originalStarts = originalStarts;
    this.originalEnds = originalEnds;
  }

  /** The normalized text. */
  public String text() {
    return text;
  }

  /** The string that was normalized. */
  public String original() {
    return original;
  }

  public int length() {
    return text.length();
  }

  /**
   * Original index of the char at {@code normIndex}; for {@code normIndex == length()} the original
   * length.
   */
  public int originalStart(int normIndex) {
    Objects.checkIndex(normIndex, text.length() + 1);
    return normIndex == text.length() ? original.length() : originalStarts[normIndex];
  }

  /** Original end index (exclusive) of a span that ends (exclusive) at {@code normEndExclusive}. */
  public int originalEnd(int normEndExclusive) {
    Objects.checkIndex(normEndExclusive, text.length() + 1);
    return normEndExclusive == 0 ? originalStart(0) : originalEnds[normEndExclusive - 1];
  }

  /** The original range of a span of normalized text. */
  public Span toOriginal(Span normalized) {
    int start = originalStart(normalized.start());
    int end = normalized.isEmpty() ? start : Math.max(start, originalEnd(normalized.end()));
    return new Span(start, end);
  }

  /** True for a space that glue repair inserted, i.e. one with no original chars. */
  public boolean isInserted(int normIndex) {
    Objects.checkIndex(normIndex, text.length());
    return originalStarts[normIndex] == originalEnds[normIndex];
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof NormalizedText)) {
      return false;
    }
    NormalizedText that = (NormalizedText) o;
    return original.equals(that.original)
        && text.equals(that.text)
        && Arrays.equals(originalStarts, that.originalStarts)
        && Arrays.equals(originalEnds, that.originalEnds);
  }

  @Override
  public int hashCode() {
    return 31 * original.hashCode() + text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
