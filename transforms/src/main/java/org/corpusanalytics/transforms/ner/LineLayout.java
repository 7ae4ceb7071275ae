package org.corpusanalytics.transforms.ner;

/**
 * Tells text laid out one sentence (or headline, or table row) per line from text hard-wrapped at a
 * fixed width. In the first, a single line break ends a unit the tagger should see on its own; in
 * the second it is only a space.
 *
 * <p>A single line break <em>wraps</em> a sentence when the next line starts with a lower-case
 * letter, and in raw text (commas glued to the word before them, unlike tokenized text such as
 * CoNLL's " , ") that indents some of its lines, when the next line is not indented: there the
 * indented lines start paragraphs and table rows ("    Net 5,524,000 vs 8,094,000") and the others
 * go on the line before. Wire copy wrapped at 70 columns starts most lines with a name or a number
 * ("managed by Shearson\nLehman Bros Inc"), so the start of the next line alone does not tell.
 */
final class LineLayout {
  private final String body;
  private final boolean raw;
  private final boolean indentedLines;
  private final boolean oneSentencePerLine;

  private LineLayout(String body) {
    this.body = body;
    this.raw = looksRaw(body);
    this.indentedLines = raw && hasIndentedLine();
    int breaks = 0;
    int wraps = 0;
    int n = body.length();
    for (int i = 0; i < n; i++) {
      char c = body.charAt(i);
      if (c != '\n' && c != '\r') {
        continue;
      }
      int next = afterBreak(i);
      if (isSingleBreak(i, next)) {
        breaks++;
        if (isWrap(i, next)) {
          wraps++;
        }
      }
      i = next - 1;
    }
    this.oneSentencePerLine = breaks > 0 && wraps * 4 <= breaks;
  }

  static LineLayout of(String body) {
    return new LineLayout(body);
  }

  /**
   * True when the body has single line breaks and at most one in four of them wraps a sentence.
   */
  boolean oneSentencePerLine() {
    return oneSentencePerLine;
  }

  /**
   * True when some line breaks end units: in a one-sentence-per-line body, and in raw text that
   * indents its paragraphs (there a paragraph's first line is never the end of the sentence before).
   */
  boolean cutsLines() {
    return oneSentencePerLine || indentedLines;
  }

  static boolean isOneSentencePerLine(String body) {
    return of(body).oneSentencePerLine();
  }

  /**
   * True when body[start, end) holds a line break that ends a unit where {@link #cutsLines}: any
   * line break in tokenized text; in raw text one that does not wrap a sentence (a table's note
   * running over two lines stays one unit).
   */
  boolean cutsAt(int start, int end) {
    for (int i = start; i < end && i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\u2028') {
        return true;
      }
      if (c == '\n' || c == '\r') {
        int next = afterBreak(i);
        return !raw || !isSingleBreak(i, next) || !isWrap(i, next);
      }
    }
    return false;
  }

  private boolean hasIndentedLine() {
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\n' || c == '\r') {
        int next = afterBreak(i);
        if (isSingleBreak(i, next) && indent(i, next) >= 2) {
          return true;
        }
        i = next - 1;
      }
    }
    return false;
  }

  /** The first character after the whitespace run that starts with the break at {@code i}. */
  private int afterBreak(int i) {
    int j = i;
    while (j < body.length() && Character.isWhitespace(body.charAt(j))) {
      j++;
    }
    return j;
  }

  private boolean isSingleBreak(int i, int next) {
    if (i == 0 || next >= body.length()) {
      return false;
    }
    int lineBreaks = 0;
    for (int j = i; j < next; j++) {
      char w = body.charAt(j);
      if (w == '\n' || (w == '\r' && (j + 1 >= body.length() || body.charAt(j + 1) != '\n'))) {
        lineBreaks++;
      }
    }
    return lineBreaks == 1;
  }

  private boolean isWrap(int i, int next) {
    return Character.isLowerCase(body.charAt(next)) || (indentedLines && indent(i, next) < 2);
  }

  /** Spaces and tabs at the start of the line after the break at {@code i}. */
  private int indent(int i, int next) {
    int k = next;
    while (k > i && (body.charAt(k - 1) == ' ' || body.charAt(k - 1) == '\t')) {
      k--;
    }
    return next - k;
  }

  /** More commas glued to the word before them than after a space, as in untokenized text. */
  private static boolean looksRaw(String body) {
    int glued = 0;
    int spaced = 0;
    for (int i = 1; i < body.length(); i++) {
      if (body.charAt(i) != ',' || (i + 1 < body.length() && !Character.isWhitespace(body.charAt(i + 1)))) {
        continue;
      }
      if (Character.isWhitespace(body.charAt(i - 1))) {
        spaced++;
      } else if (body.charAt(i - 1) != ',') {
        glued++;
      }
    }
    return glued > spaced;
  }
}
