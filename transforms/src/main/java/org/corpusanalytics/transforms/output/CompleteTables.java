package org.corpusanalytics.transforms.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Finishes the table folders after a run. Beam writes no file for an empty table, but readers such
 * as DuckDB fail on a glob that matches nothing, so an empty table gets one file that holds just its
 * header (CSV) or its schema (Parquet).
 */
public final class CompleteTables {
  private CompleteTables() {}

  public static void writeEmptyIfMissing(
      String outputDir, String table, Schema schema, OutputFormat format) throws IOException {
    String dir = WriteTables.tableDir(outputDir, table);
    MatchResult existing = FileSystems.match(dir + "/part-*", EmptyMatchTreatment.ALLOW);
    if (existing.status() == MatchResult.Status.OK && !existing.metadata().isEmpty()) {
      return;
    }
    ResourceId file =
        FileSystems.matchNewResource(dir + "/part-00000-of-00001" + format.suffix(), false);
    try (WritableByteChannel channel = FileSystems.create(file, MimeTypes.BINARY)) {
      if (format == OutputFormat.CSV) {
        channel.write(
            ByteBuffer.wrap((CsvCells.header(schema) + "\n").getBytes(StandardCharsets.UTF_8)));
      } else {
        ParquetIO.Sink sink = ParquetIO.sink(AvroRows.avroSchema(table, schema));
        sink.open(channel);
        sink.flush();
      }
    }
  }
}
