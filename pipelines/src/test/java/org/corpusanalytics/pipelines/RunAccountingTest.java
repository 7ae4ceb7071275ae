package org.corpusanalytics.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.junit.Test;

public class RunAccountingTest {
  private static final RunAccounting ACCOUNTING =
      new RunAccounting(
          List.of(
              new RunAccounting.FileCounts("/in/a.jsonl", 100, 90, 10),
              new RunAccounting.FileCounts("/in/b.csv", 50, 30, 20),
              new RunAccounting.FileCounts("/in/c.txt", 1, 0, 1),
              new RunAccounting.FileCounts("/in/d.txt", 1, 1, 0),
              new RunAccounting.FileCounts("/in/e.txt", 1, 0, 1)),
          List.of(
              new RunAccounting.ReasonCount("invalid_json", 10),
              new RunAccounting.ReasonCount("csv_column_count", 20),
              new RunAccounting.ReasonCount("empty_file", 1),
              new RunAccounting.ReasonCount("binary_file", 1)));

  @Test
  public void totalsAndRate() {
    assertThat(ACCOUNTING.read(), is(153L));
    assertThat(ACCOUNTING.processed(), is(121L));
    assertThat(ACCOUNTING.rejected(), is(32L));
    assertThat(ACCOUNTING.errorRate(), is(32.0 / 153));
    assertThat(new RunAccounting(List.of(), List.of()).errorRate(), is(0.0));
  }

  @Test
  public void filesNotReadToTheirEndCountAgainstTheLimitToo() {
    // 8,000 rows hidden in two files rejected whole: 2 of 302 records, but 2 of 3 files.
    RunAccounting hidden =
        new RunAccounting(
            List.of(
                new RunAccounting.FileCounts("/in/good.jsonl", 300, 300, 0),
                new RunAccounting.FileCounts("/in/export.csv", 1, 0, 1),
                new RunAccounting.FileCounts("/in/feed.jsonl", 1, 0, 1),
                new RunAccounting.FileCounts("/in/empty.jsonl", 1, 0, 1)),
            List.of(
                new RunAccounting.ReasonCount("csv_missing_body_column", 1),
                new RunAccounting.ReasonCount("binary_file", 1),
                new RunAccounting.ReasonCount("empty_file", 1)));
    assertThat(hidden.unreadFiles(), is(2L));
    assertThat(
        hidden.checkErrorRate(0.01, "/out"),
        is(
            "2 of 4 input files could not be read to their end (binary_file (1),"
                + " csv_missing_body_column (1)), more than --maxErrorRate=0.01 allows: the records"
                + " they hold are in no count, so the share of rejected records (0.99%) understates"
                + " the loss; nothing was published to /out. Fix the input, or rerun with a higher"
                + " --maxErrorRate to get the report with its errors table."));
    assertThat(hidden.checkErrorRate(0.5, "/out"), is(nullValue()));
  }

  @Test
  public void withinTheLimitThereIsNoMessage() {
    assertThat(ACCOUNTING.checkErrorRate(0.25, "/out"), is(nullValue()));
    assertThat(ACCOUNTING.checkErrorRate(32.0 / 153, "/out"), is(nullValue()));
  }

  @Test
  public void overTheLimitOneMessageNamesTheWorstReasonsAndFiles() {
    String message = ACCOUNTING.checkErrorRate(0.01, "/out");
    assertThat(
        message,
        is("32 of 153 input records were rejected (20.92%), more than --maxErrorRate=0.01 allows;"
            + " nothing was published to /out. Most frequent reasons: csv_column_count (20),"
            + " invalid_json (10), binary_file (1). Files with the most rejections: /in/b.csv (20 of"
            + " 50), /in/a.jsonl (10 of 100), /in/c.txt (1 of 1). Fix the input, or rerun with a"
            + " higher --maxErrorRate to get the report with its errors table."));
    assertThat(ACCOUNTING.checkErrorRate(0, "/out"), containsString("--maxErrorRate=0 allows"));
  }

  @Test
  public void aRunThatReadNoFileIsAFailure() {
    assertThat(ACCOUNTING.checkAnyFileRead("/in/*"), is(nullValue()));
    // An empty file is still a file read.
    assertThat(
        new RunAccounting(List.of(new RunAccounting.FileCounts("/in/e.txt", 0, 0, 0)), List.of())
            .checkAnyFileRead("/in/*"),
        is(nullValue()));
    assertThat(
        new RunAccounting(List.of(), List.of()).checkAnyFileRead("in/*.jsonl"),
        is("the run read none of the files --input in/*.jsonl matched on this machine: the input"
            + " must be on a file system every worker can reach"));
  }

  @Test
  public void maxErrorRateMustBeAShare() {
    RunAccounting.checkMaxErrorRate(0);
    RunAccounting.checkMaxErrorRate(1);
    for (double bad : new double[] {-0.1, 1.5, Double.NaN}) {
      assertThrows(IllegalArgumentException.class, () -> RunAccounting.checkMaxErrorRate(bad));
    }
  }
}
