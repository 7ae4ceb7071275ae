package org.corpusanalytics.transforms.output;

import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes one table as {@code DIR/<table>/part-SSSSS-of-NNNNN.(parquet|csv)}. Every CSV file starts
 * with a header row.
 */
public final class WriteTable extends PTransform<PCollection<Row>, PDone> {
  private final String outputDir;
  private final String table;
  private final Schema schema;
  private final OutputFormat format;
  private final int numShards;

  private WriteTable(
      String outputDir, String table, Schema schema, OutputFormat format, int numShards) {
    this.outputDir = outputDir;
    this.table = table;
    this.schema = schema;
    this.format = format;
    this.numShards = numShards;
  }

  public static WriteTable to(String outputDir, String table, Schema schema) {
    return new WriteTable(outputDir, table, schema, OutputFormat.PARQUET, 1);
  }

  public WriteTable withFormat(OutputFormat newFormat) {
    return new WriteTable(outputDir, table, schema, newFormat, numShards);
  }

  /** Files per table; 0 lets the runner decide. */
  public WriteTable withNumShards(int shards) {
    return new WriteTable(outputDir, table, schema, format, shards);
  }

  public static String tableDir(String outputDir, String table) {
    return outputDir.endsWith("/") ? outputDir + table : outputDir + "/" + table;
  }

  @Override
  public PDone expand(PCollection<Row> rows) {
    String dir = tableDir(outputDir, table);
    if (format == OutputFormat.CSV) {
      rows.apply("ToCsvLines", MapElements.into(TypeDescriptors.strings()).via(CsvCells::line))
          .apply(
              "WriteCsv",
              FileIO.<String>write()
                  .via(TextIO.sink().withHeader(CsvCells.header(schema)))
                  .to(dir)
                  .withPrefix("part")
                  .withSuffix(format.suffix())
                  .withNumShards(numShards));
    } else {
      org.apache.avro.Schema avro = AvroRows.avroSchema(table, schema);
      rows.apply("ToAvro", ParDo.of(new ToAvroFn(avro.toString())))
          .setCoder(AvroCoder.of(avro))
          .apply(
              "WriteParquet",
              FileIO.<GenericRecord>write()
                  .via(ParquetIO.sink(avro))
                  .to(dir)
                  .withPrefix("part")
                  .withSuffix(format.suffix())
                  .withNumShards(numShards));
    }
    return PDone.in(rows.getPipeline());
  }

  /** Avro schemas are not serializable, so the DoFn carries the JSON and parses it once. */
  private static final class ToAvroFn extends DoFn<Row, GenericRecord> {
    private final String avroJson;
    private transient org.apache.avro.Schema avro;

    ToAvroFn(String avroJson) {
      this.avroJson = avroJson;
    }

    @Setup
    public void setup() {
      avro = new org.apache.avro.Schema.Parser().parse(avroJson);
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<GenericRecord> out) {
      out.output(AvroRows.toRecord(row, avro));
    }
  }
}
