package org.corpusanalytics.transforms.ner;

import static org.corpusanalytics.transforms.ner.RuleTestSupport.show;
import static org.corpusanalytics.transforms.ner.RuleTestSupport.tag;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import java.util.List;
import org.junit.Test;

public class OrganizationNamesTest {
  /** The mentions after the unit's rules, for {@code tags} given by the tagger. */
  private static List<String> applied(String text, String... tags) {
    return show(OrganizationNames.apply(text, tag(text, tags)));
  }
  @Test
  public void aNameEndingWithAnOrganizationWordIsAnOrganization() {
    String text = "The Harbourton Fishing Association and Lena Berg 's Coastal Party met .";
    assertThat(
        applied(text, "MISC:Harbourton Fishing Association", "PERSON:Coastal Party"),
        contains("ORGANIZATION:Harbourton Fishing Association", "ORGANIZATION:Coastal Party"));
  }

  @Test
  public void aNameStartingWithAnOrganizationWordAndOfIsAnOrganization() {
    String text = "The League of Coastal Towns wrote to the Bank of Nordvik .";
    assertThat(
        applied(text, "MISC:League of Coastal Towns", "LOCATION:Bank of Nordvik"),
        contains("ORGANIZATION:League of Coastal Towns", "ORGANIZATION:Bank of Nordvik"));
  }

  @Test
  public void placesEndingWithSuchWordsAndSportsLeaguesKeepTheirType() {
    String text = "Settlers in the West Bank watched the Northern League game .";
    assertThat(
        applied(text, "LOCATION:West Bank", "MISC:Northern League"),
        contains("LOCATION:West Bank", "MISC:Northern League"));
  }

  @Test
  public void aOneWordMentionIsLeftAlone() {
    String text = "Party members left .";
    assertThat(
        applied(text, "MISC:Party"), contains("MISC:Party"));
  }

  @Test
  public void aMentionOfSpacesIsLeftAlone() {
    // A tagger's span may hold only blanks: no word, no rule, no exception.
    String text = "x   y";
    List<Mention> spaces = List.of(new Mention(1, 4, "   ", EntityType.MISC));
    assertThat(OrganizationNames.apply(text, spaces), is(spaces));
  }

  @Test
  public void anOfPhraseAfterTheOrganizationWordJoinsIt() {
    String text = "The debates are run by the Commission on Coastal Fisheries and Trade .";
    assertThat(
        applied(text, "ORGANIZATION:Commission", "MISC:Coastal Fisheries"),
        contains("ORGANIZATION:Commission on Coastal Fisheries and Trade"));
  }

  @Test
  public void aDateIsNoOfPhrase() {
    String text = "The Harbour Council on Monday approved the plan .";
    assertThat(
        applied(text, "ORGANIZATION:Harbour Council"),
        contains("ORGANIZATION:Harbour Council"));
  }

  @Test
  public void anAbbreviationInBracketsTakesTheTypeOfTheNameItSpells() {
    String text = "Shares fell on the Nordvik Stock Exchange ( NSE ) and at Fjordline (FL) today .";
    assertThat(
        applied(text, "ORGANIZATION:Nordvik Stock Exchange", "MISC:NSE", "ORGANIZATION:Fjordline"),
        contains(
            "ORGANIZATION:Nordvik Stock Exchange", "ORGANIZATION:NSE", "ORGANIZATION:Fjordline"));
    String untagged = "Workers of the Coastal Transport Union (CTU) struck .";
    assertThat(
        applied(untagged, "ORGANIZATION:Coastal Transport Union"),
        contains("ORGANIZATION:Coastal Transport Union", "ORGANIZATION:CTU"));
  }

  @Test
  public void aBracketedCodeThatTheNameDoesNotSpellIsLeftAlone() {
    String text = "2. Team Fjordline ( GER ) and Erik Lund ( EL ) finished .";
    assertThat(
        applied(text, "ORGANIZATION:Team Fjordline", "LOCATION:GER", "PERSON:Erik Lund"),
        contains("ORGANIZATION:Team Fjordline", "LOCATION:GER", "PERSON:Erik Lund"));
  }

  @Test
  public void spellsReadsTheInitialsInOrder() {
    assertThat(OrganizationNames.spells("OCT", "Organisation of Coastal Towns"), is(true));
    assertThat(OrganizationNames.spells("OOCT", "Organisation of Coastal Towns"), is(true));
    assertThat(OrganizationNames.spells("N.S.E.", "Nordvik Stock Exchange"), is(true));
    assertThat(OrganizationNames.spells("NE", "Nordvik Stock Exchange"), is(false));
    assertThat(OrganizationNames.spells("SNE", "Nordvik Stock Exchange"), is(false));
    assertThat(OrganizationNames.spells("X", "X"), is(false));
  }

  @Test
  public void everyMentionOfADefinedAbbreviationTakesItsType() {
    String first = "Workers of the Coastal Transport Union ( CTU ) struck .";
    String second = "The CTU said talks would resume .";
    String third = "Lena Berg of the CTU spoke .";
    List<List<Mention>> out =
        OrganizationNames.acronyms(
            List.of(first, second, third),
            List.of(
                tag(first, "ORGANIZATION:Coastal Transport Union", "ORGANIZATION:CTU"),
                tag(second, "MISC:CTU"),
                tag(third, "PERSON:Lena Berg", "LOCATION:CTU")));
    assertThat(show(out.get(1)), contains("ORGANIZATION:CTU"));
    assertThat(show(out.get(2)), contains("PERSON:Lena Berg", "ORGANIZATION:CTU"));
  }

  @Test
  public void withoutADefinitionNothingChanges() {
    String first = "The CTU ( Union ) struck .";
    String second = "The CTU said talks would resume .";
    List<List<Mention>> units =
        List.of(tag(first, "ORGANIZATION:CTU", "ORGANIZATION:Union"), tag(second, "MISC:CTU"));
    assertThat(OrganizationNames.acronyms(List.of(first, second), units), is(units));
  }
}
