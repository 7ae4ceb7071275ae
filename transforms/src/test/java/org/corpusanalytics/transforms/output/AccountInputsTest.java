package org.corpusanalytics.transforms.output;

import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.corpusanalytics.transforms.io.FileAccount;
import org.corpusanalytics.transforms.model.RejectedRecord;
import org.junit.Rule;
import org.junit.Test;

public class AccountInputsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  @Test
  public void laterRejectionsMoveRecordsFromProcessedToRejected() {
    PCollection<FileAccount> accounts =
        p.apply(
            "Accounts",
            Create.of(
                new FileAccount("/in/a.jsonl", 5, 4, 1, 0),
                new FileAccount("/in/b.csv", 3, 3, 0, 1),
                new FileAccount("/in/empty.txt", 1, 0, 1, 0)));
    PCollection<RejectedRecord> duplicates =
        p.apply(
            "Duplicates",
            Create.of(
                    new RejectedRecord("/in/a.jsonl", 2, "duplicate_id", "dup", "x"),
                    new RejectedRecord("/in/a.jsonl", 3, "duplicate_id", "dup", "y"),
                    new RejectedRecord("/in/b.csv", 1, "duplicate_id", "dup", "z"))
                .withCoder(AvroCoder.of(RejectedRecord.class)));

    PAssert.that(
            accounts.apply("Account", AccountInputs.create().withLaterRejections(duplicates)))
        .containsInAnyOrder(
            row("/in/a.jsonl", 5, 2, 3), row("/in/b.csv", 3, 2, 1), row("/in/empty.txt", 1, 0, 1));
    PAssert.that(
            duplicates.apply("ByReason", CountErrorsByReason.create()))
        .containsInAnyOrder(
            Row.withSchema(Tables.ERRORS_BY_REASON).addValues("duplicate_id", 3L).build());
    p.run().waitUntilFinish();
  }

  @Test
  public void withoutLaterRejectionsTheAccountsAreCopied() {
    PAssert.that(
            p.apply(Create.of(List.of(new FileAccount("/in/x.txt", 1, 1, 0, 0))))
                .apply(AccountInputs.create()))
        .containsInAnyOrder(row("/in/x.txt", 1, 1, 0));
    p.run().waitUntilFinish();
  }

  private static Row row(String file, long read, long processed, long rejected) {
    return Row.withSchema(Tables.INPUTS).addValues(file, read, processed, rejected).build();
  }
}
