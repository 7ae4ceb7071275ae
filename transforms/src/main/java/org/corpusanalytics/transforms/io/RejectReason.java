package org.corpusanalytics.transforms.io;

import java.util.List;

/**
 * The {@code reason} codes of the {@link org.corpusanalytics.transforms.model.RejectedRecord}s that
 * reading produces.
 */
public final class RejectReason {
  /** A JSON Lines line that is not a JSON object. */
  public static final String INVALID_JSON = "invalid_json";
  /** No body field, or a JSON null. */
  public static final String MISSING_BODY = "missing_body";
  /** A JSON body that is a number, boolean, object or array. */
  public static final String BODY_NOT_STRING = "body_not_string";
  /** A body, or a text file, that is blank after trimming. */
  public static final String EMPTY_BODY = "empty_body";
  /** A body longer than the article size limit, or a line/record/file too big to hold one. */
  public static final String ARTICLE_TOO_LARGE = "article_too_large";
  /** A CSV header without the body column; the whole file is rejected once. */
  public static final String CSV_MISSING_BODY_COLUMN = "csv_missing_body_column";
  /** A CSV row whose column count differs from the header's. */
  public static final String CSV_COLUMN_COUNT = "csv_column_count";
  /** A CSV quoted field never closed; the rest of the file is skipped. */
  public static final String CSV_UNBALANCED_QUOTE = "csv_unbalanced_quote";
  /** A CSV row with text after the closing quote of a quoted field, or another CSV syntax error. */
  public static final String CSV_MALFORMED = "csv_malformed";
  /** A file with no bytes, or with nothing but blank lines. */
  public static final String EMPTY_FILE = "empty_file";
  /**
   * A file with a NUL byte in its first 8 KiB (binary, or UTF-16/32 text), or with more than 5% of
   * control characters there.
   */
  public static final String BINARY_FILE = "binary_file";
  /** The file could not be opened or read to the end (e.g. truncated gzip); earlier records stay. */
  public static final String READ_ERROR = "read_error";
  /** An article id seen before in canonical order (rejected by DropDuplicateIds, after reading). */
  public static final String DUPLICATE_ID = "duplicate_id";

  /** Every reason code, in the order of the summary's {@code rejected_<reason>} columns. */
  public static final List<String> ALL =
      List.of(
          INVALID_JSON,
          MISSING_BODY,
          BODY_NOT_STRING,
          EMPTY_BODY,
          ARTICLE_TOO_LARGE,
          CSV_MISSING_BODY_COLUMN,
          CSV_COLUMN_COUNT,
          CSV_UNBALANCED_QUOTE,
          CSV_MALFORMED,
          EMPTY_FILE,
          BINARY_FILE,
          READ_ERROR,
          DUPLICATE_ID);

  private RejectReason() {}
}
