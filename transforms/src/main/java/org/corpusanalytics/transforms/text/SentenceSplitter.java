package org.corpusanalytics.transforms.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Splits normalized text (see {@link TextNormalizer}) into trimmed sentence spans covering all its
 * non-space text, in order.
 *
 * <p>A sentence ends after {@code . ! ? …} (plus closing quotes/brackets) followed by a space and
 * an upper-case letter, digit or opening quote/bracket, unless the period ends an abbreviation
 * ({@link Abbreviations}). A {@code "\n"} (paragraph break) always ends a sentence. Sentences
 * longer than {@link #maxSentenceChars()} are cut at the last space before the limit, so the CRF
 * tagger never sees huge inputs; where the caller marks some spaces as line breaks of the text as
 * read, at the last of those instead (a table row ends there, where any other space may fall
 * inside a name).
 *
 * <p>Immutable and thread-safe.
 */
public final class SentenceSplitter implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_MAX_SENTENCE_CHARS = 1000;

  private final int maxSentenceChars;
  private final boolean ranksEndSentences;

  public SentenceSplitter() {
    this(DEFAULT_MAX_SENTENCE_CHARS, true);
  }

  private SentenceSplitter(int maxSentenceChars, boolean ranksEndSentences) {
    if (maxSentenceChars < 1) {
      throw new IllegalArgumentException("maxSentenceChars must be >= 1: " + maxSentenceChars);
    }
    this.maxSentenceChars = maxSentenceChars;
    this.ranksEndSentences = ranksEndSentences;
  }

  /** A splitter that cuts sentences longer than {@code maxSentenceChars}. */
  public SentenceSplitter withMaxSentenceChars(int maxSentenceChars) {
    return new SentenceSplitter(maxSentenceChars, ranksEndSentences);
  }

  /**
   * With {@code false}, a period right after a number of one to three digits ("7.") never ends a
   * sentence: in a list laid out one item per line ("7. Ana Lopez ( Spain ) 1:46.45") it is the
   * item's rank, and the line break before it, which normalization folds to a space, is where the
   * caller cuts.
   */
  public SentenceSplitter withRanksEndingSentences(boolean on) {
    return new SentenceSplitter(maxSentenceChars, on);
  }

  public int maxSentenceChars() {
    return maxSentenceChars;
  }

  public List<Span> split(String normalizedText) {
    return split(normalizedText, new int[1]);
  }

  /**
   * Like {@link #split(String)}, and adds to {@code cut[0]} one for every sentence that was longer
   * than {@link #maxSentenceChars()} and so was cut into pieces.
   */
  List<Span> split(String normalizedText, int[] cut) {
    return split(normalizedText, cut, position -> false);
  }

  /**
   * Like {@link #split(String, int[])}; an over-long sentence is cut at the last space before the
   * limit for which {@code lineBreak} is true, if there is one.
   */
  List<Span> split(String normalizedText, int[] cut, IntPredicate lineBreak) {
    // One bulk copy: indexing a char[] is several times cheaper than String.charAt per char.
    char[] text = normalizedText.toCharArray();
    List<Span> spans = new ArrayList<>();
    int n = text.length;
    int start = 0;
    int i = 0;
    while (i < n) {
      char c = text[i];
      if (c == '\n') {
        addTrimmed(text, start, i, spans, cut, lineBreak);
        start = i + 1;
        i = start;
      } else if (Chars.isSentenceTerminal(c)) {
        int end = !ranksEndSentences && isRank(text, i) ? -1 : sentenceEndAt(text, i);
        if (end >= 0) {
          addTrimmed(text, start, end, spans, cut, lineBreak);
          start = end;
          i = end;
        } else {
          i = skipTerminals(text, i);
        }
      } else {
        i++;
      }
    }
    addTrimmed(text, start, n, spans, cut, lineBreak);
    return spans;
  }

  /**
   * If the terminal punctuation at {@code i} ends a sentence, the index after it and any closing
   * quotes/brackets; otherwise -1.
   */
  private static int sentenceEndAt(char[] text, int i) {
    int n = text.length;
    int punctEnd = skipTerminals(text, i);
    int end = punctEnd;
    while (end < n && Chars.isClosing(text[end])) {
      end++;
    }
    if (end >= n || !Chars.isSpaceLike(text[end])) {
      return -1; // end of text, or no space: 3.5, U.S.President, example.com
    }
    int next = end;
    while (next < n && text[next] != '\n' && Chars.isSpaceLike(text[next])) {
      next++;
    }
    if (next >= n || text[next] == '\n') {
      return end;
    }
    char following = text[next];
    if (!Chars.isUpper(following)
        && !Chars.isDigit(following)
        && !Chars.isOpening(following)
        && !Chars.isCaseless(Character.codePointAt(text, next))) {
      return -1;
    }
    boolean singlePeriod = punctEnd == i + 1 && text[i] == '.';
    // A closing quote right after the period means the quotation, hence the sentence, ended.
    if (singlePeriod && end == punctEnd && Abbreviations.continuesSentence(text, i, next)) {
      return -1;
    }
    return end;
  }

  /** The single period at {@code dot} follows a number of 1-3 digits that starts a word. */
  private static boolean isRank(char[] text, int dot) {
    if (text[dot] != '.' || (dot + 1 < text.length && Chars.isSentenceTerminal(text[dot + 1]))) {
      return false;
    }
    int start = dot;
    while (start > 0 && Chars.isDigit(text[start - 1])) {
      start--;
    }
    int digits = dot - start;
    return digits >= 1 && digits <= 3 && (start == 0 || Chars.isSpaceLike(text[start - 1]));
  }

  private static int skipTerminals(char[] text, int i) {
    while (i < text.length && Chars.isSentenceTerminal(text[i])) {
      i++;
    }
    return i;
  }

  private void addTrimmed(
      char[] text, int start, int end, List<Span> spans, int[] cut, IntPredicate lineBreak) {
    while (start < end && Chars.isSpaceLike(text[start])) {
      start++;
    }
    while (end > start && Chars.isSpaceLike(text[end - 1])) {
      end--;
    }
    if (end - start > maxSentenceChars) {
      cut[0]++;
    }
    while (end - start > maxSentenceChars) {
      start = addHead(text, start, end, spans, lineBreak);
    }
    if (start < end) {
      spans.add(new Span(start, end));
    }
  }

  /**
   * Adds the first piece of the over-long trimmed range [start, end), cut at the last line break
   * or else the last space within the limit (or hard at the limit, not inside a surrogate pair);
   * returns where the rest starts.
   */
  private int addHead(char[] text, int start, int end, List<Span> spans, IntPredicate lineBreak) {
    int limit = start + maxSentenceChars;
    int cut = limit;
    while (cut > start && !(Chars.isSpaceLike(text[cut]) && lineBreak.test(cut))) {
      cut--;
    }
    if (cut == start) {
      cut = limit;
      while (cut > start && !Chars.isSpaceLike(text[cut])) {
        cut--;
      }
    }
    if (cut > start) {
      int pieceEnd = cut;
      while (Chars.isSpaceLike(text[pieceEnd - 1])) {
        pieceEnd--;
      }
      spans.add(new Span(start, pieceEnd));
      int rest = cut;
      while (rest < end && Chars.isSpaceLike(text[rest])) {
        rest++;
      }
      return rest;
    }
    int hardCut = limit;
    if (Character.isHighSurrogate(text[hardCut - 1]) && hardCut - 1 > start) {
      hardCut--;
    }
    spans.add(new Span(start, hardCut));
    return hardCut;
  }
}
