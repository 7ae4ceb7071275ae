package org.corpusanalytics.transforms.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.corpusanalytics.transforms.text.TextNormalizer;

/**
 * Word shingles of an article body, the unit of near-duplicate detection.
 *
 * <p>The body is normalized ({@link TextNormalizer}: NFC, whitespace collapsed, glued sentences
 * split), lower-cased, and cut into words at whitespace; every char that is not a letter, digit or
 * combining mark (punctuation, symbols) is dropped, so {@code "U.S."} is the word {@code us} and
 * {@code "1,250"} is {@code 1250}. The shingles are the word n-grams ({@value #DEFAULT_WORDS} words
 * by default); a body with fewer words has one shingle, all its words; a body without words has
 * none and is never a near duplicate.
 *
 * <p>Each shingle is kept as a fixed 64-bit hash of its words (see {@link Hashing}). Two different
 * shingles collide with probability about 2<sup>-64</sup> per pair, so the Jaccard similarity of two
 * hashed sets is the exact Jaccard similarity of the shingle sets for all practical purposes.
 */
public final class Shingles implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_WORDS = 5;

  private final int words;
  private final TextNormalizer normalizer;

  public Shingles() {
    this(DEFAULT_WORDS);
  }

  public Shingles(int words) {
    if (words < 1) {
      throw new IllegalArgumentException("shingle size must be at least 1 word, got " + words);
    }
    this.words = words;
    this.normalizer = new TextNormalizer();
  }

  public int words() {
    return words;
  }

  /** The words of {@code body}: normalized, lower-cased, punctuation and symbols removed. */
  public List<String> wordsOf(String body) {
    String text = normalizer.normalize(body).text();
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int n = text.length();
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        flush(word, out);
      } else if (isWordChar(cp)) {
        word.appendCodePoint(Character.toLowerCase(cp));
      }
      // Anything else (punctuation, symbols, controls) is dropped without breaking the word.
    }
    flush(word, out);
    return out;
  }

  /** The hashed shingle set of {@code body}. */
  public ShingleSet of(String body) {
    List<String> w = wordsOf(body);
    if (w.isEmpty()) {
      return ShingleSet.EMPTY;
    }
    long[] wordHashes = new long[w.size()];
    for (int i = 0; i < wordHashes.length; i++) {
      String s = w.get(i);
      wordHashes[i] = Hashing.hashChars(s, 0, s.length());
    }
    int count = Math.max(1, wordHashes.length - words + 1);
    int width = Math.min(words, wordHashes.length);
    long[] shingles = new long[count];
    for (int i = 0; i < count; i++) {
      long h = width;
      for (int k = 0; k < width; k++) {
        h = Hashing.mix64(h * 0x9E3779B97F4A7C15L + wordHashes[i + k]);
      }
      shingles[i] = h;
    }
    Arrays.sort(shingles);
    return ShingleSet.ofSorted(shingles);
  }

  /** The shingles as strings (words joined by one space), for checks and evaluation. */
  public List<String> shingleStrings(String body) {
    List<String> w = wordsOf(body);
    List<String> out = new ArrayList<>();
    if (w.isEmpty()) {
      return out;
    }
    int count = Math.max(1, w.size() - words + 1);
    int width = Math.min(words, w.size());
    for (int i = 0; i < count; i++) {
      out.add(String.join(" ", w.subList(i, i + width)));
    }
    return out;
  }

  private static boolean isWordChar(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static void flush(StringBuilder word, List<String> out) {
    if (word.length() > 0) {
      out.add(word.toString());
      word.setLength(0);
    }
  }
}
