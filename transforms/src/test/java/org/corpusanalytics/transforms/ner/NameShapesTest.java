package org.corpusanalytics.transforms.ner;

import static org.corpusanalytics.transforms.ner.RuleTestSupport.show;
import static org.corpusanalytics.transforms.ner.RuleTestSupport.tag;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;

import org.junit.Test;

public class NameShapesTest {
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
  public void aSingleWordIsKept() {
    String text = "Sunday was quiet .";
    assertThat(show(NameShapes.apply(text, tag(text, "MISC:Sunday"))), contains("MISC:Sunday"));
  }
}
