package org.corpusanalytics.transforms.text;

import java.text.Normalizer;
import java.text.Normalizer.Form;

/**
 * A string put into Unicode NFC, with each of its chars mapped to the original range it came from.
 * When the input is already NFC (nearly always) the mapping is the identity and no arrays exist.
 */
final class NfcMapping {
  /** Below U+0300 every char is NFC-stable: a starter that never combines with what precedes. */
  private static final char FIRST_UNSTABLE = '\u0300';

  private final char[] chars;
  private final int[] starts; // null means identity
  private final int[] ends;

  private NfcMapping(char[] chars, int[] starts, int[] ends) {
    this.chars = chars;
    this.starts = starts;
    this.ends = ends;
  }

  /** The NFC text. Callers must not modify it. */
  char[] chars() {
    return chars;
  }

  int start(int index) {
    return starts == null ? index : starts[index];
  }

  int end(int index) {
    return ends == null ? index + 1 : ends[index];
  }

  /**
   * @param originalChars {@code original.toCharArray()}, reused as the result when already NFC
   */
  static NfcMapping of(String original, char[] originalChars) {
    if (isPlainlyNfc(originalChars) || Normalizer.isNormalized(original, Form.NFC)) {
      return new NfcMapping(originalChars, null, null);
    }
    int n = original.length();
    MappedTextBuilder out = new MappedTextBuilder(n);
    int i = 0;
    while (i < n) {
      // A segment is one char plus the chars >= U+0300 after it: what could combine with it.
      int j = i + 1;
      while (j < n && originalChars[j] >= FIRST_UNSTABLE) {
        j++;
      }
      if (j == i + 1 && originalChars[i] < FIRST_UNSTABLE) {
        out.append(originalChars[i], i, i + 1);
      } else if (Normalizer.isNormalized(original.subSequence(i, j), Form.NFC)) {
        appendIdentity(originalChars, i, j, out);
      } else {
        appendNormalizedChunks(original, originalChars, i, j, out);
      }
      i = j;
    }
    return new NfcMapping(out.chars(), out.starts(), out.ends());
  }

  /**
   * Fast path for typical news text: every char is below U+0300 or is common punctuation (dashes,
   * curly quotes, ellipsis, U+2010..U+205E, and the euro sign). Those are NFC and never combine
   * with a neighbour, so the text is NFC without asking {@link Normalizer}.
   */
  private static boolean isPlainlyNfc(char[] chars) {
    for (char c : chars) {
      if (c >= FIRST_UNSTABLE && !(c >= '\u2010' && c <= '\u205E') && c != '\u20AC') {
        return false;
      }
    }
    return true;
  }

  /**
   * Normalizes [from, to) chunk by chunk, cutting before every char that cannot interact with what
   * precedes it, so a rare decomposed accent only blurs the offsets of its own chunk.
   */
  private static void appendNormalizedChunks(
      String s, char[] chars, int from, int to, MappedTextBuilder out) {
    int a = from;
    while (a < to) {
      int b = a + 1;
      while (b < to && !isSafeChunkStart(chars[b])) {
        b++;
      }
      String chunk = s.substring(a, b);
      String nfc = Normalizer.normalize(chunk, Form.NFC);
      if (nfc.length() == chunk.length()) {
        // Same length (unchanged, singleton replacement or mark reordering): keep 1:1 positions.
        for (int k = 0; k < nfc.length(); k++) {
          out.append(nfc.charAt(k), a + k, a + k + 1);
        }
      } else {
        // Composition changed the length: every output char maps to the whole chunk.
        for (int k = 0; k < nfc.length(); k++) {
          out.append(nfc.charAt(k), a, b);
        }
      }
      a = b;
    }
  }

  private static void appendIdentity(char[] chars, int from, int to, MappedTextBuilder out) {
    for (int k = from; k < to; k++) {
      out.append(chars[k], k, k + 1);
    }
  }

  /**
   * True when NFC(x + c...) == NFC(x) + NFC(c...) for any x: c is a starter that never composes
   * with a preceding char. Combining marks and Hangul vowel/final jamo are the chars that can;
   * whole surrogate pairs are kept with what precedes them for simplicity.
   */
  private static boolean isSafeChunkStart(char c) {
    if (c < FIRST_UNSTABLE) {
      return true;
    }
    if (Character.isSurrogate(c) || (c >= '\u1160' && c <= '\u11FF')) {
      return false;
    }
    int type = Character.getType(c);
    return type != Character.NON_SPACING_MARK
        && type != Character.COMBINING_SPACING_MARK
        && type != Character.ENCLOSING_MARK;
  }
}
