package org.corpusanalytics.pipelines;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

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
    try (ParquetFileReader reader = ParquetFileReader.open(new NioInputFile(file))) {
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

  /** A Parquet input file on a local path, without Hadoop's file systems. */
  private static final class NioInputFile implements InputFile {
    private final Path path;

    NioInputFile(Path path) {
      this.path = path;
    }

    @Override
    public long getLength() throws IOException {
      return Files.size(path);
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
      SeekableByteChannel channel = Files.newByteChannel(path);
      return new DelegatingSeekableInputStream(Channels.newInputStream(channel)) {
        @Override
        public long getPos() throws IOException {
          return channel.position();
        }

        @Override
        public void seek(long newPos) throws IOException {
          channel.position(newPos);
        }

        @Override
        public int read(ByteBuffer buf) throws IOException {
          return channel.read(buf);
        }
      };
    }
  }
}
