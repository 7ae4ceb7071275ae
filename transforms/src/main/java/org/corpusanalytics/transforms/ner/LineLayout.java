package org.corpusanalytics.transforms.ner;

/**
 * Tells text laid out one sentence (or headline, or table row) per line from text hard-wrapped at a
 * fixed width. In the first, a single line break ends a unit the tagger should see on its own; in
 * the second it is only a space.
 */
final class LineLayout {
  private LineLayout() {}

  /**
   * True when the body has single line breaks and at most one in four of them is followed by a
   * lower-case letter (a wrapped line goes on mid-sentence, usually with a lower-case word).
   */
  static boolean isOneSentencePerLine(String body) {
    int breaks = 0;
    int lowerAfter = 0;
    int n = body.length();
    for (int i = 0; i < n; i++) {
      char c = body.charAt(i);
      if (c != '\n' && c != '\r') {
        continue;
      }
      int j = i;
      int lineBreaks = 0;
      while (j < n && Character.isWhitespace(body.charAt(j))) {
        char w = body.charAt(j);
        if (w == '\n' || (w == '\r' && (j + 1 >= n || body.charAt(j + 1) != '\n'))) {
          lineBreaks++;
        }
        j++;
      }
      if (lineBreaks == 1 && i > 0 && j < n) {
        breaks++;
        if (Character.isLowerCase(body.charAt(j))) {
          lowerAfter++;
        }
      }
      i = j - 1;
    }
    return breaks > 0 && lowerAfter * 4 <= breaks;
  }

  /** True when body[start, end) holds a line break. */
  static boolean hasLineBreak(String body, int start, int end) {
    for (int i = start; i < end && i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u2028') {
        return true;
      }
    }
    return false;
  }
}
