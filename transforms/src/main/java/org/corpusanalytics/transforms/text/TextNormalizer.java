package org.corpusanalytics.transforms.text;

import java.io.Serializable;
import java.util.Objects;

/**
 * Normalizes a scraped article body into text fit for sentence splitting, dedup and NER, keeping an
 * offset map back to the original (see {@link NormalizedText}).
 *
 * <ul>
 *   <li>Unicode NFC (only computed where the input is not NFC already);
 *   <li>soft hyphens and joiners inside words are dropped;
 *   <li>each run of whitespace, control (Cc) and other format (Cf) chars becomes one space, or one
 *       {@code "\n"} (paragraph break) when it holds two or more line breaks; leading and trailing
 *       runs are dropped;
 *   <li>glue repair inserts a space where a sentence end runs into the next sentence
 *       ({@code sides.Acme} becomes {@code sides. Acme}) or a lower-case word runs into a
 *       capitalized one ({@code andUnification} becomes {@code and Unification}), so a glued copy
 *       of a sentence normalizes to the same string as an unglued one.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class TextNormalizer implements Serializable {
  private static final long serialVersionUID = 1L;

  public NormalizedText normalize(String original) {
    Objects.requireNonNull(original, "original");
    // One bulk copy: indexing a char[] is several times cheaper than String.charAt per char.
    NfcMapping nfc = NfcMapping.of(original, original.toCharArray());
    char[] src = nfc.chars();
    int n = src.length;
    MappedTextBuilder out = new MappedTextBuilder(n + (n >> 6) + 8);

    int pendingStart = -1; // original start of the whitespace run being skipped, -1 if none
    int pendingEnd = -1;
    int lineBreaks = 0;
    int straightQuotes = 0; // in the current paragraph; see GlueRepair

    for (int k = 0; k < n; k++) {
      char c = src[k];
      if (Chars.isInWordInvisible(c)) {
        continue;
      }
      int spaceWidth = spaceLikeWidth(src, k, c);
      if (spaceWidth > 0) {
        if (pendingStart < 0) {
          pendingStart = nfc.start(k);
        }
        pendingEnd = nfc.end(k + spaceWidth - 1);
        if (Chars.isLineBreak(c) && !(c == '\r' && k + 1 < n && src[k + 1] == '\n')) {
          lineBreaks++;
        }
        k += spaceWidth - 1;
        continue;
      }

      int start = nfc.start(k);
      if (pendingStart >= 0) {
        if (out.length() > 0) {
          boolean paragraph = lineBreaks >= 2;
          out.append(paragraph ? '\n' : ' ', pendingStart, pendingEnd);
          if (paragraph) {
            straightQuotes = 0;
          }
        }
        pendingStart = -1;
        lineBreaks = 0;
      } else if (out.length() > 0 && GlueRepair.mayNeedSpaceBefore(c)) {
        if (GlueRepair.needsSpaceBefore(out, src, k, straightQuotes)) {
          out.append(' ', start, start); // zero-width: no original chars
        }
      }
      out.append(c, start, nfc.end(k));
      if (c == '"') {
        straightQuotes++;
      }
    }
    return new NormalizedText(original, out.text(), out.starts(), out.ends());
  }

  /** Number of chars (0, 1 or 2 for a surrogate pair) at k that act as whitespace. */
  private static int spaceLikeWidth(char[] s, int k, char c) {
    if (c > ' ' && c < 0x7F) {
      return 0; // printable ASCII, the common case
    }
    if (Character.isHighSurrogate(c) && k + 1 < s.length && Character.isLowSurrogate(s[k + 1])) {
      return Chars.isSpaceLike(Character.toCodePoint(c, s[k + 1])) ? 2 : 0; // e.g. Cf tags
    }
    return Chars.isSpaceLike(c) ? 1 : 0;
  }
}
