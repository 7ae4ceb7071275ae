package org.corpusanalytics.pipelines;

import java.io.IOException;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.corpusanalytics.transforms.output.OutputFormat;
import org.corpusanalytics.transforms.output.WriteTables;

/**
 * Reads small tables back in the driver after a run, from any Beam file system: the same rows
 * whatever the runner, unlike metrics, which runners report differently (and count retried work
 * twice). Only string and int64 columns are read; others come back as null.
 */
final class StagedTables {
  private StagedTables() {}

  /** Every row of {@code table} under {@code outputDir}, column name to value. */
  static List<Map<String, Object>> read(
      String outputDir, String table, Schema schema, OutputFormat format) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    MatchResult match =
        FileSystems.match(
            WriteTables.tableDir(outputDir, table) + "/part-*" + format.suffix(),
            EmptyMatchTreatment.ALLOW);
    if (match.status() != MatchResult.Status.OK) {
      throw new IOException("cannot list the " + table + " table in " + outputDir);
    }
    for (MatchResult.Metadata file : match.metadata()) {
      if (format == OutputFormat.CSV) {
        readCsv(file.resourceId(), schema, rows);
      } else {
        readParquet(file, schema, rows);
      }
    }
    return rows;
  }

  private static void readCsv(ResourceId file, Schema schema, List<Map<String, Object>> rows)
      throws IOException {
    try (Reader in = Channels.newReader(FileSystems.open(file), StandardCharsets.UTF_8);
        CSVParser csv =
            CSVParser.parse(
                in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
      for (CSVRecord record : csv) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Schema.Field f : schema.getFields()) {
          String cell = record.isMapped(f.getName()) ? record.get(f.getName()) : null;
          row.put(f.getName(), value(f, cell == null || cell.isEmpty() ? null : cell));
        }
        rows.add(row);
      }
    }
  }

  private static void readParquet(
      MatchResult.Metadata file, Schema schema, List<Map<String, Object>> rows) throws IOException {
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(new BeamParquetInputFile(file)).build()) {
      GenericRecord record;
      while ((record = reader.read()) != null) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Schema.Field f : schema.getFields()) {
          Object v = record.hasField(f.getName()) ? record.get(f.getName()) : null;
          row.put(f.getName(), value(f, v == null ? null : v.toString()));
        }
        rows.add(row);
      }
    }
  }

  private static Object value(Schema.Field field, String text) {
    if (text == null) {
      return null;
    }
    switch (field.getType().getTypeName()) {
      case INT64:
        return Long.parseLong(text);
      case STRING:
        return text;
      default:
        return null;
    }
  }
}
