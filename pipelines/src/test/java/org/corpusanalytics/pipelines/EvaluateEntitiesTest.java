package org.corpusanalytics.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.corpusanalytics.pipelines.eval.ConllDocumentsTest;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The evaluation command on a tiny CoNLL file, with the watchlist recognizer (no model needed). */
public class EvaluateEntitiesTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void runsTheReportOnTheDocumentsAndScoresItsMentionsTable() throws Exception {
    Path conll = tmp.newFile("tiny.conll").toPath();
    Files.writeString(conll, ConllDocumentsTest.SNIPPET, StandardCharsets.UTF_8);
    Path watchlist = tmp.newFile("w.csv").toPath();
    Files.writeString(
        watchlist,
        "Helen Carter,PER,\nKim Jong-un,PER,\nOslo,LOC,OSLO\nNew York,LOC,\nGerman,MISC,\n"
            + "Helmut Schmidt,PER,\n",
        StandardCharsets.UTF_8);
    Path work = tmp.newFolder("work").toPath();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        EvaluateEntities.run(
            new String[] {
              "--conll=" + conll,
              "--recognizer=gazetteer",
              "--gazetteer=" + watchlist,
              "--workDir=" + work
            },
            new PrintStream(out, true, "UTF-8"),
            System.err);
    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(report, code, equalTo(0));
    // Gold: 9 entities. Found right: Helen Carter, Kim Jong-un, Oslo, New York, German (5);
    // wrong: OSLO as LOC (gold ORG), Helmut Schmidt (gold "Kohl Helmut" and "Schmidt").
    assertThat(report, containsString("overall     0.7143    0.5556    0.6250       5       2       4"));
    assertThat(report, containsString("F1 0.6250"));
    // The report ran as the graders run it, and its mentions table scores the same again.
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    Path mentions;
    try (java.util.stream.Stream<Path> walk = Files.walk(work.resolve("report"))) {
      mentions =
          walk.filter(p -> p.getFileName().toString().equals("mentions")).findFirst().orElseThrow();
    }
    assertThat(
        EvaluateEntities.run(
            new String[] {"--conll=" + conll, "--mentions=" + mentions},
            new PrintStream(again, true, "UTF-8"),
            System.err),
        equalTo(0));
    assertThat(again.toString(StandardCharsets.UTF_8), containsString("F1 0.6250"));
    assertThat(
        Files.readAllLines(work.resolve("articles.jsonl")).get(1),
        equalTo("{\"id\":\"doc-2\",\"body\":\"German Chancellor Kohl Helmut Schmidt said .\"}"));
  }

  @Test
  public void theAblationScoresTheBaselineAndEveryRuleVariant() throws Exception {
    Path conll = tmp.newFile("tiny.conll").toPath();
    Files.writeString(conll, ConllDocumentsTest.SNIPPET, StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        EvaluateEntities.run(
            new String[] {"--conll=" + conll, "--ablation=true", "--threads=1"},
            new PrintStream(out, true, "UTF-8"),
            System.err);
    assertThat(code, equalTo(0));
    List<String> lines = List.of(out.toString(StandardCharsets.UTF_8).split("\n"));
    assertThat(lines.size(), equalTo(24));
    assertThat(lines.get(1), startsWith("CRF, CoreNLP tokenizer and sentences on raw text"));
    assertThat(lines.get(11), startsWith("+ results lines: teams and people in results"));
    assertThat(lines.get(12), startsWith("+ organization names: head words, abbreviations (= report)"));
    assertThat(lines.get(13), startsWith("report tagging whole sentences"));
    for (String line : lines.subList(1, lines.size())) {
      String[] columns = line.trim().split("\\s{2,}");
      double f1 = Double.parseDouble(columns[3].trim().split("\\s+")[0]);
      assertThat(line, f1, allOf(greaterThan(0.0), lessThanOrEqualTo(1.0)));
    }
  }

  @Test
  public void withoutAFileItPrintsItsUsage() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = EvaluateEntities.run(new String[0], new PrintStream(out, true, "UTF-8"), System.err);
    assertThat(code, equalTo(2));
    assertThat(out.toString(StandardCharsets.UTF_8), containsString("Usage: EvaluateEntities --conll=FILE"));
  }
}
