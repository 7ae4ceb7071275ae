package org.corpusanalytics.transforms.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * Renders rows as RFC 4180 CSV lines. A text cell that a spreadsheet would run as a formula (it
 * begins with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, the usual
 * neutralization; numbers and dates are written as they are, so a negative {@code pmi} stays the
 * number {@code -0.41}. Neutralization depends on the column type, not on the text: every STRING
 * column is neutralized (input text such as titles, ids, excerpts and file names included), no
 * numeric or date column is.
 */
public final class CsvCells {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator("").setQuoteMode(QuoteMode.MINIMAL).build();

  private CsvCells() {}

  public static String header(Schema schema) {
    return format(schema.getFieldNames().toArray());
  }

  public static String line(Row row) {
    Schema schema = row.getSchema();
    Object[] cells = new Object[schema.getFieldCount()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = cell(schema.getField(i).getType(), row.getValue(i));
    }
    return format(cells);
  }

  static String cell(Schema.FieldType type, Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof String) {
      return neutralizeFormula((String) value);
    }
    if (value instanceof LocalDate) {
      return value.toString();
    }
    if (value instanceof org.joda.time.ReadableInstant) {
      return java.time.Instant.ofEpochMilli(((org.joda.time.ReadableInstant) value).getMillis())
          .toString();
    }
    return String.valueOf(value);
  }

  /** Prefixes text that a spreadsheet would evaluate with an apostrophe. */
  public static String neutralizeFormula(String text) {
    if (text.isEmpty()) {
      return text;
    }
    switch (text.charAt(0)) {
      case '=':
      case '+':
      case '-':
      case '@':
      case '\t':
      case '\r':
        return "'" + text;
      default:
        return text;
    }
  }

  private static String format(Object... cells) {
    try {
      StringBuilder out = new StringBuilder();
      if (cells.length > 1 && "".equals(cells[0])) {
        // Commons CSV quotes an empty first cell (a line of one empty cell would be blank); here
        // the comma after it keeps the line, so an empty cell is bare in every column.
        out.append(FORMAT.getDelimiterString());
        FORMAT.printRecord(out, Arrays.copyOfRange(cells, 1, cells.length));
        return out.toString();
      }
      FORMAT.printRecord(out, cells);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
