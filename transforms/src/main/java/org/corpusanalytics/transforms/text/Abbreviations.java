package org.corpusanalytics.transforms.text;

import java.util.Set;

/**
 * Decides whether a period followed by a space and a capital, digit or quote ends a sentence or
 * only an abbreviation. Word lists are matched case-sensitively, the way news copy writes them; a
 * word in capitals matches as capitalized ({@code ST. LOUIS} in a headline or dateline is {@code
 * St. Louis}).
 */
final class Abbreviations {
  private Abbreviations() {}

  /** Always followed by more of the same sentence (a name, usually). */
  private static final Set<String> NEVER_FINAL =
      Set.of(
          "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt",
          "Rev", "vs");

  /** Can end a sentence; we say it did when a common sentence starter follows. */
  private static final Set<String> FINAL_BEFORE_STARTER =
      Set.of("Inc", "Corp", "Co", "Ltd", "Bros", "etc", "Jr", "Sr", "St");

  /** Abbreviations that mid-sentence are followed by a number ({@code Sept. 30}, {@code No. 1}). */
  private static final Set<String> BEFORE_NUMBER =
      Set.of(
          "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
          "No");

  /** Capitalized words that commonly start a news sentence and rarely continue a name. */
  private static final Set<String> SENTENCE_STARTERS =
      Set.of(
          "The", "But", "He", "She", "It", "They", "We", "In", "A", "An", "This", "That", "There",
          "Its", "I", "His", "Her", "Their", "Our", "And", "However", "Meanwhile", "On", "At", "As",
          "After", "When", "If", "Some", "These", "Those", "Still", "Yet");

  private static final int LONGEST_ABBREVIATION = 4;
  private static final int LONGEST_STARTER = 9;

  /**
   * Whether the single {@code .} at {@code dot} continues the sentence. {@code next} is the index
   * of the first char after the following space(s).
   */
  static boolean continuesSentence(char[] text, int dot, int next) {
    int wordStart = dot;
    while (wordStart > 0 && Chars.isLetter(text[wordStart - 1])) {
      wordStart--;
    }
    int wordLength = dot - wordStart;
    if (wordLength == 0) {
      return false; // "2018." or ")."
    }
    if (wordLength <= 2 && isDottedAcronym(text, wordStart)) {
      return !startsWithSentenceStarter(text, next); // U.S., a.m., e.g., Ph.D.
    }
    if (wordLength == 1) {
      return !startsWithSentenceStarter(text, next); // initial: J. Smith
    }
    if (wordLength > LONGEST_ABBREVIATION) {
      return false;
    }
    String word = capitalized(new String(text, wordStart, wordLength));
    if (NEVER_FINAL.contains(word)) {
      return true;
    }
    if (FINAL_BEFORE_STARTER.contains(word)) {
      return !startsWithSentenceStarter(text, next);
    }
    if (BEFORE_NUMBER.contains(word)) {
      return Chars.isDigit(text[next]);
    }
    return false;
  }

  /** The word before the dot is itself preceded by "letter." as in U.S or a.m. */
  private static boolean isDottedAcronym(char[] text, int wordStart) {
    return wordStart >= 2
        && text[wordStart - 1] == '.'
        && Chars.isLetter(text[wordStart - 2]);
  }

  /** The word at {@code from}, after any opening quotes, is a common sentence starter. */
  private static boolean startsWithSentenceStarter(char[] text, int from) {
    int n = text.length;
    int start = from;
    while (start < n && Chars.isOpening(text[start])) {
      start++;
    }
    int end = start;
    while (end < n && Chars.isLetter(text[end])) {
      end++;
    }
    if (end == start || end - start > LONGEST_STARTER) {
      return false;
    }
    if (end < n && text[end] == '.') {
      return false; // "A." is an initial, not the article
    }
    return SENTENCE_STARTERS.contains(capitalized(new String(text, start, end - start)));
  }

  /** "ST" as "St"; any other word as it is. */
  private static String capitalized(String word) {
    if (word.length() < 2) {
      return word;
    }
    for (int i = 0; i < word.length(); i++) {
      if (!Character.isUpperCase(word.charAt(i))) {
        return word;
      }
    }
    return word.charAt(0) + word.substring(1).toLowerCase(java.util.Locale.ROOT);
  }
}
