package org.corpusanalytics.transforms.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.Nullable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV (RFC 4180) with a header row; quoted fields may span lines. Rows are streamed: one bad row is
 * rejected and the next is read, except when the quoting is broken (an unbalanced quote or a huge
 * record), after which record boundaries cannot be trusted and the rest of the file is skipped.
 */
final class CsvArticleParser {
  // Empty lines are skipped like blank JSON lines. Text after a closing quote is let through by the
  // parser so that it can go on; LenientCsvReader flags those rows and they are rejected here.
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrailingData(true).build();

  private final FieldMap fieldMap;
  private final long maxRecordChars;
  private final int maxLineBytes;

  CsvArticleParser(FieldMap fieldMap, int maxArticleChars) {
    this.fieldMap = fieldMap;
    // Room for a body at the limit plus the other columns; past this a record is not an article.
    this.maxRecordChars = 2L * maxArticleChars + (1 << 20);
    // A line of n UTF-8 bytes holds at least n/3 characters.
    this.maxLineBytes = ArticleParser.cappedArraySize(3 * maxRecordChars);
  }

  void parse(InputStream in, RecordEmitter out) throws IOException {
    LenientCsvReader reader =
        new LenientCsvReader(new ByteLineReader(in, maxLineBytes), maxRecordChars);
    try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
      Iterator<CSVRecord> rows = parser.iterator();
      Header header = null;
      // Lines of spaces are blank lines, as in JSON Lines: no records, not counted in numbers.
      long blankLines = 0;
      for (long index = 0; ; index++) {
        CSVRecord row;
        try {
          if (!rows.hasNext()) {
            break;
          }
          row = rows.next();
        } catch (UncheckedIOException e) {
          stop(e.getCause(), index, blankLines, header == null, reader, out);
          return;
        }
        LenientCsvReader.RecordStart start = reader.take(index);
        if (isBlankLine(row) || (header == null && isBlank(row))) {
          blankLines++; // before the header, a row of empty cells (",,") is a blank line too
          continue;
        }
        if (header == null) {
          header = new Header(row.toList(), fieldMap);
          out.passed(0, "the header (line " + (start == null ? 1 : start.line) + ")");
          if (header.column(FieldMap.BODY) < 0) {
            rejectMissingBody(header, out);
            return;
          }
          continue;
        }
        processRow(index - blankLines, row, start, header, out);
      }
      if (header == null) {
        out.recordRead(0, null);
        out.reject(
            0, null, RejectReason.EMPTY_FILE, "the file has only blank lines, no header row", "");
      }
    }
  }

  private void processRow(
      long index,
      CSVRecord row,
      @Nullable LenientCsvReader.RecordStart start,
      Header header,
      RecordEmitter out) {
    String where = where(index, start);
    String raw = start != null ? start.excerpt.toString() : String.join(",", row.toList());
    out.recordRead(index, where);
    if (start != null && start.textAfterClosingQuote) {
      out.reject(
          index,
          where,
          RejectReason.CSV_MALFORMED,
          "text after the closing quote of a quoted field (a quote inside a field must be doubled)",
          raw);
    } else if (row.size() != header.size()) {
      out.reject(
          index,
          where,
          RejectReason.CSV_COLUMN_COUNT,
          "the row has " + row.size() + " columns, the header has " + header.size(),
          raw);
    } else {
      out.accept(
          index,
          where,
          new RecordEmitter.Fields(
              header.value(row, FieldMap.ID),
              header.value(row, FieldMap.TITLE),
              row.get(header.column(FieldMap.BODY)),
              header.value(row, FieldMap.PUBLISHED),
              header.value(row, FieldMap.SOURCE),
              header.value(row, FieldMap.URL)),
          raw);
    }
  }

  /** The parser failed on record {@code index}; reports why and ends the file. */
  private void stop(
      IOException cause,
      long index,
      long blankLines,
      boolean inHeader,
      LenientCsvReader reader,
      RecordEmitter out)
      throws IOException {
    if (cause instanceof LenientCsvReader.StreamFailure) {
      throw (IOException) cause.getCause(); // a read error, reported by ArticleParser
    }
    LenientCsvReader.RecordStart start;
    String reason;
    String detail;
    if (cause instanceof LenientCsvReader.RecordTooLarge) {
      start = ((LenientCsvReader.RecordTooLarge) cause).record;
      reason = RejectReason.ARTICLE_TOO_LARGE;
      detail =
          "the record is longer than " + maxRecordChars + " characters, too large for an article"
              + " within the limit of " + out.maxArticleChars()
              + " (or a quote is unbalanced); the rest of the file was skipped";
    } else if (reader.endedInsideQuotes()) {
      start = reader.take(index);
      reason = RejectReason.CSV_UNBALANCED_QUOTE;
      detail =
          "unbalanced quote: a quoted field that starts in this record is never closed;"
              + " the rest of the file was skipped";
    } else {
      start = reader.take(index);
      reason = RejectReason.CSV_MALFORMED;
      detail = "invalid CSV (" + RecordEmitter.describe(cause) + "); the rest of the file was skipped";
    }
    long record = (start != null ? start.index : index) - blankLines;
    String raw = start != null ? start.excerpt.toString() : "";
    if (inHeader || record <= 0) {
      out.recordRead(0, null);
      out.reject(0, null, reason, "in the header row: " + detail, raw);
    } else {
      String where = where(record, start);
      out.recordRead(record, where);
      out.reject(record, where, reason, detail, raw);
    }
  }

  private static boolean isBlank(CSVRecord row) {
    return row.stream().allMatch(String::isBlank);
  }

  /** A line of spaces (the parser drops only empty lines). */
  private static boolean isBlankLine(CSVRecord row) {
    return row.size() == 1 && row.get(0).isBlank();
  }

  private void rejectMissingBody(Header header, RecordEmitter out) {
    boolean mapped = fieldMap.mappings().containsKey(FieldMap.BODY);
    out.recordRead(0, null);
    out.reject(
        0,
        null,
        RejectReason.CSV_MISSING_BODY_COLUMN,
        "the header has no " + (mapped ? "" : "body column (looked for ")
            + fieldMap.describe(FieldMap.BODY) + (mapped ? " column" : ")")
            + ", so no row can be read; columns are " + header.names
            + (mapped ? "" : " (use --fieldMap body=<column>)"),
        String.join(",", header.names));
  }

  private static String where(long index, @Nullable LenientCsvReader.RecordStart start) {
    return "record " + index + (start == null ? "" : " (line " + start.line + ")");
  }

  /**
   * Column positions by name (exact match first, else ignoring case and surrounding spaces), and
   * the column of each article field: the first of its input names the header has.
   */
  private static final class Header {
    final List<String> names;
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> loose = new HashMap<>();
    private final Map<String, Integer> columns = new HashMap<>();

    Header(List<String> names, FieldMap fieldMap) {
      this.names = names;
      for (int i = 0; i < names.size(); i++) {
        exact.putIfAbsent(names.get(i), i);
        loose.putIfAbsent(names.get(i).trim().toLowerCase(Locale.ROOT), i);
      }
      for (String field : FieldMap.CANONICAL_FIELDS) {
        for (String name : fieldMap.inputNames(field)) {
          int i = index(name);
          if (i >= 0) {
            columns.put(field, i);
            break;
          }
        }
      }
    }

    int size() {
      return names.size();
    }

    private int index(String name) {
      Integer i = exact.get(name);
      if (i == null) {
        i = loose.get(name.trim().toLowerCase(Locale.ROOT));
      }
      return i == null ? -1 : i;
    }

    /** The column of article field {@code canonical}, or -1. */
    int column(String canonical) {
      return columns.getOrDefault(canonical, -1);
    }

    @Nullable String value(CSVRecord row, String canonical) {
      int i = column(canonical);
      return i < 0 ? null : RecordEmitter.blankToNull(row.get(i));
    }
  }
}
