package org.corpusanalytics.transforms.ner.crf;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.corpusanalytics.transforms.ner.EntityType;
import org.corpusanalytics.transforms.ner.Mention;
import org.junit.Test;

/** The CRF with the real model: tagging capitalized stretches finds what whole sentences do. */
public class CrfEntityRecognizerTest {
  private static final CrfEntityRecognizer STRETCHES = new CrfEntityRecognizer();
  private static final CrfEntityRecognizer WHOLE =
      STRETCHES.withContextTokens(CrfEntityRecognizer.WHOLE_SENTENCES);

  /** Sentences we wrote, with long lowercase stretches between the names. */
  private static final List<String> SENTENCES =
      List.of(
          "Maria Lopez, the chief executive of Northwind Traders, said on Tuesday that the company"
              + " expected its net profit to rise by about ten percent in the second half of the"
              + " year, helped by strong demand for its products in Brazil and Argentina.",
          "The central bank in Lisbon kept its main rate unchanged for the third month in a row,"
              + " although several of the economists who had been asked in advance had expected a"
              + " small cut before the end of the quarter, according to a survey by Harbor"
              + " Analytics.",
          "Officials from the European Union and the African Union met in Nairobi, where they"
              + " agreed that more of the money that had been set aside for roads and bridges"
              + " should go to schools, the Kenyan foreign ministry said.",
          "venezuela is seeking a flexible attitude from its creditor banks in talks in new york,"
              + " finance minister jorge ramos told reporters.",
          "Prices fell.");

  @Test
  public void findsTheSameMentionsAsTaggingWholeSentences() {
    for (String sentence : SENTENCES) {
      assertThat(sentence, STRETCHES.recognize(sentence), equalTo(WHOLE.recognize(sentence)));
    }
  }

  @Test
  public void findsNamesAtBothEndsOfALongSentence() {
    List<Mention> mentions = STRETCHES.recognize(SENTENCES.get(0));
    assertThat(mentions, hasItem(new Mention(0, 11, "Maria Lopez", EntityType.PERSON)));
    int brazil = SENTENCES.get(0).indexOf("Brazil");
    assertThat(mentions, hasItem(new Mention(brazil, brazil + 6, "Brazil", EntityType.LOCATION)));
  }

  @Test
  public void rejectsANegativeContext() {
    assertThrows(IllegalArgumentException.class, () -> STRETCHES.withContextTokens(-1));
  }
}
