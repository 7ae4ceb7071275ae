package org.corpusanalytics.transforms.text;

/**
 * Decides where scraped text lost a space: two copies of a body glued together
 * ({@code countries.U.S. President}) or words glued by a markup strip ({@code andUnification}).
 * Only called at the rare positions where an upper-case letter or an opening quote directly follows
 * a non-space char; each check looks back a few chars of the already normalized output.
 */
final class GlueRepair {
  private GlueRepair() {}

  /** Cheap pre-check: only a capital or an opening quote can start a glued word. */
  static boolean mayNeedSpaceBefore(char c) {
    return Chars.isUpper(c) || c == '"' || c == '\u201C';
  }

  /**
   * Words that start sentences and never end a name: a capitalized word glued to one of them
   * ({@code IcelandThe volcano}) is a title or headline run into the body. Prepositions such as
   * {@code In} and {@code On} are left out: {@code LinkedIn}, {@code AddOn}.
   */
  private static final java.util.Set<String> SENTENCE_STARTERS =
      java.util.Set.of(
          "The", "This", "These", "Those", "There", "They", "Their", "He", "She", "His", "Her",
          "It", "Its", "We", "But", "When", "While", "After", "Mr", "Mrs", "Ms");

  /**
   * Whether a space belongs between {@code out} (non-empty, not ending in a space) and {@code
   * src[k]}, the next source char.
   *
   * @param straightQuotesBefore straight double quotes emitted so far in the current paragraph, to
   *     tell whether a {@code "} opens or closes a quotation
   */
  static boolean needsSpaceBefore(
      MappedTextBuilder out, char[] src, int k, int straightQuotesBefore) {
    char c = src[k];
    char next = k + 1 < src.length ? src[k + 1] : 0;
    char prev = out.charAt(out.length() - 1);
    if (Chars.isUpper(c)) {
      if (Chars.isLower(prev)) {
        return Chars.isLower(next) && endsWithLowerCaseWord(out)
            || startsSentenceStarter(src, k) && endsWithWord(out);
      }
      return (Chars.isSentenceTerminal(prev) || Chars.isClosing(prev)) && endsWithSentence(out);
    }
    if (Chars.isUpper(next) && isOpeningQuote(c, straightQuotesBefore)) {
      return endsWithSentence(out);
    }
    return false;
  }

  /**
   * A straight {@code "} is read as opening when the paragraph so far holds a positive, even number
   * of them. With none seen there is no evidence, and we keep the closing reading so that
   * {@code happening."We} becomes {@code happening." We}.
   */
  private static boolean isOpeningQuote(char c, int straightQuotesBefore) {
    if (c == '"') {
      return straightQuotesBefore > 0 && straightQuotesBefore % 2 == 0;
    }
    return c == '\u201C'; // “
  }

  /** {@code src} holds, from {@code k}, one of {@link #SENTENCE_STARTERS} and then a space. */
  private static boolean startsSentenceStarter(char[] src, int k) {
    int end = k;
    while (end < src.length && end - k <= 5 && Chars.isLetter(src[end])) {
      end++;
    }
    return end < src.length
        && Chars.isSpaceLike(src[end])
        && SENTENCE_STARTERS.contains(new String(src, k, end - k));
  }

  /** The output ends with a word of >= 3 letters (a title's last word, {@code Iceland}). */
  private static boolean endsWithWord(MappedTextBuilder out) {
    int i = out.length() - 1;
    while (i >= 0 && Chars.isLetter(out.charAt(i))) {
      i--;
    }
    return out.length() - 1 - i >= 3;
  }

  /**
   * Camel glue: the output ends with a word of >= 2 letters, all lower case ({@code and} in
   * {@code andUnification}). A capital inside the word ({@code McDonald}, {@code JavaScript}) or a
   * one-letter prefix ({@code iPhone}, {@code eBay}) is left alone.
   */
  private static boolean endsWithLowerCaseWord(MappedTextBuilder out) {
    int i = out.length() - 1;
    while (i >= 0 && Chars.isLetter(out.charAt(i))) {
      if (!Chars.isLower(out.charAt(i))) {
        return false;
      }
      i--;
    }
    return out.length() - 1 - i >= 2;
  }

  /**
   * Sentence glue: the output ends with {@code word[closing]*[.!?…]+[closing]*}, where word is
   * >= 2 letters ending in lower case, or a number of >= 2 digits, or digits followed by {@code %}.
   * One-letter words keep acronyms ({@code U.S.}) and {@code e.g.} intact; a word preceded by
   * {@code .}, {@code /} or {@code @}, or {@code www}, is part of an address.
   */
  private static boolean endsWithSentence(MappedTextBuilder out) {
    int i = out.length() - 1;
    while (i >= 0 && Chars.isClosing(out.charAt(i))) {
      i--;
    }
    int lastTerminal = i;
    while (i >= 0 && Chars.isSentenceTerminal(out.charAt(i))) {
      i--;
    }
    if (i == lastTerminal || i < 0) {
      return false;
    }
    if (out.charAt(i) == '%') {
      return i > 0 && Chars.isDigit(out.charAt(i - 1));
    }
    while (i >= 0 && Chars.isClosing(out.charAt(i))) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    int wordEnd = i;
    if (Chars.isDigit(out.charAt(i))) {
      while (i >= 0 && Chars.isDigit(out.charAt(i))) {
        i--;
      }
      return wordEnd - i >= 2;
    }
    if (!Chars.isLower(out.charAt(i))) {
      return false;
    }
    while (i >= 0 && Chars.isLetter(out.charAt(i))) {
      i--;
    }
    int letters = wordEnd - i;
    if (letters < 2) {
      return false;
    }
    if (i >= 0) {
      char before = out.charAt(i);
      if (before == '.' || before == '/' || before == '@') {
        return false;
      }
    }
    return !(letters == 3 && isWww(out, i + 1));
  }

  private static boolean isWww(MappedTextBuilder out, int from) {
    for (int k = from; k < from + 3; k++) {
      char c = out.charAt(k);
      if (c != 'w' && c != 'W') {
        return false;
      }
    }
    return true;
  }
}
