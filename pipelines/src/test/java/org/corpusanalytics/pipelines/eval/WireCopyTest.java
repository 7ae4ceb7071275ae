package org.corpusanalytics.pipelines.eval;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.Test;

public class WireCopyTest {
  private static ConllDocuments.Document document(String... tokensAndTags) throws IOException {
    StringBuilder conll = new StringBuilder("-DOCSTART- -X- -X- O\n\n");
    for (String t : tokensAndTags) {
      conll.append(t.isEmpty() ? "" : t.replace("/", " X X ")).append('\n');
    }
    return ConllDocuments.read(new StringReader(conll.toString())).get(0);
  }

  @Test
  public void tokensAreJoinedAsRawTextAndSentencesAreIndentedParagraphs() throws IOException {
    ConllDocuments.Document d =
        document(
            "Kari/B-PER", "Lund/I-PER", "(/O", "Norway/B-LOC", ")/O", "said/O", ",/O", "\"/O",
            "Moody/B-ORG", "'s/O", "rose/O", "./O", "", "Oslo/B-LOC", "won/O", "./O");
    ConllDocuments.Document wire = WireCopy.render(d);
    assertThat(wire.text(), equalTo("Kari Lund (Norway) said, \" Moody's rose.\n    Oslo won."));
    List<ConllDocuments.GoldEntity> gold = wire.gold();
    assertThat(gold.size(), equalTo(4));
    for (ConllDocuments.GoldEntity g : gold) {
      assertThat(g.text(), equalTo(wire.text().substring(g.start(), g.end())));
    }
    assertThat(gold.get(0).text(), equalTo("Kari Lund"));
    assertThat(gold.get(2).text(), equalTo("Moody"));
    assertThat(gold.get(3).text(), equalTo("Oslo"));
  }

  @Test
  public void longSentencesWrapAtTheWidthAndAWrappedNameReadsWithASpace() throws IOException {
    String[] tokens = new String[40];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = "word" + i + "/O";
    }
    tokens[10] = "Fjordline/B-ORG"; // ends at column 69: the line breaks inside the name
    tokens[11] = "Shipping/I-ORG";
    ConllDocuments.Document wire = WireCopy.render(document(tokens));
    for (String line : wire.text().split("\n")) {
      assertThat(line.length(), lessThanOrEqualTo(WireCopy.WIDTH));
    }
    assertThat(wire.text().contains("Fjordline\nShipping"), equalTo(true));
    assertThat(wire.gold().get(0).text(), equalTo("Fjordline Shipping"));
  }
}
