package org.corpusanalytics.transforms.ner;

import static org.corpusanalytics.transforms.ner.RuleTestSupport.show;
import static org.corpusanalytics.transforms.ner.RuleTestSupport.tag;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import org.junit.Test;

public class NameShapesTest {
  @Test
  public void anUnmatchedClosingBracketTakesTheOpeningOneBeforeTheName() {
    String text = "he saw ( Tom ) Seaver and (Jerry) Koosman pitch .";
    java.util.List<Mention> out =
        NameShapes.apply(text, tag(text, "PERSON:Tom ) Seaver", "PERSON:Jerry) Koosman"));
    assertThat(show(out), contains("PERSON:( Tom ) Seaver", "PERSON:(Jerry) Koosman"));
    assertThat(out.get(0).start(), is(text.indexOf("( Tom")));
    assertThat(out.get(1).end(), is(text.indexOf(" pitch")));
  }

  @Test
  public void aBracketedNicknameJoinsTheNameBeforeIt() {
    String text = "after James Leander ( Leo ) Nichols died , Mets ( Tom ) Seaver said .";
    assertThat(
        show(
            NameShapes.apply(
                text,
                tag(
                    text,
                    "PERSON:James Leander",
                    "PERSON:Leo ) Nichols",
                    "ORGANIZATION:Mets",
                    "PERSON:Tom ) Seaver"))),
        contains(
            "PERSON:James Leander ( Leo ) Nichols", "ORGANIZATION:Mets", "PERSON:( Tom ) Seaver"));
  }

  @Test
  public void anUnmatchedOpeningBracketSplitsTheName() {
    String text = "Hizbollah ( Party of God ) gunmen fought .";
    java.util.List<Mention> out =
        NameShapes.apply(text, tag(text, "ORGANIZATION:Hizbollah ( Party of God"));
    assertThat(show(out), contains("ORGANIZATION:Hizbollah", "ORGANIZATION:Party of God"));
    assertThat(out.get(1).start(), is(text.indexOf("Party")));
  }

  @Test
  public void aBracketClosedRightAfterTheNameBeforeADesignatorJoinsTheCompany() {
    String text = "trader <Teck Hock and Co (Pte) Ltd> and Holdings ( Pte ) are thinking .";
    assertThat(
        show(
            NameShapes.apply(
                text,
                tag(text, "ORGANIZATION:Teck Hock and Co (Pte", "ORGANIZATION:Holdings ( Pte"))),
        contains(
            "ORGANIZATION:Teck Hock and Co (Pte) Ltd",
            "ORGANIZATION:Holdings",
            "ORGANIZATION:Pte"));
  }

  @Test
  public void anUnmatchedClosingBracketWithNothingToMatchIsCutOff() {
    String text = "the World ] Bank lent more .";
    assertThat(
        show(NameShapes.apply(text, tag(text, "ORGANIZATION:World ] Bank"))),
        contains("ORGANIZATION:Bank"));
  }

  @Test
  public void angleBracketsAreNeverPartOfAName() {
    String text =
        "<Norhavn Oil Co Ltd> said International Paper Co <IP> and Stone Container Co , Alcan"
            + " Aluminium Ltd <AL.N> of Canada , Norcros <NCRO.L> Plc and Brekke Fly <BF> BF-83 jets"
            + " agreed .";
    java.util.List<Mention> out =
        NameShapes.apply(
            text,
            tag(
                text,
                "ORGANIZATION:<Norhavn Oil Co Ltd>",
                "ORGANIZATION:International Paper Co <IP> and Stone Container Co",
                "ORGANIZATION:Alcan Aluminium Ltd <AL.N> of Canada",
                "ORGANIZATION:Norcros <NCRO.L> Plc",
                "ORGANIZATION:Brekke Fly <BF> BF-83 jets"));
    assertThat(
        show(out),
        contains(
            "ORGANIZATION:Norhavn Oil Co Ltd",
            "ORGANIZATION:International Paper Co",
            "ORGANIZATION:Stone Container Co",
            "ORGANIZATION:Alcan Aluminium Ltd",
            "ORGANIZATION:Norcros",
            "ORGANIZATION:Brekke Fly"));
    for (Mention m : out) {
      assertThat(text.substring(m.start(), m.end()), is(m.text()));
    }
  }

  @Test
  public void anAbbreviationKeepsItsFullStop() {
    assertThat(NameShapes.endWithoutFullStop("in the U.S.", 7, 11), is(11));
    assertThat(NameShapes.endWithoutFullStop("by Warner Bros.", 3, 15), is(15));
    assertThat(NameShapes.endWithoutFullStop("said J. Lund.", 5, 13), is(12));
    assertThat(NameShapes.endWithoutFullStop("in Duluth, Minn.", 11, 16), is(16));
    assertThat(NameShapes.endWithoutFullStop("Lund. Then", 0, 5), is(5));
  }

  @Test
  public void matchedBracketsStay() {
    String text = "Proleter ( Z ) 4 0 1 3 2 9 1";
    assertThat(
        show(NameShapes.apply(text, tag(text, "ORGANIZATION:Proleter ( Z )"))),
        contains("ORGANIZATION:Proleter ( Z )"));
  }

  @Test
  public void aLeadingPrepositionOrMonthIsNotPartOfTheName() {
    String text = "In Tromso , the October Regional Wool Fair opened .";
    assertThat(
        show(NameShapes.apply(text, tag(text, "LOCATION:In Tromso", "MISC:October Regional Wool Fair"))),
        contains("LOCATION:Tromso", "MISC:Regional Wool Fair"));
  }

