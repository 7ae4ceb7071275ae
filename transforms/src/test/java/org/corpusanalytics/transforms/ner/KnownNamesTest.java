package org.corpusanalytics.transforms.ner;

import static org.corpusanalytics.transforms.ner.RuleTestSupport.show;
import static org.corpusanalytics.transforms.ner.RuleTestSupport.tag;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import org.junit.Test;

public class KnownNamesTest {
  @Test
  public void worldNamesKnowCountriesAndPeoples() {
    WorldNames world = WorldNames.get();
    assertThat(world.typeOf("Peru"), is(EntityType.LOCATION));
    assertThat(world.typeOf("New Zealand"), is(EntityType.LOCATION));
    assertThat(world.typeOf("Norwegians"), is(EntityType.MISC));
    assertThat(world.typeOf("Iraqi"), is(EntityType.MISC));
    assertThat(world.typeOf("peru"), nullValue());
    assertThat(world.typeOfAnyCase("NEW ZEALAND"), is(EntityType.LOCATION));
  }

  @Test
  public void parsesPlacesAndPeoplesColumns() {
    WorldNames w = WorldNames.parse(List.of("# comment", "Freedonia|Fredonia\tFreedonian|Freedonians"));
    assertThat(w.typeOf("Fredonia"), is(EntityType.LOCATION));
    assertThat(w.typeOf("Freedonians"), is(EntityType.MISC));
  }

  @Test
  public void aCountryTaggedAsAnOrganizationIsALocation() {
    String text = "Peru beat Chile 2-0 in Lima on Sunday .";
    assertThat(
        show(KnownNames.apply(text, tag(text, "ORGANIZATION:Peru", "LOCATION:Chile", "LOCATION:Lima"))),
        contains("LOCATION:Peru", "LOCATION:Chile", "LOCATION:Lima"));
  }

  @Test
  public void aPersonNamedLikeACountryStaysAPerson() {
    String text = "Jordan scored 30 points .";
    assertThat(show(KnownNames.apply(text, tag(text, "PERSON:Jordan"))), contains("PERSON:Jordan"));
  }

  @Test
  public void aNationalityTaggedAsAnOrganizationIsMisc() {
    String text = "The Iraqi delegation arrived late .";
    assertThat(
        show(KnownNames.apply(text, tag(text, "ORGANIZATION:Iraqi"))), contains("MISC:Iraqi"));
  }

  @Test
  public void untaggedCountriesAndNationalitiesAreAdded() {
    String text = "Two Norwegians were hurt in Peru on Friday , police said .";
    assertThat(
        show(KnownNames.apply(text, tag(text))), contains("MISC:Norwegians", "LOCATION:Peru"));
  }

  @Test
  public void untaggedNamesNextToOtherCapitalizedWordsAreLeftAlone() {
    String text = "The ship crossed the Indian Ocean near Madagascar Bay .";
    assertThat(show(KnownNames.apply(text, tag(text))), empty());
  }

  @Test
  public void inACapitalsLineOnlyPlacesAreAdded() {
    String text = "SOCCER - ICELAND HOLD PORTUGUESE SIDE TO DRAW .";
    assertThat(show(KnownNames.apply(text, tag(text))), contains("LOCATION:ICELAND"));
  }

  @Test
  public void placeCompoundsAreMiscOnTheirOwn() {
    String text = "Oslo-based Nordfisk Holdings bought a Boston-based rival .";
    assertThat(
        show(KnownNames.apply(text, tag(text, "ORGANIZATION:Oslo-based Nordfisk Holdings"))),
        contains("MISC:Oslo-based", "ORGANIZATION:Nordfisk Holdings", "MISC:Boston-based"));
  }

  @Test
  public void aKnownLongerNameReplacesThePartTheTaggerFound() {
    String text = "The South African captain was out for 12 .";
    assertThat(
        show(KnownNames.apply(text, tag(text, "MISC:African"))), contains("MISC:South African"));
  }

  @Test
  public void aKnownPlaceReplacesThePeoplesWordTheTaggerFoundInIt() {
    String text = "Petr Korda ( Czech Republic ) beat a Czech junior .";
    assertThat(
        show(KnownNames.apply(text, tag(text, "PERSON:Petr Korda", "MISC:Czech", "MISC:Czech"))),
        contains("PERSON:Petr Korda", "LOCATION:Czech Republic", "MISC:Czech"));
  }

  @Test
  public void aKnownPlaceDoesNotSwallowAnOrganizationInIt() {
    String text = "Czech Republic Airlines said on Monday .";
    assertThat(
        show(KnownNames.apply(text, tag(text, "ORGANIZATION:Czech Republic Airlines"))),
        contains("ORGANIZATION:Czech Republic Airlines"));
  }

  @Test
  public void aCountryInCapitalsInAMixedLineIsALocation() {
    String text = "NEW ZEALAND - Bond prices fell on Monday .";
    assertThat(
        show(KnownNames.apply(text, tag(text, "ORGANIZATION:NEW ZEALAND"))),
        contains("LOCATION:NEW ZEALAND"));
  }

  @Test
  public void theQuickTestBeforeThePlaceCompoundPatternNeverSkipsOne() {
    String[] pieces = {
      "London", "-", "based", "born", "Made", "made", "-registered", "-listed", "St.", "New ", "Ohio",
      " ", "x", "-owned", "bred", "-Based", ".", "'s", "1"
    };
    java.util.Random random = new java.util.Random(11);
    int compounds = 0;
    for (int n = 0; n < 100_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = 1 + random.nextInt(6); k > 0; k--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String t = text.toString();
      if (KnownNames.PLACE_COMPOUND.matcher(t).find()) {
        compounds++;
        assertThat(t, KnownNames.mayHoldPlaceCompound(t), equalTo(true));
      }
    }
    assertThat(compounds, greaterThan(1000));
    assertThat(KnownNames.mayHoldPlaceCompound("A well-known firm in London"), equalTo(false));
  }
}

