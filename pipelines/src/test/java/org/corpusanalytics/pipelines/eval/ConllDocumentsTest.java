package org.corpusanalytics.pipelines.eval;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class ConllDocumentsTest {
  /** Written for this test: two documents, IOB2 in the first and IOB1 in the second. */
  public static final String SNIPPET =
      String.join(
          "\n",
          "-DOCSTART- -X- -X- O",
          "",
          "SOCCER NN B-NP O",
          "- : O O",
          "OSLO NNP B-NP B-ORG",
          "WIN VB B-VP O",
          ". . O O",
          "",
          "Helen NNP B-NP B-PER",
          "Carter NNP I-NP I-PER",
          "met VBD B-VP O",
          "Kim NNP B-NP B-PER",
          "Jong-un NNP I-NP I-PER",
          "in IN B-PP O",
          "Oslo NNP B-NP B-LOC",
          "and CC O O",
          "New NNP B-NP B-LOC",
          "York NNP I-NP I-LOC",
          "'s POS B-NP O",
          "\" \" O O",
          "Times NNP B-NP B-ORG",
          "\" \" O O",
          ". . O O",
          "",
          "-DOCSTART- -X- -X- O",
          "",
          "German JJ B-NP I-MISC",
          "Chancellor NNP I-NP O",
          "Kohl NNP I-NP I-PER",
          "Helmut NNP I-NP I-PER",
          "Schmidt NNP I-NP B-PER",
          "said VBD B-VP O",
          ". . O O",
          "");

  static List<ConllDocuments.Document> read() throws IOException {
    return ConllDocuments.read(new StringReader(SNIPPET));
  }

  @Test
  public void documentsBecomeOneSentencePerLineWithTokensJoinedBySpaces() throws IOException {
    List<ConllDocuments.Document> docs = read();
    assertThat(docs.size(), equalTo(2));
    assertThat(
        docs.get(0).text(),
        equalTo(
            "SOCCER - OSLO WIN .\n"
                + "Helen Carter met Kim Jong-un in Oslo and New York 's \" Times \" ."));
    assertThat(docs.get(0).sentences().size(), equalTo(2));
    assertThat(docs.get(1).text(), equalTo("German Chancellor Kohl Helmut Schmidt said ."));
  }

  @Test
  public void goldEntitiesFromIob2AndIob1() throws IOException {
    List<ConllDocuments.Document> docs = read();
    List<String> gold = new ArrayList<>();
    for (ConllDocuments.Document d : docs) {
      for (ConllDocuments.GoldEntity g : d.gold()) {
        assertThat(d.text().substring(g.start(), g.end()), equalTo(g.text()));
        gold.add(d.id() + ":" + g.type() + ":" + g.text());
      }
    }
    assertThat(
        gold,
        contains(
            "doc-1:ORG:OSLO",
            "doc-1:PER:Helen Carter",
            "doc-1:PER:Kim Jong-un",
            "doc-1:LOC:Oslo",
            "doc-1:LOC:New York",
            "doc-1:ORG:Times",
            "doc-2:MISC:German",
            "doc-2:PER:Kohl Helmut", // IOB1: I- continues, B- starts a new one of the same type
            "doc-2:PER:Schmidt"));
  }

  @Test
  public void scoresCompareTheMultisetOfTextAndTypePerArticle() {
    List<EntityScores.Scored> gold =
        List.of(
            new EntityScores.Scored(0, 4, "Oslo", "LOC"),
            new EntityScores.Scored(10, 14, "Oslo", "LOC"),
            new EntityScores.Scored(20, 32, "Helen Carter", "PER"),
            new EntityScores.Scored(40, 44, "Acme", "ORG"));
    List<EntityScores.Scored> predicted =
        List.of(
            new EntityScores.Scored(10, 14, "Oslo", "LOC"), // right text, once of twice
            new EntityScores.Scored(26, 32, "Carter", "PER"), // wrong span
            new EntityScores.Scored(40, 44, "Acme", "LOC"), // wrong type
            new EntityScores.Scored(50, 54, "Acme", "ORG")); // right text and type, other place
    EntityScores bag = new EntityScores(EntityScores.Matching.BAG);
    bag.add(predicted, gold);
    assertThat(bag.truePositives("LOC"), equalTo(1L));
    assertThat(bag.falseNegatives("LOC"), equalTo(1L));
    assertThat(bag.falsePositives("LOC"), equalTo(1L));
    assertThat(bag.truePositives("ORG"), equalTo(1L));
    assertThat(bag.falsePositives("PER"), equalTo(1L));
    assertThat(bag.falseNegatives("PER"), equalTo(1L));
    assertThat(bag.f1(), closeTo(0.5, 1e-9)); // tp 2, fp 2, fn 2

    EntityScores exact = new EntityScores(EntityScores.Matching.EXACT);
    exact.add(predicted, gold);
    assertThat(exact.overall()[0], equalTo(1L)); // only the second Oslo
    assertThat(exact.f1(), closeTo(0.25, 1e-9));
  }
}
