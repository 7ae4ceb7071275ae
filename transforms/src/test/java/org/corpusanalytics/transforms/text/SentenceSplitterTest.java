package org.corpusanalytics.transforms.text;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.Test;

public class SentenceSplitterTest {
  private final SentenceSplitter splitter = new SentenceSplitter();

  private List<String> sentences(String text) {
    return sentences(splitter, text);
  }

  static List<String> sentences(SentenceSplitter splitter, String text) {
    return splitter.split(text).stream().map(s -> s.substringOf(text)).collect(Collectors.toList());
  }

  @Test
  public void aSentenceCanStartWithASymbolOrACaselessLetter() {
    assertThat(
        sentences("Apple sued eBay. \uD83D\uDE00 Zurich and Lima agreed."),
        contains("Apple sued eBay.", "\uD83D\uDE00 Zurich and Lima agreed."));
    assertThat(
        sentences("Talks ended. \u5317\u4EAC said no. \u00A9 2024 Example News"),
        contains("Talks ended.", "\u5317\u4EAC said no.", "\u00A9 2024 Example News"));
    // A lower-case word or an abbreviation still continues the sentence.
    assertThat(
        sentences("He met Dr. \u738B in Rome. ok. then"),
        contains("He met Dr. \u738B in Rome. ok. then"));
  }

  @Test
  public void aRankEndsNoSentenceWhenTheCallerCutsAtLines() {
    String rows = "6. Ana Lopez ( Spain ) 1:45.64 7. Eva Lund ( Norway ) 1:46.45 8. Kai Berg";
    assertThat(
        sentences(rows),
        contains("6.", "Ana Lopez ( Spain ) 1:45.64 7.", "Eva Lund ( Norway ) 1:46.45 8.", "Kai Berg"));
    SentenceSplitter lines = splitter.withRanksEndingSentences(false);
    assertThat(sentences(lines, rows), contains(rows));
    // Only a bare number of one to three digits is a rank: a year, a decimal or a word still ends.
    assertThat(
        sentences(lines, "It opened in 1996. Sales rose 4.5. Kai Berg won Heat 2. He said so."),
        contains("It opened in 1996.", "Sales rose 4.5.", "Kai Berg won Heat 2. He said so."));
  }

  @Test
  public void splitsOnTerminalPunctuationBeforeACapital() {
    assertThat(sentences("The vote passed. Lawmakers cheered! Was it fair? Nobody said."),
        contains("The vote passed.", "Lawmakers cheered!", "Was it fair?", "Nobody said."));
  }

  @Test
  public void returnsSpansIntoTheGivenText() {
    assertThat(splitter.split("Short one. Another one."),
        contains(new Span(0, 10), new Span(11, 23)));
  }

  @Test
  public void splitsBeforeDigitsAndOpeningQuotes() {
    assertThat(sentences("It ended. 2019 was worse. \"We lost,\" he said. (Editing by A. Lee)"),
        contains("It ended.", "2019 was worse.", "\"We lost,\" he said.", "(Editing by A. Lee)"));
  }

  @Test
  public void doesNotSplitBeforeLowerCase() {
    assertThat(sentences("He said no. and then left. Done."),
        contains("He said no. and then left.", "Done."));
  }

  @Test
  public void ellipsisEndsASentence() {
    assertThat(sentences("We waited\u2026 Nothing came. Then... More came."),
        contains("We waited\u2026", "Nothing came.", "Then...", "More came."));
  }

  @Test
  public void paragraphBreakIsAlwaysABoundary() {
    assertThat(sentences("A headline without a period\nThe body starts here."),
        contains("A headline without a period", "The body starts here."));
    assertThat(sentences("first part\nsecond part"), contains("first part", "second part"));
  }

  @Test
  public void titlesNeverEndASentence() {
    assertThat(sentences("Mr. Smith met Dr. Jones and Sen. Brown. Gen. Lee stayed home."),
        contains("Mr. Smith met Dr. Jones and Sen. Brown.", "Gen. Lee stayed home."));
    assertThat(sentences("It was Smith vs. Jones in court."),
        contains("It was Smith vs. Jones in court."));
  }

