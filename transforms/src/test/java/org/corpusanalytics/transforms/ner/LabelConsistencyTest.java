package org.corpusanalytics.transforms.ner;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class LabelConsistencyTest {
  /** A unit and its mentions given as TYPE:surface pairs (first occurrence after the last). */
  private static List<Mention> tag(String text, String... typeAndSurface) {
    return RuleTestSupport.tag(text, typeAndSurface);
  }

  private static List<String> show(List<List<Mention>> units) {
    List<String> out = new ArrayList<>();
    for (int u = 0; u < units.size(); u++) {
      for (Mention m : units.get(u)) {
        out.add(u + ":" + m.type() + ":" + m.text());
      }
    }
    return out;
  }

  /** A company the tagger once calls a person, and once leaves untagged. */
  private static final List<String> COMELF_UNITS =
      List.of(
          "Comelf reported a profit.",
          "Comelf is based in Bistrita.",
          "Analysts said Comelf did well.",
          "From January Comelf exported more.");

  private static List<List<Mention>> comelfTags() {
    return List.of(
        tag(COMELF_UNITS.get(0), "ORGANIZATION:Comelf"),
        tag(COMELF_UNITS.get(1), "PERSON:Comelf", "LOCATION:Bistrita"),
        tag(COMELF_UNITS.get(2), "ORGANIZATION:Comelf"),
        tag(COMELF_UNITS.get(3)));
  }

  @Test
  public void theMajorityTypeWinsAndUntaggedOccurrencesAreAdded() {
    List<String> units = COMELF_UNITS;
    List<List<Mention>> tagged = comelfTags();
    assertThat(
        show(LabelConsistency.apply(units, tagged)),
        contains(
            "0:ORGANIZATION:Comelf",
            "1:ORGANIZATION:Comelf",
            "1:LOCATION:Bistrita",
            "2:ORGANIZATION:Comelf",
            "3:ORGANIZATION:Comelf"));
  }

  @Test
  public void withoutRepeatsOnlyTheTypesOfTaggedMentionsChange() {
    List<String> units = COMELF_UNITS;
    List<List<Mention>> tagged = comelfTags();
    assertThat(
        show(LabelConsistency.apply(units, tagged, false)),
        contains(
            "0:ORGANIZATION:Comelf",
            "1:ORGANIZATION:Comelf",
            "1:LOCATION:Bistrita",
            "2:ORGANIZATION:Comelf"));
  }

  @Test
  public void aTieLeavesTheTagsAlone() {
    List<String> units = List.of("Jordan spoke.", "Jordan won.");
    List<List<Mention>> tagged =
        List.of(tag(units.get(0), "PERSON:Jordan"), tag(units.get(1), "MISC:Jordan"));
    assertThat(
        show(LabelConsistency.apply(units, tagged)), contains("0:PERSON:Jordan", "1:MISC:Jordan"));
  }

  @Test
  public void aPlaceAndTheTeamNamedAfterItAreNotOutvoted() {
    List<String> units = List.of("Montreal lost again.", "Montreal beat Boston.", "In Montreal, rain.");
    List<List<Mention>> tagged =
        List.of(
            tag(units.get(0), "ORGANIZATION:Montreal"),
            tag(units.get(1), "ORGANIZATION:Montreal", "ORGANIZATION:Boston"),
            tag(units.get(2), "LOCATION:Montreal"));
    assertThat(
        show(LabelConsistency.apply(units, tagged)),
        contains(
            "0:ORGANIZATION:Montreal",
            "1:ORGANIZATION:Montreal",
            "1:ORGANIZATION:Boston",
            "2:LOCATION:Montreal"));
  }

  @Test
  public void onlyWholeWordsAndCapitalizedTextsArePropagated() {
    List<String> units = List.of("Reuters said so.", "Reutersville and Reuters-led bids.");
    List<List<Mention>> tagged = List.of(tag(units.get(0), "ORGANIZATION:Reuters"), tag(units.get(1)));
    assertThat(show(LabelConsistency.apply(units, tagged)), contains("0:ORGANIZATION:Reuters"));
  }

  @Test
  public void linesInCapitalsFollowTheBody() {
    List<String> units =
        List.of(
            "GOLF - WOODS TAKES LEAD AT GREATER MILWAUKEE OPEN .",
            "MILWAUKEE 1996-08-30",
            "Tiger Woods led the Greater Milwaukee Open , and Woods said he was happy .");
    List<List<Mention>> tagged =
        List.of(
            tag(units.get(0), "ORGANIZATION:WOODS", "MISC:MILWAUKEE OPEN"),
            tag(units.get(1), "LOCATION:MILWAUKEE"),
            tag(units.get(2), "PERSON:Tiger Woods", "MISC:Greater Milwaukee Open", "PERSON:Woods"));
    assertThat(
        show(LabelConsistency.apply(units, tagged)),
        contains(
            "0:PERSON:WOODS",
            "0:MISC:GREATER MILWAUKEE OPEN",
            "1:LOCATION:MILWAUKEE", // a dateline is left as the tagger saw it
            "2:PERSON:Tiger Woods",
            "2:MISC:Greater Milwaukee Open",
            "2:PERSON:Woods"));
  }

  @Test
  public void capitalsAndDatelines() {
    assertThat(LabelConsistency.isCapitals("SOCCER - CANADA BEAT PANAMA 3-1 ."), is(true));
    assertThat(LabelConsistency.isCapitals("NEW YORK 74 59 .556 -"), is(true));
    assertThat(LabelConsistency.isCapitals("The U.S. and NATO said so ."), is(false));
    assertThat(LabelConsistency.isDateline("NEW YORK 1996-08-30"), is(true));
    assertThat(LabelConsistency.isDateline("BIRMINGHAM , England 1996-08-31"), is(true));
    assertThat(LabelConsistency.isDateline("Shares rose on 1996-08-30"), is(false));
  }

  @Test
  public void noMentionsNoChange() {
    assertThat(show(LabelConsistency.apply(List.of("nothing here"), List.of(List.of()))), empty());
  }
}
