package org.corpusanalytics.transforms.ner;

import static org.corpusanalytics.transforms.ner.RuleTestSupport.show;
import static org.corpusanalytics.transforms.ner.RuleTestSupport.tag;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import org.junit.Test;

public class ResultsLinesTest {
  @Test
  public void citiesInAScoreLineAreClubs() {
    String text = "Tromso 3 Lillestrom Reserves 1";
    assertThat(
        show(ResultsLines.results(text, tag(text, "LOCATION:Tromso", "LOCATION:Lillestrom"))),
        contains("ORGANIZATION:Tromso", "ORGANIZATION:Lillestrom Reserves"));
  }

  @Test
  public void countriesInAScoreLineStayLocations() {
    String text = "Iceland 2 Malta 0";
    assertThat(
        show(ResultsLines.results(text, tag(text, "ORGANIZATION:Iceland"))),
        contains("LOCATION:Iceland", "LOCATION:Malta"));
  }

  @Test
  public void aStandingsRowNamesOneClubWithItsBracketedPart() {
    String text = "Borac ( K ) 5 3 1 1 9 4 10";
    assertThat(
        show(ResultsLines.results(text, tag(text, "LOCATION:Borac", "ORGANIZATION:K"))),
        contains("ORGANIZATION:Borac ( K )"));
  }

  @Test
  public void aGolfersRowKeepsThePlayer() {
    String text = "Henrik Lund 70 68 71 69";
    assertThat(
        show(ResultsLines.results(text, tag(text, "PERSON:Henrik Lund"))),
        contains("PERSON:Henrik Lund"));
  }

  @Test
  public void theNameAfterARidersCountryIsHisTeam() {
    String text = "3. Piet Vanhoek ( Belgium ) , Blauwvogel Racing , 4:02:11";
    assertThat(
        show(ResultsLines.results(
            text, tag(text, "PERSON:Piet Vanhoek", "LOCATION:Belgium", "PERSON:Blauwvogel Racing"))),
        contains("PERSON:Piet Vanhoek", "LOCATION:Belgium", "ORGANIZATION:Blauwvogel Racing"));
  }

  @Test
  public void proseIsLeftAlone() {
    String text = "Tromso won 3 of their last 4 games .";
    assertThat(
        show(ResultsLines.results(text, tag(text, "LOCATION:Tromso"))),
        contains("LOCATION:Tromso"));
  }

  @Test
  public void aDatelinesPlaceAndCountryAreLocations() {
    String text = "TROMSO , Norway 1997-03-14";
    assertThat(
        show(ResultsLines.datelines(text, tag(text, "ORGANIZATION:TROMSO"))),
        contains("LOCATION:TROMSO", "LOCATION:Norway"));
  }

  @Test
  public void theUnitedNationsDatelineIsTheOrganization() {
    String text = "UNITED NATIONS 1996-08-29";
    assertThat(
        show(ResultsLines.datelines(text, tag(text, "LOCATION:UNITED NATIONS"))),
        contains("ORGANIZATION:UNITED NATIONS"));
  }

  @Test
  public void aScoreLineMayCarryNotesInBrackets() {
    String text = "Tromso 2 ( Olsen 12 , Berg 80 ) Molde 1 ( Dahl 55 )";
    assertThat(
        show(ResultsLines.results(
            text,
            tag(text, "LOCATION:Tromso", "PERSON:Olsen", "PERSON:Berg", "LOCATION:Molde", "PERSON:Dahl"))),
        contains(
            "ORGANIZATION:Tromso", "PERSON:Olsen", "PERSON:Berg", "ORGANIZATION:Molde", "PERSON:Dahl"));
  }

  @Test
  public void monthsAreNoTeams() {
    String text = "March 97 April 96 ( revised )";
    assertThat(show(ResultsLines.results(text, tag(text))), empty());
  }

  @Test
  public void aRowOfFiguresIsNoStandingsRow() {
    String text = "Revenue 9.06 9.31 8.42";
    assertThat(show(ResultsLines.results(text, tag(text))), empty());
  }

  @Test
  public void theTeamsOfATeamSportsHeadlineAreClubsOrCountries() {
    String text = "SOCCER - TROMSO BEAT ICELAND IN FRIENDLY .";
    assertThat(
        show(ResultsLines.results(text, tag(text, "PERSON:TROMSO"))),
        contains("ORGANIZATION:TROMSO", "LOCATION:ICELAND"));
  }

  @Test
  public void aRawHeadlinesFullStopIsNoPartOfTheTeam() {
    String text = "BASEBALL - RANGERS BEAT INDIANS.";
    assertThat(
        show(ResultsLines.results(text, tag(text, "ORGANIZATION:RANGERS"))),
        contains("ORGANIZATION:RANGERS", "ORGANIZATION:INDIANS"));
  }

  @Test
  public void anIndividualSportsHeadlineIsLeftAlone() {
    String text = "TENNIS - HEDLUND BEATS LUND IN FINAL .";
    assertThat(
        show(ResultsLines.results(text, tag(text, "PERSON:HEDLUND", "PERSON:LUND"))),
        contains("PERSON:HEDLUND", "PERSON:LUND"));
  }

  @Test
  public void theQuickTestsBeforeTheRowPatternsNeverSkipARow() {
    String[] names = {"Leeds", "Newcastle Utd", "Proleter ( Z )", "Said"};
    String[] numbers = {"2", "10", "1.5", ".5", "-", "+3"};
    String[] tails = {
      "", " ", "  ", ".", " .", ". ", "\t", "\u000B", "\r\n", "( Smith 45 )", " ( in 12 )", "-", "7",
      ")", "(", "said", ",", "\u00a0", " 3", " x"
    };
    java.util.Random random = new java.util.Random(7);
    int scores = 0;
    int standings = 0;
    for (int n = 0; n < 100_000; n++) {
      StringBuilder text = new StringBuilder(names[random.nextInt(names.length)]);
      int columns = random.nextBoolean() ? 2 : 3 + random.nextInt(3);
      for (int c = 0; c < columns; c++) {
        text.append(' ').append(numbers[random.nextInt(numbers.length)]);
        if (columns == 2 && c == 0) {
          text.append(tails[random.nextInt(tails.length)]).append(' ');
          text.append(names[random.nextInt(names.length)]);
        }
      }
      for (int k = random.nextInt(3); k > 0; k--) {
        text.append(tails[random.nextInt(tails.length)]);
      }
      String t = text.toString();
      if (ResultsLines.SCORE.matcher(t).matches()) {
        scores++;
        assertThat(t, ResultsLines.endsLikeScore(t), equalTo(true));
      }
      if (ResultsLines.STANDING.matcher(t).matches()) {
        standings++;
        assertThat(t, ResultsLines.endsLikeStanding(t), equalTo(true));
      }
    }
    assertThat(scores, greaterThan(1000));
    assertThat(standings, greaterThan(1000));
    assertThat(ResultsLines.endsLikeScore("Prices rose 2 pct in May ."), equalTo(false));
    assertThat(ResultsLines.endsLikeStanding("Prices rose 2 pct in May ."), equalTo(false));
  }
}