  @Test
  public void companyFormsEndASentenceOnlyBeforeASentenceStarter() {
    assertThat(sentences("Acme Corp. Chairman Bob Roe spoke. He left."),
        contains("Acme Corp. Chairman Bob Roe spoke.", "He left."));
    assertThat(sentences("It sold the unit to Beta Inc. The price was not disclosed."),
        contains("It sold the unit to Beta Inc.", "The price was not disclosed."));
    assertThat(sentences("They bought fruit, bread, etc. But the shop was closed."),
        contains("They bought fruit, bread, etc.", "But the shop was closed."));
    assertThat(sentences("Talks with Gamma Ltd. stalled."),
        contains("Talks with Gamma Ltd. stalled."));
  }

  @Test
  public void abbreviationsInCapitalsAreAbbreviationsToo() {
    assertThat(sentences("ST. LOUIS 1996-08-30"), contains("ST. LOUIS 1996-08-30"));
    assertThat(sentences("MR. SMITH GOES TO WASHINGTON ."), contains("MR. SMITH GOES TO WASHINGTON ."));
    assertThat(sentences("ACME BUYS BETA INC. THE PRICE WAS NOT DISCLOSED ."),
        contains("ACME BUYS BETA INC.", "THE PRICE WAS NOT DISCLOSED ."));
    // Not an abbreviation in any case.
    assertThat(sentences("THEY WON AT HOME. LEEDS LOST ."), contains("THEY WON AT HOME.", "LEEDS LOST ."));
  }

  @Test
  public void monthsAndNumberAbbreviationsContinueBeforeANumber() {
    assertThat(sentences("The deadline is Sept. 30. The court meets Jan. 5 and Feb. 2."),
        contains("The deadline is Sept. 30.", "The court meets Jan. 5 and Feb. 2."));
    assertThat(sentences("He is the world No. 1 player."),
        contains("He is the world No. 1 player."));
    assertThat(sentences("It happened in Oct. Nobody noticed."),
        contains("It happened in Oct.", "Nobody noticed."));
  }

  @Test
  public void initialsDoNotEndASentence() {
    assertThat(sentences("J. Smith and John F. Kennedy Jr. were named. It was late."),
        contains("J. Smith and John F. Kennedy Jr. were named.", "It was late."));
    assertThat(sentences("The author is J. R. Tolkien."), contains("The author is J. R. Tolkien."));
  }

  @Test
  public void singleLetterBeforeASentenceStarterEndsTheSentence() {
    assertThat(sentences("They chose plan B. It failed."),
        contains("They chose plan B.", "It failed."));
  }

  @Test
  public void dottedAcronymEndsASentenceOnlyBeforeASentenceStarter() {
    assertThat(sentences("He held talks with the U.S. But he did not say more."),
        contains("He held talks with the U.S.", "But he did not say more."));
    assertThat(sentences("A bill went to the U.S. Congress on Monday."),
        contains("A bill went to the U.S. Congress on Monday."));
    assertThat(sentences("They met at 9 a.m. The talks ran late."),
        contains("They met at 9 a.m.", "The talks ran late."));
    assertThat(sentences("They met at 9 a.m. Tuesday in Oslo."),
        contains("They met at 9 a.m. Tuesday in Oslo."));
    assertThat(sentences("Allies, e.g. Britain, agreed."),
        contains("Allies, e.g. Britain, agreed."));
    assertThat(sentences("He moved to the U.K. \"It rains,\" he said."),
        contains("He moved to the U.K.", "\"It rains,\" he said."));
  }

  @Test
  public void decimalsDomainsAndGluedAcronymsAreNotBoundaries() {
    assertThat(
        sentences(
            "Growth was 3.5 percent. Visit example.com for more. The U.S.President spoke."),
        contains("Growth was 3.5 percent.", "Visit example.com for more.",
            "The U.S.President spoke."));
  }

  @Test
  public void closingQuotesStayWithTheirSentence() {
    assertThat(
        sentences(
            "He said \"We will win.\" The crowd cheered. (It was loud.) Then it ended."),
        contains("He said \"We will win.\"", "The crowd cheered.", "(It was loud.)",
            "Then it ended."));
    assertThat(sentences("She called it \u201Cgreat.\u201D \u201CWe agree,\u201D he said."),
        contains("She called it \u201Cgreat.\u201D", "\u201CWe agree,\u201D he said."));
    assertThat(sentences("Was it \"the end\"? Nobody knew."),
        contains("Was it \"the end\"?", "Nobody knew."));
  }

