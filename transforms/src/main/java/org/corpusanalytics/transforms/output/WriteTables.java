package org.corpusanalytics.transforms.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Writes several tables, each as {@code DIR/<table>/part-SSSSS-of-NNNNN.(parquet|csv)}, through one
 * file write. The input tuple's tag ids are the table names; each collection carries its table's
 * row schema. Every CSV file starts with a header row.
 *
 * <p>One write for all tables rather than one per table: a file write expands to some two dozen
 * steps (sharding, temporary files, finalization), and with a table each they were a third of the
 * report's graph, paid for at every start in translation, deployment and JIT warm-up.
 */
public final class WriteTables extends PTransform<PCollectionTuple, PDone> {
  private final String outputDir;
  private final OutputFormat format;
  private final int numShards;

  private WriteTables(String outputDir, OutputFormat format, int numShards) {
    this.outputDir = outputDir;
    this.format = format;
    this.numShards = numShards;
  }

  public static WriteTables to(String outputDir) {
    return new WriteTables(outputDir, OutputFormat.PARQUET, 1);
  }

  public WriteTables withFormat(OutputFormat newFormat) {
    return new WriteTables(outputDir, newFormat, numShards);
  }

  /** Files per table; 0 lets the runner decide. */
  public WriteTables withNumShards(int shards) {
    return new WriteTables(outputDir, format, shards);
  }

  public static String tableDir(String outputDir, String table) {
    return outputDir.endsWith("/") ? outputDir + table : outputDir + "/" + table;
  }

  /** The input for {@link #to}: one table. */
  public static PCollectionTuple table(String table, PCollection<Row> rows) {
    return PCollectionTuple.of(new TupleTag<>(table), rows);
  }

  @Override
  public PDone expand(PCollectionTuple tables) {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    List<PCollection<KV<String, Row>>> keyed = new ArrayList<>();
    for (Map.Entry<TupleTag<?>, PValue> entry : tables.expand().entrySet()) {
      String table = entry.getKey().getId();
      @SuppressWarnings("unchecked")
      PCollection<Row> rows = (PCollection<Row>) entry.getValue();
      schemas.put(table, rows.getSchema());
      keyed.add(
          rows.apply(
              "Key " + table,
              MapElements.into(new TypeDescriptor<KV<String, Row>>() {})
                  .via(row -> KV.of(table, row))));
    }
    TableRowCoder coder = new TableRowCoder(schemas);
    for (PCollection<KV<String, Row>> rows : keyed) {
      rows.setCoder(coder);
    }
    String suffix = format.suffix();
    OutputFormat sinkFormat = format;
    PCollectionList.of(keyed)
        .apply("AllTables", Flatten.pCollections())
        .setCoder(coder)
        .apply(
            "WriteFiles",
            FileIO.<String, KV<String, Row>>writeDynamic()
                .by(KV::getKey)
                .withDestinationCoder(StringUtf8Coder.of())
                .via(Contextful.fn(table -> new TableSink(table, schemas.get(table), sinkFormat)))
                .to(outputDir)
                .withNaming(table -> FileIO.Write.defaultNaming(table + "/part", suffix))
                .withNumShards(numShards));
    return PDone.in(tables.getPipeline());
  }

  /** Renders one table's rows through Beam's text or Parquet sink. */
  private static final class TableSink implements FileIO.Sink<KV<String, Row>> {
    private final String table;
    private final Schema schema;
    private final OutputFormat format;
    private transient FileIO.Sink<String> csv;
    private transient FileIO.Sink<org.apache.avro.generic.GenericRecord> parquet;
    private transient org.apache.avro.Schema avro;

    TableSink(String table, Schema schema, OutputFormat format) {
      this.table = table;
      this.schema = schema;
      this.format = format;
    }

    @Override
    public void open(WritableByteChannel channel) throws IOException {
      if (format == OutputFormat.CSV) {
        csv = TextIO.sink().withHeader(CsvCells.header(schema));
        csv.open(channel);
      } else {
        avro = AvroRows.avroSchema(table, schema);
        parquet = ParquetIO.sink(avro);
        parquet.open(channel);
      }
    }

    @Override
    public void write(KV<String, Row> element) throws IOException {
      if (csv != null) {
        csv.write(CsvCells.line(element.getValue()));
      } else {
        parquet.write(AvroRows.toRecord(element.getValue(), avro));
      }
    }

    @Override
    public void flush() throws IOException {
      if (csv != null) {
        csv.flush();
      } else {
        parquet.flush();
      }
    }
  }

  /** A row with its table's name; the row is coded with that table's schema. */
  private static final class TableRowCoder extends CustomCoder<KV<String, Row>> {
    private final List<String> tables;
    private final List<RowCoder> rowCoders;

    TableRowCoder(Map<String, Schema> schemas) {
      this.tables = new ArrayList<>(schemas.keySet());
      this.rowCoders = new ArrayList<>();
      for (Schema schema : schemas.values()) {
        rowCoders.add(RowCoder.of(schema));
      }
    }

    @Override
    public void encode(KV<String, Row> value, OutputStream out) throws IOException {
      int index = tables.indexOf(value.getKey());
      if (index < 0) {
        throw new CoderException("no table named " + value.getKey());
      }
      VarIntCoder.of().encode(index, out);
      rowCoders.get(index).encode(value.getValue(), out);
    }

    @Override
    public KV<String, Row> decode(InputStream in) throws IOException {
      int index = VarIntCoder.of().decode(in);
      if (index < 0 || index >= tables.size()) {
        throw new CoderException("no table number " + index);
      }
      return KV.of(tables.get(index), rowCoders.get(index).decode(in));
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      for (RowCoder coder : rowCoders) {
        coder.verifyDeterministic();
      }
    }
  }
}
