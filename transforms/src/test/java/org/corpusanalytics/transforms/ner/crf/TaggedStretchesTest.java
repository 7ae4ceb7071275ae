package org.corpusanalytics.transforms.ner.crf;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Arrays;
import java.util.List;
import org.junit.Test;

public class TaggedStretchesTest {
  private static List<String> words(String sentence) {
    return Arrays.asList(sentence.split(" "));
  }

  /** The kept words, joined; "_" for each word left out. */
  private static String kept(String sentence, int context) {
    List<String> words = words(sentence);
    boolean[] kept = TaggedStretches.of(words, context);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      out.append(i == 0 ? "" : " ").append(kept[i] ? words.get(i) : "_");
    }
    return out.toString();
  }

  @Test
  public void keepsTheContextAroundEachCapitalizedWordAndLeavesOutTheRest() {
    assertThat(
        kept("Shell said on Monday that it expects net profit to rise sharply in the second half of"
            + " the year , helped by prices in Europe .", 2),
        equalTo("Shell said on Monday that it _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ prices in Europe ."));
  }

  @Test
  public void overlappingContextsJoinIntoOneStretch() {
    assertThat(
        kept("The talks between Iran and the United States ended in a deal on oil exports .", 1),
        equalTo("The talks between Iran and the United States ended _ _ _ _ _ _ _"));
  }

  @Test
  public void aSentenceThatDoesNotStartWithACapitalIsKeptWhole() {
    String lowercase = "venezuela is seeking talks with its creditor banks in new york this week .";
    assertThat(kept(lowercase, 2), equalTo(lowercase));
    String number = "10,000 tonnes of sugar were sold to the market in the week , traders said .";
    assertThat(kept(number, 2), equalTo(number));
    String noLetters = "1,250 -- 3.5 %";
    assertThat(kept(noLetters, 2), equalTo(noLetters));
  }

  @Test
  public void capitalsInsideAWordAndNonLatinCapitalsCount() {
    assertThat(
        kept("The firm sold its stake and bought shares of a small company in eBay .", 1),
        equalTo("The firm _ _ _ _ _ _ _ _ _ _ in eBay ."));
    assertThat(
        kept("Officials said the minister would travel there for a long visit to Ελλάδα soon .", 0),
        equalTo("Officials _ _ _ _ _ _ _ _ _ _ _ Ελλάδα _ _"));
  }

  @Test
  public void zeroContextKeepsOnlyTheCapitalizedWords() {
    assertThat(kept("In May the bank of Japan cut rates", 0), equalTo("In May _ _ _ Japan _ _"));
  }
}
