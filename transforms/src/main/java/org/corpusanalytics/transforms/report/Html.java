package org.corpusanalytics.transforms.report;

/**
 * Escaping for text placed in HTML and inline SVG: in element content and in double-quoted
 * attribute values alike. Characters that HTML forbids (controls other than tab, line feed and
 * carriage return, noncharacters, lone surrogates) become U+FFFD.
 */
public final class Html {
  private Html() {}

  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          if (allowed(cp)) {
            out.appendCodePoint(cp);
          } else {
            out.append('\uFFFD');
          }
      }
    }
    return out.toString();
  }

  private static boolean allowed(int cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r') {
      return true;
    }
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
      return false;
    }
    if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
      return false; // a lone surrogate: codePointAt returns a surrogate pair as one code point
    }
    if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
      return false;
    }
    return true;
  }

  /**
   * The first {@code max} code points of {@code text}, with an ellipsis when cut; never splits a
   * surrogate pair. Line breaks become spaces.
   */
  public static String shorten(String text, int max) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    if (oneLine.codePointCount(0, oneLine.length()) <= max) {
      return oneLine;
    }
    int end = oneLine.offsetByCodePoints(0, Math.max(0, max - 1));
    return oneLine.substring(0, end).stripTrailing() + "…";
  }
}