  @Test
  public void quoteEndingAfterAnAbbreviationEndsTheSentence() {
    assertThat(sentences("\"We moved to the U.S.\" He smiled."),
        contains("\"We moved to the U.S.\"", "He smiled."));
  }

  @Test
  public void trimsAndCoversAllText() {
    assertThat(sentences("  First one.   Second one.  "), contains("First one.", "Second one."));
    assertThat(sentences("No terminal punctuation at all"),
        contains("No terminal punctuation at all"));
  }

  @Test
  public void emptyAndBlankInputGiveNoSentences() {
    assertThat(splitter.split(""), is(empty()));
    assertThat(splitter.split("   \n  "), is(empty()));
  }

  // --- maximum sentence length ---

  @Test
  public void defaultLimitIsTheConstant() {
    assertThat(splitter.maxSentenceChars(), is(SentenceSplitter.DEFAULT_MAX_SENTENCE_CHARS));
    assertThat(SentenceSplitter.DEFAULT_MAX_SENTENCE_CHARS, is(1000));
  }

  @Test
  public void longSentenceIsCutAtTheLastSpaceBeforeTheLimit() {
    SentenceSplitter small = splitter.withMaxSentenceChars(12);
    assertThat(sentences(small, "aaaa bbbb cccc dddd. Ok."),
        contains("aaaa bbbb", "cccc dddd.", "Ok."));
    // A space exactly at the limit allows a piece of exactly the limit.
    assertThat(sentences(small, "aaaaa bbbbbb ccc"), contains("aaaaa bbbbbb", "ccc"));
  }

  @Test
  public void longSentenceIsCutAtALineBreakOfTheBodyWhereThereIsOne() {
    SentenceSplitter small = splitter.withMaxSentenceChars(60);
    String rows = "Anna Berg ( Sweden ) 6-1\nJohn Smith ( New Zealand ) 6-2\nMary Jones ( South Africa ) 6-3";
    assertThat(
        segments(SegmentedText.of(rows, new TextNormalizer(), small)),
        contains("Anna Berg ( Sweden ) 6-1 John Smith ( New Zealand ) 6-2", "Mary Jones ( South Africa ) 6-3"));
    // On one line, the last space before the limit, as before.
    assertThat(
        segments(SegmentedText.of(rows.replace('\n', ' '), new TextNormalizer(), small)),
        contains("Anna Berg ( Sweden ) 6-1 John Smith ( New Zealand ) 6-2 Mary", "Jones ( South Africa ) 6-3"));
  }

  private static List<String> segments(SegmentedText text) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      out.add(text.sentence(i));
    }
    return out;
  }

  @Test
  public void longWordIsCutHardAtTheLimit() {
    SentenceSplitter small = splitter.withMaxSentenceChars(4);
    assertThat(sentences(small, "abcdefghij k"), contains("abcd", "efgh", "ij k"));
  }

  @Test
  public void hardCutDoesNotSplitASurrogatePair() {
    SentenceSplitter small = splitter.withMaxSentenceChars(4);
    String emojis = "abc\uD83D\uDE00\uD83D\uDE00"; // the limit falls inside the first pair
    assertThat(sentences(small, emojis), contains("abc", "\uD83D\uDE00\uD83D\uDE00"));
  }

  @Test
  public void noSentenceExceedsTheLimit() {
    StringBuilder longText = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      longText.append("word").append(i).append(i % 7 == 0 ? ", " : " ");
    }
    List<Span> spans = splitter.withMaxSentenceChars(100).split(longText.toString());
    assertThat(spans.size() > 30, is(true));
    assertThat(spans.stream().map(Span::length).collect(Collectors.toList()),
        everyItem(lessThanOrEqualTo(100)));
  }

  @Test
  public void rejectsNonPositiveLimit() {
    assertThrows(IllegalArgumentException.class, () -> splitter.withMaxSentenceChars(0));
  }

  @Test
  public void isSerializable() throws Exception {
    SentenceSplitter copy = TextNormalizerTest.roundTrip(splitter.withMaxSentenceChars(50));
    assertThat(copy.maxSentenceChars(), is(50));
    assertThat(sentences(copy, "One. Two."), contains("One.", "Two."));
  }
}
