package org.corpusanalytics.transforms.text;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.Test;

public class TextNormalizerTest {
  private final TextNormalizer normalizer = new TextNormalizer();

  private String norm(String original) {
    return normalizer.normalize(original).text();
  }

  // --- whitespace ---

  @Test
  public void collapsesEveryKindOfWhitespaceRunToOneSpace() {
    assertThat(norm("one  two\tthree\u00A0four\u2028five \t\u00A0 six"),
        is("one two three four five six"));
  }

  @Test
  public void singleLineBreakIsJustASpace() {
    assertThat(norm("the wire copy is\nhard-wrapped here\r\nand here"),
        is("the wire copy is hard-wrapped here and here"));
  }

  @Test
  public void blankLineBecomesOneParagraphBreak() {
    assertThat(norm("First paragraph.\n\nSecond one."), is("First paragraph.\nSecond one."));
    assertThat(norm("First.\r\n\r\nSecond."), is("First.\nSecond."));
    assertThat(norm("First.\n   \t\n\n  Second."), is("First.\nSecond."));
    assertThat(norm("First.\u2029\u2029Second."), is("First.\nSecond."));
  }

  @Test
  public void crLfCountsAsOneLineBreak() {
    assertThat(norm("a line\r\nanother line"), is("a line another line"));
  }

  @Test
  public void trimsLeadingAndTrailingWhitespace() {
    assertThat(norm("\n\n   Body text.  \n\n"), is("Body text."));
  }

  @Test
  public void emptyAndWhitespaceOnlyInputGiveEmptyText() {
    assertThat(norm(""), is(""));
    assertThat(norm(" \n\n\t\u00A0\u0003\u200B\uFEFF "), is(""));
    NormalizedText blank = normalizer.normalize("  \n ");
    assertThat(blank.length(), is(0));
    assertThat(blank.originalStart(0), is(4));
    assertThat(blank.original(), is("  \n "));
  }

  // --- control and format chars ---

  @Test
  public void controlCharsActAsWhitespaceWithoutExtraSpaces() {
    assertThat(norm("prices rose.\n Reuter\n\u0003"), is("prices rose. Reuter"));
    assertThat(norm("left\u0003right"), is("left right"));
    assertThat(norm("left \u0003 right"), is("left right"));
    assertThat(norm("left\u0003\u0007\n right"), is("left right"));
  }

  @Test
  public void formatCharsActAsWhitespace() {
    assertThat(norm("\uFEFFStarts with a BOM"), is("Starts with a BOM"));
    assertThat(norm("zero\u200Bwidth"), is("zero width"));
    // Soft hyphens and joiners sit inside words: they vanish rather than split the word.
    assertThat(norm("Wash\u00ADington joiner\u200Dhere word\u2060joiner"), is("Washington joinerhere wordjoiner"));
    assertThat(norm("space \u200B next"), is("space next"));
  }

  // --- NFC ---

  @Test
  public void composesDecomposedAccents() {
    NormalizedText nt = normalizer.normalize("cafe\u0301 ole\u0301");
    assertThat(nt.text(), is("caf\u00E9 ol\u00E9"));
    // "café" covers the whole decomposed run in the original.
    assertThat(nt.originalStart(0), is(0));
    assertThat(nt.originalEnd(4), is(5));
    assertThat(nt.originalStart(5), is(6));
    assertThat(nt.originalEnd(8), is(10));
  }

  @Test
  public void decomposedCharMapsConservativelyToItsWholeRun() {
    NormalizedText nt = normalizer.normalize("xe\u0301y");
    assertThat(nt.text(), is("x\u00E9y"));
    assertThat(nt.originalStart(1), is(1));
    assertThat(nt.originalEnd(2), is(3));
    assertThat(nt.originalStart(2), is(3));
  }

  @Test
  public void alreadyComposedTextKeepsExactOffsets() {
    NormalizedText nt = normalizer.normalize("Se\u00F1or  M\u00FCller");
    assertThat(nt.text(), is("Se\u00F1or M\u00FCller"));
    assertThat(nt.originalStart(6), is(7));
    assertThat(nt.originalEnd(12), is(13));
  }

  @Test
  public void singletonDecompositionKeepsOneToOneOffsets() {
    NormalizedText nt = normalizer.normalize("a 5\u2126 resistor"); // OHM SIGN -> GREEK OMEGA
    assertThat(nt.text(), is("a 5\u03A9 resistor"));
    assertThat(nt.toOriginal(new Span(2, 4)), is(new Span(2, 4)));
  }

  @Test
  public void curlyPunctuationWithADecomposedAccentElsewhere() {
    String original = "The city\u2019s \u201Cnew\u201D cafe\u0301 \u2014 opened.";
    NormalizedText nt = normalizer.normalize(original);
    assertThat(nt.text(), is("The city\u2019s \u201Cnew\u201D caf\u00E9 \u2014 opened."));
    Span quoted = new Span(nt.text().indexOf('\u201C'), nt.text().indexOf('\u201D') + 1);
    assertThat(nt.toOriginal(quoted).substringOf(original), is("\u201Cnew\u201D"));
    Span cafe = new Span(nt.text().indexOf("caf"), nt.text().indexOf("caf") + 4);
    assertThat(nt.toOriginal(cafe).substringOf(original), is("cafe\u0301"));
  }

  @Test
  public void composesHangulJamo() {
    assertThat(norm("\u1100\u1161\u11A8 x"), is("\uAC01 x"));
  }

