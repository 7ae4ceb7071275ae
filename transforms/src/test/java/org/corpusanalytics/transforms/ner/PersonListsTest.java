package org.corpusanalytics.transforms.ner;

import static org.corpusanalytics.transforms.ner.RuleTestSupport.show;
import static org.corpusanalytics.transforms.ner.RuleTestSupport.tag;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.util.List;
import org.junit.Test;

public class PersonListsTest {
  @Test
  public void aRankedNameBeforeABracketedCountryIsAPerson() {
    String text = "4. Tomas Hedlund ( Sweden ) 13:02.44";
    assertThat(
        show(PersonLists.apply(text, tag(text, "ORGANIZATION:Tomas Hedlund", "LOCATION:Sweden"))),
        contains("PERSON:Tomas Hedlund", "LOCATION:Sweden"));
  }

  @Test
  public void anUntaggedPlayerBeforeHisCountryIsAdded() {
    String text = "Marta Ruiz ( Spain ) beat Ines Soto ( Chile ) 6-2 6-3";
    assertThat(
        show(PersonLists.apply(text, tag(text, "LOCATION:Spain", "PERSON:Ines Soto", "LOCATION:Chile"))),
        contains("PERSON:Marta Ruiz", "LOCATION:Spain", "PERSON:Ines Soto", "LOCATION:Chile"));
  }

  @Test
  public void aClubBeforeItsCountryStaysAClubOutsideRankedRows() {
    String text = "Viking Stavanger ( Norway ) 2 Aalborg ( Denmark ) 1";
    assertThat(
        show(PersonLists.apply(
            text,
            tag(text, "ORGANIZATION:Viking Stavanger", "LOCATION:Norway", "ORGANIZATION:Aalborg",
                "LOCATION:Denmark"))),
        contains("ORGANIZATION:Viking Stavanger", "LOCATION:Norway", "ORGANIZATION:Aalborg",
            "LOCATION:Denmark"));
  }

  @Test
  public void untaggedNamesInALineUpOfPlayersArePlayers() {
    String text = "Berg , Lund , Haaland , Moe , Dahl , Solberg .";
    assertThat(
        show(PersonLists.apply(
            text, tag(text, "PERSON:Berg", "PERSON:Lund", "PERSON:Moe", "PERSON:Dahl"))),
        contains("PERSON:Berg", "PERSON:Lund", "PERSON:Haaland", "PERSON:Moe", "PERSON:Dahl",
            "PERSON:Solberg"));
  }

  @Test
  public void aLineUpInRawTextLeavesTheFullStopOut() {
    String text = "Berg, Lund, Haaland, Moe, Dahl, Jon Solberg.";
    assertThat(
        show(PersonLists.apply(
            text, tag(text, "PERSON:Berg", "PERSON:Lund", "PERSON:Moe", "PERSON:Dahl"))),
        contains("PERSON:Berg", "PERSON:Lund", "PERSON:Haaland", "PERSON:Moe", "PERSON:Dahl",
            "PERSON:Jon Solberg"));
  }

  @Test
  public void aTeamsTotalBeforeItsBattersInAScorecardStaysATeam() {
    String text =
        "Kent 195 ( A. Berg 40 , B. Lund 38 , F. Ek 20 , G. Lie 11 ) , Essex 468 ( C. Moe 94 ,"
            + " D. Dahl 70 , E. Vik 63 , H. Aas 55 )";
    String[] persons = {
      "PERSON:A. Berg", "PERSON:B. Lund", "PERSON:F. Ek", "PERSON:G. Lie", "PERSON:C. Moe",
      "PERSON:D. Dahl", "PERSON:E. Vik", "PERSON:H. Aas"
    };
    List<String> tags = new java.util.ArrayList<>(List.of(persons));
    tags.add(0, "ORGANIZATION:Kent");
    tags.add(5, "ORGANIZATION:Essex");
    // Eight persons in ten names: the line-up rule would make the two teams persons too.
    assertThat(
        show(PersonLists.apply(text, tag(text, tags.toArray(new String[0])))), equalTo(tags));
  }

  @Test
  public void aListOfPlacesIsNoLineUp() {
    String text = "Bergen , Oslo , Tromso , Stavanger , Molde";
    assertThat(
        show(PersonLists.apply(text, tag(text, "LOCATION:Bergen", "LOCATION:Oslo", "PERSON:Tromso"))),
        contains("LOCATION:Bergen", "LOCATION:Oslo", "PERSON:Tromso"));
  }

  @Test
  public void inALineUpOfPersonsAnOrganizationTagIsAPersonToo() {
    String text = "Norway - 1 - Ola Berg ; 2 - Per Lund , 3 - Jon Moe , 4 - Kai Dahl , 5 - Are Vik";
    assertThat(
        show(PersonLists.apply(
            text,
            tag(text, "LOCATION:Norway", "PERSON:Ola Berg", "PERSON:Per Lund", "PERSON:Jon Moe",
                "PERSON:Kai Dahl", "ORGANIZATION:Are Vik"))),
        contains("LOCATION:Norway", "PERSON:Ola Berg", "PERSON:Per Lund", "PERSON:Jon Moe",
            "PERSON:Kai Dahl", "PERSON:Are Vik"));
  }

  @Test
  public void theSeparatorCountBeforeTheLineUpSplitIsAnUpperBound() {
    String[] pieces = {"Ann Lee", ",", ";", "(", ")", " - ", "-", " ", "  ", "\t", "x", "- ", " -"};
    java.util.Random random = new java.util.Random(5);
    int withThree = 0;
    for (int n = 0; n < 100_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(10); k > 0; k--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String t = text.toString();
      int matches = 0;
      java.util.regex.Matcher m = PersonLists.ITEM_SEPARATOR.matcher(t);
      while (m.find()) {
        matches++;
      }
      assertThat(t, PersonLists.separatorsAtMost(t), greaterThanOrEqualTo(matches));
      withThree += matches >= 3 ? 1 : 0;
    }
    assertThat(withThree, greaterThan(1000));
  }
}

