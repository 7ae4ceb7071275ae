package org.corpusanalytics.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code --maxErrorRate} and publishing: a run that rejects too much fails with one message and exit
 * code 3, and a previous partition of the same date stays as it was; no staging folder is left.
 */
public class PublishAndErrorRateEndToEndTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  private static final String RUN_DATE = "2024-05-01";

  private static Path good;
  private static Path bad;

  @BeforeClass
  public static void writeInputs() throws IOException {
    good = TMP.newFolder("good").toPath().resolve("good.jsonl");
    Files.writeString(
        good,
        "{\"id\":\"g1\",\"body\":\"Helen Carter visited Oslo on Monday.\"}\n"
            + "{\"id\":\"g2\",\"body\":\"Acme Corp opened an office in Leeds.\"}\n");
    bad = TMP.newFolder("bad").toPath().resolve("bad.jsonl");
    Files.writeString(
        bad,
        "{\"id\":\"b1\",\"body\":\"Tom Baker stayed in York.\"}\n"
            + "{\"id\":\"b2\",\"body\":\n"
            + "not json at all\n"
            + "{\"id\":\"b4\",\"body\":42}\n");
  }

  @Test
  public void tooManyRejectionsLeaveThePreviousParquetOutputIntact() throws Exception {
    checkFailedRunKeepsPreviousOutput("parquet");
  }

  @Test
  public void tooManyRejectionsLeaveThePreviousCsvOutputIntact() throws Exception {
    checkFailedRunKeepsPreviousOutput("csv");
  }

  private void checkFailedRunKeepsPreviousOutput(String format) throws Exception {
    Path out = TMP.getRoot().toPath().resolve("out-" + format);
    Path partition = out.resolve("run_date=" + RUN_DATE);
    Result first =
        run("--input=" + good, "--output=" + out, "--outputFormat=" + format, "--runDate=" + RUN_DATE);
    assertThat(first.err, first.code, equalTo(0));
    List<List<String>> articles = DuckTables.rows(partition, "articles", format, "article_id");
    assertThat(articles, equalTo(List.of(List.of("g1"), List.of("g2"))));

    Result failed =
        run("--input=" + bad, "--output=" + out, "--outputFormat=" + format, "--runDate=" + RUN_DATE);
    assertThat(failed.code, equalTo(CorpusReport.TOO_MANY_ERRORS));
    assertThat(
        failed.err,
        equalTo(
            "corpus-analytics: 3 of 4 input records were rejected (75.00%), more than"
                + " --maxErrorRate=0.01 allows; nothing was published to " + partition
                + ". Most frequent reasons: invalid_json (2), body_not_string (1). Files with the"
                + " most rejections: " + bad + " (3 of 4). Fix the input, or rerun with a higher"
                + " --maxErrorRate to get the report with its errors table.\n"));
    assertThat(DuckTables.rows(partition, "articles", format, "article_id"), equalTo(articles));
    assertThat(entries(out), equalTo(List.of(partition.getFileName().toString())));

    // Allowed, the same run replaces the previous partition, errors and all.
    Result allowed =
        run(
            "--input=" + bad,
            "--output=" + out,
            "--outputFormat=" + format,
            "--runDate=" + RUN_DATE,
            "--maxErrorRate=0.75");
    assertThat(allowed.err, allowed.code, equalTo(0));
    assertThat(
        DuckTables.rows(partition, "articles", format, "article_id"),
        equalTo(List.of(List.of("b1"))));
    assertThat(DuckTables.count(partition, "errors", format, "true"), equalTo(3L));
    assertThat(
        DuckTables.rows(partition, "inputs", format),
        equalTo(List.of(List.of(bad.toString(), "4", "1", "3"))));
    assertThat(
        DuckTables.rows(partition, "errors_by_reason", format),
        equalTo(List.of(List.of("body_not_string", "1"), List.of("invalid_json", "2"))));
    // The summary holds the same totals per reason.
    assertThat(
        DuckTables.rows(
            partition,
            "summary",
            format,
            "articles_failed",
            "rejected_invalid_json",
            "rejected_body_not_string",
            "rejected_empty_body"),
        equalTo(List.of(List.of("3", "2", "1", "0"))));
    assertThat(entries(out), equalTo(List.of(partition.getFileName().toString())));
  }

  @Test
  public void badMaxErrorRateStopsBeforeTheRun() throws Exception {
    Result rate = run("--input=" + good, "--output=" + TMP.getRoot() + "/x", "--maxErrorRate=5");
    assertThat(rate.code, equalTo(2));
    assertThat(rate.err, containsString("--maxErrorRate must be a share from 0 to 1"));
    assertThat(rate.err, not(containsString("\tat ")));
  }

  @Test
  public void helpListsMaxErrorRateWithItsDefault() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(
        CorpusReport.run(new String[] {"--help"}, new PrintStream(out, true, "UTF-8"), System.err),
        equalTo(0));
    String help = out.toString(StandardCharsets.UTF_8);
    assertThat(help, containsString("--maxErrorRate="));
    assertThat(help, containsString("Default: 0.01"));
  }

  private static List<String> entries(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private record Result(int code, String err) {}

  private static Result run(String... args) throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        CorpusReport.run(
            args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, "UTF-8"));
    return new Result(code, err.toString(StandardCharsets.UTF_8));
  }
}