  @Test
  public void aNameEndingWithACompanyDesignatorIsAnOrganization() {
    String text = "Halvorsen Marine Corp said profits rose .";
    assertThat(
        show(NameShapes.apply(text, tag(text, "PERSON:Halvorsen Marine Corp"))),
        contains("ORGANIZATION:Halvorsen Marine Corp"));
  }

  @Test
  public void aDesignatorAfterAPersonJoinsIt() {
    String text = "Shares of Pettersen Bros rose 5 percent .";
    assertThat(
        show(NameShapes.apply(text, tag(text, "PERSON:Pettersen"))),
        contains("ORGANIZATION:Pettersen Bros"));
  }

  @Test
  public void aDesignatorWithPunctuationGluedToItJoinsToo() {
    String text = "Shares of Pettersen Bros, the brokers, and Lund Senior, rose .";
    assertThat(
        show(NameShapes.apply(text, tag(text, "PERSON:Pettersen", "PERSON:Lund"))),
        contains("ORGANIZATION:Pettersen Bros", "PERSON:Lund"));
  }

  @Test
  public void aSingleWordIsKept() {
    String text = "Sunday was quiet .";
    assertThat(show(NameShapes.apply(text, tag(text, "MISC:Sunday"))), contains("MISC:Sunday"));
  }

  @Test
  public void aJoinedNameIsSplitWhenEachSideStandsAloneElsewhere() {
    String first = "Brann and Viking Stavanger drew .";
    String second = "Brann lost at home , Viking Stavanger won .";
    java.util.List<java.util.List<Mention>> out =
        NameShapes.splitConjunctions(
            java.util.List.of(
                tag(first, "ORGANIZATION:Brann and Viking Stavanger"),
                tag(second, "ORGANIZATION:Brann", "ORGANIZATION:Viking Stavanger")));
    assertThat(show(out.get(0)), contains("ORGANIZATION:Brann", "ORGANIZATION:Viking Stavanger"));
  }

  @Test
  public void aJoinedNameIsKeptWhenASideNeverStandsAlone() {
    String text = "The Council for Trade and Industry met .";
    java.util.List<java.util.List<Mention>> out =
        NameShapes.splitConjunctions(
            java.util.List.of(tag(text, "ORGANIZATION:Council for Trade and Industry")));
    assertThat(show(out.get(0)), contains("ORGANIZATION:Council for Trade and Industry"));
  }

  @Test
  public void aShortNameOfAnOrganizationInTheArticleIsThatOrganization() {
    String first = "Halvorsen Marine Corp bought Fjord Boats Inc .";
    String second = "Halvorsen said Fjord would keep its name .";
    java.util.List<java.util.List<Mention>> out =
        NameShapes.shortOrganizationNames(
            java.util.List.of(
                tag(first, "ORGANIZATION:Halvorsen Marine Corp", "ORGANIZATION:Fjord Boats Inc"),
                tag(second, "PERSON:Halvorsen", "LOCATION:Fjord")));
    assertThat(show(out.get(1)), contains("ORGANIZATION:Halvorsen", "ORGANIZATION:Fjord"));
  }

  @Test
  public void aShortNameBeforeAGluedPossessiveIsThatOrganizationToo() {
    String first = "Fjeld's Rating Service Inc cut the bonds .";
    String second = "Fjeld said the outlook was stable .";
    java.util.List<java.util.List<Mention>> out =
        NameShapes.shortOrganizationNames(
            java.util.List.of(
                tag(first, "ORGANIZATION:Fjeld's Rating Service Inc"), tag(second, "PERSON:Fjeld")));
    assertThat(show(out.get(1)), contains("ORGANIZATION:Fjeld"));
  }

  @Test
  public void aShortNameOfAPersonInTheArticleStaysAPerson() {
    String first = "Olsen Shipping Group hired Kari Olsen .";
    String second = "Olsen starts on Monday .";
    java.util.List<java.util.List<Mention>> out =
        NameShapes.shortOrganizationNames(
            java.util.List.of(
                tag(first, "ORGANIZATION:Olsen Shipping Group", "PERSON:Kari Olsen"),
                tag(second, "PERSON:Olsen")));
    assertThat(show(out.get(1)), contains("PERSON:Olsen"));
  }

  @Test
  public void aQuotedTitleIsOneMiscName() {
    String text = "She starred in \"Winter Light over Bergen\" and \" The Long Fjord \" .";
    assertThat(
        show(NameShapes.apply(text, tag(text, "PERSON:Winter Light", "LOCATION:Bergen"))),
        contains("MISC:Winter Light over Bergen", "MISC:The Long Fjord"));
  }

  @Test
  public void aNicknameInQuotesIsNoTitle() {
    String text = "Erik \" The Hammer \" Lund won .";
    assertThat(show(NameShapes.apply(text, tag(text))), org.hamcrest.Matchers.empty());
  }

  @Test
  public void aQuotedSentenceIsNoTitle() {
    String text = "\"We will win in Bergen\" , he said .";
    assertThat(
        show(NameShapes.apply(text, tag(text, "LOCATION:Bergen"))), contains("LOCATION:Bergen"));
  }

  @Test
  public void aRegnalNumberIsPartOfAPersonsName() {
    String text = "1972 - Queen Margrethe II acceded to the throne .";
    assertThat(
        show(NameShapes.apply(text, tag(text, "PERSON:Margrethe"))),
        contains("PERSON:Margrethe II"));
  }
}
