package org.corpusanalytics.transforms.text;

/**
 * Character classes shared by the normalizer and the splitter. ASCII is answered by range checks;
 * only non-ASCII chars pay for {@link Character} table look-ups.
 */
final class Chars {
  private Chars() {}

  /** Chars that end a line. A CR directly followed by LF is one break; callers handle that. */
  static boolean isLineBreak(char c) {
    return c == '\n'
        || c == '\r'
        || c == '\u000B'
        || c == '\u000C'
        || c == '\u0085'
        || c == '\u2028'
        || c == '\u2029';
  }

  /**
   * Whitespace (including no-break spaces), control chars (Cc) and format chars (Cf: zero-width
   * space/joiners, soft hyphen, BOM): all of them separate words at most.
   */
  static boolean isSpaceLike(int codePoint) {
    if (codePoint < 0x80) {
      return codePoint <= ' ' || codePoint == 0x7F;
    }
    if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
      return true;
    }
    int type = Character.getType(codePoint);
    return type == Character.CONTROL || type == Character.FORMAT;
  }

  /** Invisible chars that live inside words: soft hyphen, joiners. Dropped, not spaced. */
  static boolean isInWordInvisible(char c) {
    return c == '\u00AD' || c == '\u200C' || c == '\u200D' || c == '\u2060';
  }

  static boolean isSentenceTerminal(char c) {
    return c == '.' || c == '!' || c == '?' || c == '\u2026';
  }

  /** Closing quotes and brackets that may follow a sentence's final punctuation. */
  static boolean isClosing(char c) {
    return c == '"'
        || c == '\''
        || c == ')'
        || c == ']'
        || c == '\u201D' // ”
        || c == '\u2019' // ’
        || c == '\u00BB'; // »
  }

  /** Opening quotes and brackets that may start a sentence. */
  static boolean isOpening(char c) {
    return c == '"'
        || c == '\''
        || c == '('
        || c == '['
        || c == '\u201C' // “
        || c == '\u2018' // ‘
        || c == '\u00AB'; // «
  }

  /**
   * A symbol (an emoji, ©) or a letter of a script without case (Chinese, Arabic): it can start a
   * sentence, and unlike a lower-case letter it says nothing about continuing one.
   */
  static boolean isCaseless(int codePoint) {
    if (codePoint < 0x80) {
      return false;
    }
    int type = Character.getType(codePoint);
    return type == Character.OTHER_SYMBOL || type == Character.OTHER_LETTER;
  }

  static boolean isLower(char c) {
    if (c < 0x80) {
      return c >= 'a' && c <= 'z';
    }
    return Character.isLowerCase(c);
  }

  static boolean isUpper(char c) {
    if (c < 0x80) {
      return c >= 'A' && c <= 'Z';
    }
    return Character.isUpperCase(c) || Character.isTitleCase(c);
  }

  static boolean isLetter(char c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    return Character.isLetter(c);
  }

  static boolean isDigit(char c) {
    if (c < 0x80) {
      return c >= '0' && c <= '9';
    }
    return Character.isDigit(c);
  }
}
