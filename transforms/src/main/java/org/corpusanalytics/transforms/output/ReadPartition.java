package org.corpusanalytics.transforms.output;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads tables of an earlier run (a partition folder such as {@code OUT/run_date=2024-03-04}) back
 * into a pipeline. The format is detected per table from the extension of its {@code part-*}
 * files. Parquet is read through {@link ParquetIO} with a projection of just the columns needed, so
 * partitions written before a column was added still read; CSV is read by header name. CSV text
 * cells that the writer neutralized against spreadsheet formulas (see {@link CsvCells}) lose that
 * leading apostrophe again.
 */
public final class ReadPartition {
  private ReadPartition() {}

  /** The format of {@code PARTITION/<table>/part-*}; fails naming the folder when there is none. */
  public static OutputFormat detectFormat(String partitionDir, String table) throws IOException {
    String dir = WriteTables.tableDir(partitionDir, table);
    for (OutputFormat format : OutputFormat.values()) {
      MatchResult match =
          FileSystems.match(dir + "/part-*" + format.suffix(), EmptyMatchTreatment.ALLOW);
      if (match.status() == MatchResult.Status.OK && !match.metadata().isEmpty()) {
        if (format == OutputFormat.PARQUET) {
          for (MatchResult.Metadata file : match.metadata()) {
            checkParquet(file, partitionDir);
          }
        }
        return format;
      }
    }
    throw new IllegalArgumentException(
        "--compareTo " + partitionDir + " holds no " + table + " table (no " + dir
            + "/part-*.parquet or part-*.csv files)");
  }

