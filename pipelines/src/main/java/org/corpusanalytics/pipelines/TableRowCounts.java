package org.corpusanalytics.pipelines;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.parquet.hadoop.ParquetFileReader;

/**
 * Counts the rows of a written table from its files: Parquet from the footers (no data is read),
 * CSV by parsing the records after each file's header.
 */
final class TableRowCounts {
  private TableRowCounts() {}

  /** The {@code part-*} files of a table folder, sorted. */
  static List<Path> partFiles(Path tableDir) throws IOException {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(tableDir)) {
      return files;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(tableDir, "part-*")) {
      for (Path p : stream) {
        files.add(p);
      }
    }
    files.sort(null);
    return files;
  }

  static long rows(Path tableDir) throws IOException {
    long rows = 0;
    for (Path file : partFiles(tableDir)) {
      rows += file.getFileName().toString().endsWith(".parquet") ? parquetRows(file) : csvRows(file);
    }
    return rows;
  }

  static long parquetRows(Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(
        new BeamParquetInputFile(FileSystems.matchSingleFileSpec(file.toString())))) {
      return reader.getRecordCount();
    }
  }

  static long csvRows(Path file) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
    long rows = 0;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      for (@SuppressWarnings("unused") org.apache.commons.csv.CSVRecord r : parser) {
        rows++;
      }
    }
    return rows;
  }
}
