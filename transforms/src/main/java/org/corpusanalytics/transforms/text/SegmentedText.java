package org.corpusanalytics.transforms.text;

import java.util.List;

/**
 * An article body cut into sentences, with the way back from each sentence to the body as read.
 * Dedup and recognition both work on these sentences, so a sentence is the same string wherever it
 * occurs, glued or not.
 */
public final class SegmentedText {
  private final NormalizedText normalized;
  private final List<Span> sentences;
  private final int sentencesCut;

  SegmentedText(NormalizedText normalized, List<Span> sentences, int sentencesCut) {
    this.normalized = normalized;
    this.sentences = sentences;
    this.sentencesCut = sentencesCut;
  }

  /** Normalizes and splits {@code body}. */
  public static SegmentedText of(String body, TextNormalizer normalizer, SentenceSplitter splitter) {
    NormalizedText normalized = normalizer.normalize(body);
    int[] cut = new int[1];
    List<Span> spans = splitter.split(normalized.text(), cut, p -> isLineBreak(normalized, p));
    return new SegmentedText(normalized, spans, cut[0]);
  }

  /** Whether the normalized character at {@code p} stands for a line break of the body as read. */
  private static boolean isLineBreak(NormalizedText normalized, int p) {
    String body = normalized.original();
    for (int o = normalized.originalStart(p); o < normalized.originalEnd(p + 1); o++) {
      char c = body.charAt(o);
      if (c == '\n' || c == '\r' || c == '\u2028') {
        return true;
      }
    }
    return false;
  }

  /**
   * How many sentences were longer than the splitter's limit and were cut into pieces; each piece
   * counts in {@link #size()}.
   */
  public int sentencesCut() {
    return sentencesCut;
  }

  public int size() {
    return sentences.size();
  }

  /** The normalized text of sentence {@code i}. */
  public String sentence(int i) {
    Span s = sentences.get(i);
    return normalized.text().substring(s.start(), s.end());
  }

  /** The whole normalized text. */
  public String normalizedText() {
    return normalized.text();
  }

  /** Where sentence {@code i} starts in {@link #normalizedText()}. */
  public int normalizedStart(int i) {
    return sentences.get(i).start();
  }

  /** Where sentence {@code i} ends (exclusive) in {@link #normalizedText()}. */
  public int normalizedEnd(int i) {
    return sentences.get(i).end();
  }

  /** Offset in the original body where sentence {@code i} starts. */
  public int originalStart(int i) {
    return normalized.originalStart(sentences.get(i).start());
  }

  /** Offset in the original body where sentence {@code i} ends (exclusive). */
  public int originalEnd(int i) {
    return normalized.originalEnd(sentences.get(i).end());
  }

  /** Original start of the character at {@code offset} within sentence {@code i}. */
  public int originalStart(int i, int offset) {
    return normalized.originalStart(sentences.get(i).start() + offset);
  }

  /** Original end of a span of sentence {@code i} that ends at {@code offset} (exclusive). */
  public int originalEnd(int i, int offset) {
    return normalized.originalEnd(sentences.get(i).start() + offset);
  }
}
