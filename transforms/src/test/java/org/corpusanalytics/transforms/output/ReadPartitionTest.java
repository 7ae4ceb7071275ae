package org.corpusanalytics.transforms.output;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Tables written by {@link WriteTables} read back by {@link ReadPartition}, in both formats. */
public class ReadPartitionTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private Path writePartition(OutputFormat format) throws Exception {
    Path dir = tmp.newFolder(format.name()).toPath();
    Pipeline write = Pipeline.create(PipelineOptionsFactory.create());
    PCollection<Row> entities =
        write.apply(
            "Entities",
            Create.of(
                    Row.withSchema(Tables.ENTITIES).addValues("Oslo", "LOCATION", 7L, 3L).build(),
                    Row.withSchema(Tables.ENTITIES)
                        .addValues("=SUM(A1), \"quoted\"", "MISC", 1L, 1L)
                        .build())
                .withRowSchema(Tables.ENTITIES));
    Row.Builder summary = Row.withSchema(Tables.SUMMARY);
    for (org.apache.beam.sdk.schemas.Schema.Field f : Tables.SUMMARY.getFields()) {
      summary.addValue(
          f.getName().equals("runner") ? "DirectRunner"
              : f.getName().endsWith("_at") ? new Instant(0) : f.getName().equals("articles") ? 9L : 0L);
    }
    PCollection<Row> summaries =
        write.apply("Summary", Create.of(summary.build()).withRowSchema(Tables.SUMMARY));
    WriteTables.table("entities", entities)
        .and(new TupleTag<>("summary"), summaries)
        .apply(WriteTables.to(dir.toString()).withFormat(format));
    write.run().waitUntilFinish();
    return dir;
  }

  private void readsBack(OutputFormat format) throws Exception {
    Path dir = writePartition(format);
    assertThat(ReadPartition.detectFormat(dir.toString(), "entities"), equalTo(format));
    PAssert.that(pipeline.apply("ReadEntities", ReadPartition.entityArticles(dir.toString())))
        .containsInAnyOrder(
            KV.of(KV.of("Oslo", "LOCATION"), 3L), KV.of(KV.of("=SUM(A1), \"quoted\"", "MISC"), 1L));
    PAssert.that(pipeline.apply("ReadSummary", ReadPartition.summaryArticles(dir.toString())))
        .containsInAnyOrder(9L);
    pipeline.run();
  }

  @Test
  public void parquetTablesReadBack() throws Exception {
    readsBack(OutputFormat.PARQUET);
  }

  @Test
  public void csvTablesReadBackWithFormulaNeutralizationUndone() throws Exception {
    readsBack(OutputFormat.CSV);
  }

  @Test
  public void aFolderWithoutTheTableIsRejectedByName() throws Exception {
    Path empty = tmp.newFolder("empty").toPath();
    Files.createDirectories(empty.resolve("entities"));
    try {
      ReadPartition.detectFormat(empty.toString(), "entities");
      throw new AssertionError("expected a failure");
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage(), containsString("holds no entities table"));
    }
    pipeline.run();
  }

  @Test
  public void unneutralizeOnlyStripsTheWritersApostrophe() {
    assertThat(ReadPartition.unneutralize("'=1+2"), equalTo("=1+2"));
    assertThat(ReadPartition.unneutralize("'-5"), equalTo("-5"));
    assertThat(ReadPartition.unneutralize("'Abdullah"), equalTo("'Abdullah"));
    assertThat(ReadPartition.unneutralize("'"), equalTo("'"));
  }
}
