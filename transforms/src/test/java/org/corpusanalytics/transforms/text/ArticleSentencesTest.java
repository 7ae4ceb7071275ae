package org.corpusanalytics.transforms.text;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.util.LinkedHashSet;
import java.util.List;
import org.junit.Test;

/**
 * Normalizer and splitter together on whole article bodies: scraped bodies stored twice and glued
 * without a space, and hard-wrapped wire copy.
 */
public class ArticleSentencesTest {
  private final TextNormalizer normalizer = new TextNormalizer();
  private final SentenceSplitter splitter = new SentenceSplitter();

  private static final String DEAL_BODY =
      String.join(
          "\n",
          "Acme Corp. said on Monday it will buy Beta Industries Inc. for $3.5 billion, ending"
              + " months of talks between the two sides.",
          "Chief executive Jane R. Doe told analysts the deal \"makes a lot of sense\" for both"
              + " firms. But she gave no timetable.",
          "\"We have been looking at this for a long time,\" Doe said at the company's headquarters"
              + " in St. Louis. \"It is the right moment.\"",
          "The deal still needs approval from regulators in the U.S. and the European Union, a"
              + " process that could take until Sept. 30.",
          "Beta has no factories in the U.S. But analysts expect that to change.",
          "The purchase caps a busy year for the Growth andInnovation Fund, the largest holder of"
              + " Beta stock, which pushed for a deal between the two sides.");

  private static final List<String> DEAL_SENTENCES =
      List.of(
          "Acme Corp. said on Monday it will buy Beta Industries Inc. for $3.5 billion, ending"
              + " months of talks between the two sides.",
          "Chief executive Jane R. Doe told analysts the deal \"makes a lot of sense\" for both"
              + " firms.",
          "But she gave no timetable.",
          "\"We have been looking at this for a long time,\" Doe said at the company's headquarters"
              + " in St. Louis.",
          "\"It is the right moment.\"",
          "The deal still needs approval from regulators in the U.S. and the European Union, a"
              + " process that could take until Sept. 30.",
          "Beta has no factories in the U.S.",
          "But analysts expect that to change.",
          "The purchase caps a busy year for the Growth and Innovation Fund, the largest holder of"
              + " Beta stock, which pushed for a deal between the two sides.");

  private List<String> sentencesOf(String body) {
    return SentenceSplitterTest.sentences(splitter, normalizer.normalize(body).text());
  }

  @Test
  public void singleBodySplitsIntoTheExpectedSentences() {
    assertThat(sentencesOf(DEAL_BODY), equalTo(DEAL_SENTENCES));
  }

  @Test
  public void gluedSecondCopyGivesExactlyTheSameSentences() {
    String glued = DEAL_BODY + DEAL_BODY; // "...between the two sides.Acme Corp. said..."
    assertThat(glued.contains("sides.Acme Corp."), is(true));

    List<String> sentences = sentencesOf(glued);

    int n = DEAL_SENTENCES.size();
    assertThat(sentences, hasSize(2 * n));
    assertThat(sentences.subList(0, n), equalTo(DEAL_SENTENCES));
    assertThat(sentences.subList(n, 2 * n), equalTo(sentences.subList(0, n)));
    assertThat(new LinkedHashSet<>(sentences), hasSize(n));
  }

  @Test
  public void truncatedSecondCopyRepeatsTheCompleteSentences() {
    String partial = DEAL_BODY.substring(0, DEAL_BODY.indexOf("and the European Union"));
    List<String> sentences = sentencesOf(DEAL_BODY + partial);

    int n = DEAL_SENTENCES.size();
    assertThat(sentences.subList(n, n + 5), equalTo(DEAL_SENTENCES.subList(0, 5)));
    assertThat(sentences.get(n + 5),
        is("The deal still needs approval from regulators in the U.S."));
  }

  @Test
  public void gluedCopiesThatStartWithAQuotationStaySeparate() {
    String endsWithQuote =
        "\"Prices will keep rising,\" the central bank governor told lawmakers on Tuesday.\n"
            + "She said inflation had reached 6.2% in March, the highest in a decade.\n"
            + "Economists at Delta Bank Ltd. expect a rate rise in June, \"probably by half a"
            + " point.\"";
    String endsPlain =
        "\"Prices will keep rising,\" the central bank governor told lawmakers on Tuesday.\n"
            + "She said inflation had reached 6.2% in March.";

    for (String body : List.of(endsWithQuote, endsPlain)) {
      List<String> once = sentencesOf(body);
      List<String> twice = sentencesOf(body + body);
      assertThat(body, twice, hasSize(2 * once.size()));
      assertThat(body, twice.subList(0, once.size()), equalTo(once));
      assertThat(body, twice.subList(once.size(), twice.size()), equalTo(once));
    }
    assertThat(sentencesOf(endsPlain),
        contains(
            "\"Prices will keep rising,\" the central bank governor told lawmakers on Tuesday.",
            "She said inflation had reached 6.2% in March."));
  }

  @Test
  public void hardWrappedWireCopy() {
    String wire =
        "    LONDON, March 3 - Gamma Holdings Plc said on Tuesday it\n"
            + "expected pre-tax profit for the year to rise by about 10 pct,\n"
            + "helped by strong demand in the U.S. and Asia.\n"
            + "    The company, which makes packaging, said sales rose to 1.2\n"
            + "billion stg from 1.1 billion. It did not give a forecast for\n"
            + "next year.\n"
            + " Reuter\n"
            + "\u0003";

    NormalizedText nt = normalizer.normalize(wire);
    List<Span> spans = splitter.split(nt.text());

    assertThat(
        SentenceSplitterTest.sentences(splitter, nt.text()),
        contains(
            "LONDON, March 3 - Gamma Holdings Plc said on Tuesday it expected pre-tax profit for"
                + " the year to rise by about 10 pct, helped by strong demand in the U.S. and"
                + " Asia.",
            "The company, which makes packaging, said sales rose to 1.2 billion stg from 1.1"
                + " billion.",
            "It did not give a forecast for next year.",
            "Reuter"));
    assertThat(nt.toOriginal(spans.get(0)).start(), is(4));
    assertThat(nt.toOriginal(spans.get(2)).substringOf(wire),
        is("It did not give a forecast for\nnext year."));
    assertThat(nt.toOriginal(spans.get(3)).substringOf(wire), is("Reuter"));
  }

  @Test
  public void paragraphsSeparatedByBlankLinesAreBoundariesEvenWithoutPunctuation() {
    String body = "Markets at a glance\n\nStocks fell on Monday. Bonds rose\n\n\nOil was flat";
    assertThat(sentencesOf(body),
        contains("Markets at a glance", "Stocks fell on Monday.", "Bonds rose", "Oil was flat"));
  }
}