  // --- sentence glue ---

  @Test
  public void separatesSentenceGluedToTheNext() {
    assertThat(norm("ending the talks between the two sides.Acme Corp. said"),
        is("ending the talks between the two sides. Acme Corp. said"));
    assertThat(norm("a deal between the two countries.U.S. President Jones said"),
        is("a deal between the two countries. U.S. President Jones said"));
    assertThat(norm("Is it over?Nobody knows!Officials declined"),
        is("Is it over? Nobody knows! Officials declined"));
    assertThat(norm("shares rose 12%.Analysts expect"), is("shares rose 12%. Analysts expect"));
    assertThat(norm("It was founded in 1999.The company"),
        is("It was founded in 1999. The company"));
    assertThat(norm("he waited...Nothing came"), is("he waited... Nothing came"));
  }

  @Test
  public void sentenceGlueAfterClosingQuoteOrBracket() {
    assertThat(norm("\"Good things are happening.\"We met"),
        is("\"Good things are happening.\" We met"));
    assertThat(norm("Good things are happening.\"We met"),
        is("Good things are happening.\" We met"));
    assertThat(norm("the talks (held in Geneva).Officials said"),
        is("the talks (held in Geneva). Officials said"));
    assertThat(norm("It was \u201Cgreat.\u201DThe letter"),
        is("It was \u201Cgreat.\u201D The letter"));
  }

  @Test
  public void spaceGoesBeforeAnOpeningQuote() {
    // After a balanced quotation, the next straight quote opens one.
    assertThat(norm("He said \"yes\" to the plan.\"We agree,\" she said."),
        is("He said \"yes\" to the plan. \"We agree,\" she said."));
    assertThat(norm("the plan was agreed.\u201CWe agree\u201D"),
        is("the plan was agreed. \u201CWe agree\u201D"));
  }

  @Test
  public void keepsDotsThatDoNotEndASentence() {
    assertThat(norm("the U.S.President spoke"), is("the U.S.President spoke"));
    assertThat(norm("the U.S.A.Today"), is("the U.S.A.Today"));
    assertThat(norm("growth of 3.5 percent"), is("growth of 3.5 percent"));
    assertThat(norm("see example.com or www.Example.org"),
        is("see example.com or www.Example.org"));
    assertThat(norm("visit news.example.Com today"), is("visit news.example.Com today"));
    assertThat(norm("capitals, e.g.Paris and Rome"), is("capitals, e.g.Paris and Rome"));
    assertThat(norm("at 5 p.m.Tuesday"), is("at 5 p.m.Tuesday"));
    assertThat(norm("Section 4.B applies"), is("Section 4.B applies"));
    assertThat(norm("mail jane@corp.Example now"), is("mail jane@corp.Example now"));
  }

  // --- camel glue ---

  @Test
  public void separatesLowerCaseWordGluedToCapitalizedWord() {
    assertThat(norm("Peace, Prosperity andUnification of the region"),
        is("Peace, Prosperity and Unification of the region"));
    assertThat(norm("a war inAsia"), is("a war in Asia"));
  }

  @Test
  public void separatesATitleGluedToTheBody() {
    assertThat(norm("Volcano erupts in IcelandThe volcano erupted"),
        is("Volcano erupts in Iceland The volcano erupted"));
    assertThat(norm("Talks in RomeHe said"), is("Talks in Rome He said"));
    // Only a whole sentence-starting word after a word of three or more letters.
    for (String kept : new String[] {"LinkedIn said", "AddOn sales", "Theatre", "MyThe", "TheThey"}) {
      assertThat(norm(kept), is(kept));
    }
  }

  @Test
  public void keepsCamelCaseNamesAndBrands() {
    for (String word :
        new String[] {"iPhone", "eBay", "McDonald", "MacArthur", "JavaScript", "YouTube", "PhD",
          "macOS", "LaGuardia"}) {
      assertThat(norm("the " + word + " case"), is("the " + word + " case"));
    }
  }

  // --- offsets of inserted spaces ---

  @Test
  public void insertedSpaceHasNoOriginalChars() {
    NormalizedText nt = normalizer.normalize("two sides.Acme said");
    assertThat(nt.text(), is("two sides. Acme said"));
    int inserted = nt.text().indexOf(". ") + 1;
    assertThat(nt.isInserted(inserted), is(true));
    assertThat(nt.originalStart(inserted), is(10));
    assertThat(nt.originalEnd(inserted + 1), is(10));
    assertThat(nt.isInserted(3), is(false)); // a collapsed real space
    // "Acme" maps back exactly.
    Span acme = nt.toOriginal(new Span(inserted + 1, inserted + 5));
    assertThat(acme.substringOf(nt.original()), is("Acme"));
  }

  @Test
  public void sameSentenceGluedOrNotNormalizesToTheSameString() {
    String glued = norm("talks ended.Acme Corp. said it would walk away.");
    String spaced = norm("talks ended.   Acme Corp. said it would walk away.");
    assertThat(glued, equalTo(spaced));
  }

  @Test
  public void normalizerAndResultAreSerializable() throws Exception {
    NormalizedText nt = normalizer.normalize("cafe\u0301 sides.Acme\n\nNext");
    assertThat(roundTrip(nt), equalTo(nt));
    TextNormalizer copy = roundTrip(normalizer);
    assertThat(copy.normalize("a  b").text(), is("a b"));
  }

  @SuppressWarnings("unchecked")
  static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