  private static final byte[] PARQUET_MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  /**
   * Fails naming the file when it does not start and end as Parquet does: read in the run, a
   * damaged file fails inside ParquetIO with a message that names no file.
   */
  private static void checkParquet(MatchResult.Metadata file, String partitionDir)
      throws IOException {
    boolean ok = file.sizeBytes() >= 12;
    if (ok) {
      try (java.nio.channels.ReadableByteChannel channel = FileSystems.open(file.resourceId())) {
        ok = startsWithMagic(channel);
        if (ok && channel instanceof java.nio.channels.SeekableByteChannel) {
          ((java.nio.channels.SeekableByteChannel) channel).position(file.sizeBytes() - 4);
          ok = startsWithMagic(channel);
        }
      }
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "--compareTo " + partitionDir + ": " + file.resourceId() + " is not a Parquet file");
    }
  }

  private static boolean startsWithMagic(java.nio.channels.ReadableByteChannel channel)
      throws IOException {
    java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(PARQUET_MAGIC.length);
    while (head.hasRemaining() && channel.read(head) >= 0) {
      // read until full or the end
    }
    return java.util.Arrays.equals(head.array(), PARQUET_MAGIC) && !head.hasRemaining();
  }

  /** (entity, type) to articles, from the earlier run's {@code entities} table. */
  public static PTransform<PBegin, PCollection<KV<KV<String, String>, Long>>> entityArticles(
      String partitionDir) throws IOException {
    return new ReadColumns<>(
        partitionDir,
        "entities",
        Tables.ENTITIES,
        List.of("entity", "type", "articles"),
        KvCoder.of(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()), VarLongCoder.of()),
        cells -> KV.of(KV.of(cells.get(0), cells.get(1)), Long.parseLong(cells.get(2))));
  }

  /** The articles counted by the earlier run: its summary's articles less its near duplicates. */
  public static PTransform<PBegin, PCollection<Long>> summaryArticles(String partitionDir)
      throws IOException {
    return new ReadColumns<>(
        partitionDir,
        "summary",
        Tables.SUMMARY,
        List.of("articles", "near_duplicate_articles"),
        VarLongCoder.of(),
        // Near duplicates are not counted, so they are not in the total either.
        cells -> Long.parseLong(cells.get(0)) - Long.parseLong(cells.get(1)));
  }

  /** Turns the text of the selected cells (in column order) into an element. */
  private interface CellsFn<T> extends Serializable {
    T apply(List<String> cells);
  }

  /** Reads some columns of one table, each cell as text, then maps them to an element. */
  private static final class ReadColumns<T> extends PTransform<PBegin, PCollection<T>> {
    private static final long serialVersionUID = 1L;
    private final String glob;
    private final String table;
    private final OutputFormat format;
    private final Schema projection;
    private final Coder<T> coder;
    private final CellsFn<T> fn;

    ReadColumns(
        String partitionDir,
        String table,
        Schema schema,
        List<String> columns,
        Coder<T> coder,
        CellsFn<T> fn)
        throws IOException {
      this.table = table;
      this.format = detectFormat(partitionDir, table);
      this.glob = WriteTables.tableDir(partitionDir, table) + "/part-*" + format.suffix();
      Schema.Builder b = Schema.builder();
      for (String column : columns) {
        b.addField(schema.getField(column));
      }
      this.projection = b.build();
      this.coder = coder;
      this.fn = fn;
    }

    @Override
    public PCollection<T> expand(PBegin begin) {
      PCollection<List<String>> cells;
      if (format == OutputFormat.PARQUET) {
        org.apache.avro.Schema avro = AvroRows.avroSchema(table, projection);
        cells =
            begin
                .apply(
                    "ReadParquet",
                    ParquetIO.read(avro)
                        .from(glob)
                        .withProjection(avro, avro)
                        // Records in the projected schema, not the file's with unread fields null.
                        .withConfiguration(Map.of("parquet.avro.read.schema", avro.toString())))
                .apply("ParquetCells", ParDo.of(new ParquetCellsFn(projection)));
      } else {
        cells =
            begin
                .apply("MatchCsv", FileIO.match().filepattern(glob))
                .apply("ReadCsvFiles", FileIO.readMatches())
                .apply("CsvCells", ParDo.of(new CsvCellsFn(projection)));
      }
      return cells
          .setCoder(ListCoder.of(NullableCoder.of(StringUtf8Coder.of())))
          .apply("ToElements", ParDo.of(new ApplyFn<>(fn)))
          .setCoder(coder);
    }
  }

  private static final class ParquetCellsFn extends DoFn<GenericRecord, List<String>> {
    private static final long serialVersionUID = 1L;
    private final Schema columns;

    ParquetCellsFn(Schema columns) {
      this.columns = columns;
    }

    @ProcessElement
    public void process(@Element GenericRecord record, OutputReceiver<List<String>> out) {
      List<String> cells = new ArrayList<>();
      for (String name : columns.getFieldNames()) {
        Object value = record.get(name);
        cells.add(value == null ? null : value.toString());
      }
      out.output(cells);
    }
  }

  private static final class CsvCellsFn extends DoFn<FileIO.ReadableFile, List<String>> {
    private static final long serialVersionUID = 1L;
    private static final CSVFormat FORMAT =
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
    private final Schema columns;

    CsvCellsFn(Schema columns) {
      this.columns = columns;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, OutputReceiver<List<String>> out)
        throws IOException {
      String name = file.getMetadata().resourceId().toString();
      try (Reader reader = Channels.newReader(file.open(), StandardCharsets.UTF_8);
          CSVParser parser = CSVParser.parse(reader, FORMAT)) {
        for (String column : columns.getFieldNames()) {
          if (!parser.getHeaderMap().containsKey(column)) {
            throw new IOException(name + " has no column " + column);
          }
        }
        for (CSVRecord record : parser) {
          List<String> cells = new ArrayList<>();
          for (Schema.Field f : columns.getFields()) {
            String cell = record.get(f.getName());
            if (f.getType().getTypeName() == Schema.TypeName.STRING) {
              cell = cell.isEmpty() && f.getType().getNullable() ? null : unneutralize(cell);
            }
            cells.add(cell);
          }
          out.output(cells);
        }
      }
    }
  }

  /** Undoes {@link CsvCells#neutralizeFormula}. */
  static String unneutralize(String cell) {
    if (cell.length() >= 2 && cell.charAt(0) == '\'') {
      String rest = cell.substring(1);
      if (!CsvCells.neutralizeFormula(rest).equals(rest)) {
        return rest;
      }
    }
    return cell;
  }

  private static final class ApplyFn<T> extends DoFn<List<String>, T> {
    private static final long serialVersionUID = 1L;
    private final CellsFn<T> fn;

    ApplyFn(CellsFn<T> fn) {
      this.fn = fn;
    }

    @ProcessElement
    public void process(@Element List<String> cells, OutputReceiver<T> out) {
      out.output(fn.apply(cells));
    }
  }
}
