package org.corpusanalytics.transforms.text;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.text.Normalizer;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/** The offset-map guarantee of {@link NormalizedText}, by example and over random inputs. */
public class NormalizedTextOffsetsTest {
  private final TextNormalizer normalizer = new TextNormalizer();
  private final SentenceSplitter splitter = new SentenceSplitter();

  @Test
  public void spansMapBackToTheirOriginalText() {
    String original =
        "  The  talks\n\nresumed\u00A0in\tGeneva.\u0003Officials said.Acme Corp. left. ";
    NormalizedText nt = normalizer.normalize(original);
    assertThat(nt.text(), is("The talks\nresumed in Geneva. Officials said. Acme Corp. left."));

    assertThat(originalOf(nt, "The talks"), is("The  talks"));
    assertThat(originalOf(nt, "resumed in Geneva."), is("resumed\u00A0in\tGeneva."));
    assertThat(originalOf(nt, "Geneva. Officials"), is("Geneva.\u0003Officials"));
    assertThat(originalOf(nt, "said. Acme"), is("said.Acme"));
    assertThat(originalOf(nt, "left."), is("left."));
  }

  @Test
  public void endOfTextMapsToEndOfOriginal() {
    NormalizedText nt = normalizer.normalize("word \n\u0003");
    assertThat(nt.originalStart(4), is(7));
    assertThat(nt.originalEnd(4), is(4));
    assertThat(nt.originalEnd(0), is(0));
  }

  @Test
  public void rejectsIndicesOutsideTheText() {
    NormalizedText nt = normalizer.normalize("abc");
    assertThrows(IndexOutOfBoundsException.class, () -> nt.originalStart(4));
    assertThrows(IndexOutOfBoundsException.class, () -> nt.originalEnd(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> nt.isInserted(3));
  }

  // --- property test ---

  private static final String[] WORDS = {
    "alpha", "Beta", "countries", "Gamma", "U.S.", "3.5", "cafe\u0301", "e\u0301te\u0301",
    "A\u030Angstrom", "\u212B", "q\u0307\u0323", "\u1100\u1161", "\uD83D\uDE00", "iPhone",
    "andUnification", "sides.Acme", "said.\"We", "moment.\u201CIt", "Mr.", "J.", "example.com",
    "Reuter", "Inc.", "12%.The", "over?Yes", "\u00E9cole", "McDonald", "(note).",
    "city\u2019s", "\u2014", "\u201CQuote.\u201D"
  };

  private static final String[] SEPARATORS = {
    " ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\u0003", "\u00A0", "\u200B", "\t", " \u0003\n",
    "\u2028", "", "", ". ", ".", "\n    ", "\uFEFF", "\u00AD"
  };

  @Test
  public void everySentenceMapsBackToTheOriginalTextItCameFrom() {
    Random random = new Random(20240611L);
    for (int iteration = 0; iteration < 2000; iteration++) {
      String original = randomText(random);
      NormalizedText nt = normalizer.normalize(original);
      String text = nt.text();
      String context = "original=" + escape(original) + " text=" + escape(text);

      assertThat(context, Normalizer.isNormalized(text, Normalizer.Form.NFC), is(true));
      assertThat(context, text.equals(text.strip()), is(true));
      for (int i = 1; i < text.length(); i++) {
        assertThat(context, nt.originalStart(i), greaterThanOrEqualTo(nt.originalStart(i - 1)));
      }

      List<Span> spans = splitter.split(text);
      assertCoversAllNonSpaceText(text, spans, context);
      for (Span span : spans) {
        String sentence = span.substringOf(text);
        String originalPiece = nt.toOriginal(span).substringOf(original);
        assertThat(
            context + " sentence=" + escape(sentence),
            collapse(originalPiece),
            is(withoutInsertedChars(nt, span)));
      }
    }
  }

  private static void assertCoversAllNonSpaceText(String text, List<Span> spans, String context) {
    int previousEnd = 0;
    for (Span span : spans) {
      assertThat(context, span.start(), greaterThanOrEqualTo(previousEnd));
      assertThat(context, span.isEmpty(), is(false));
      assertThat(context, isBlank(text.substring(previousEnd, span.start())), is(true));
      String sentence = span.substringOf(text);
      assertThat(context, sentence.equals(sentence.strip()), is(true));
      previousEnd = span.end();
    }
    assertThat(context, isBlank(text.substring(previousEnd)), is(true));
  }

  private static boolean isBlank(String s) {
    return s.chars().allMatch(c -> c == ' ' || c == '\n');
  }

  private static String randomText(Random random) {
    StringBuilder sb = new StringBuilder();
    if (random.nextInt(4) == 0) {
      sb.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
    }
    int words = 1 + random.nextInt(30);
    for (int w = 0; w < words; w++) {
      sb.append(WORDS[random.nextInt(WORDS.length)]);
      sb.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
    }
    return sb.toString();
  }

  /** Reference normalization of a piece of original: NFC, then space-like runs to one space. */
  private static String collapse(String original) {
    String nfc = Normalizer.normalize(original, Normalizer.Form.NFC);
    StringBuilder sb = new StringBuilder();
    boolean inSpace = false;
    for (int i = 0; i < nfc.length(); i++) {
      char c = nfc.charAt(i);
      if (c == '\u00AD' || c == '\u200C' || c == '\u200D' || c == '\u2060') {
        continue; // dropped inside words
      }
      int type = Character.getType(c);
      boolean space =
          Character.isWhitespace(c)
              || Character.isSpaceChar(c)
              || type == Character.CONTROL
              || type == Character.FORMAT;
      if (space) {
        inSpace = true;
      } else {
        if (inSpace && sb.length() > 0) {
          sb.append(' ');
        }
        inSpace = false;
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String withoutInsertedChars(NormalizedText nt, Span span) {
    StringBuilder sb = new StringBuilder();
    for (int i = span.start(); i < span.end(); i++) {
      if (!nt.isInserted(i)) {
        sb.append(nt.text().charAt(i));
      }
    }
    return sb.toString();
  }

  private static String originalOf(NormalizedText nt, String normalizedPiece) {
    int start = nt.text().indexOf(normalizedPiece);
    if (start < 0) {
      throw new AssertionError("not in normalized text: " + normalizedPiece);
    }
    return nt.toOriginal(new Span(start, start + normalizedPiece.length()))
        .substringOf(nt.original());
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c >= 0x20 && c < 0x7F) {
        sb.append(c);
      } else {
        sb.append(String.format("\\u%04X", (int) c));
      }
    }
    return sb.append('"').toString();
  }
}
