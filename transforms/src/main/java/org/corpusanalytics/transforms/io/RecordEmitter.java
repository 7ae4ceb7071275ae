package org.corpusanalytics.transforms.io;

import javax.annotation.Nullable;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.model.RejectedRecord;

/**
 * One file's side of parsing: turns field values into an {@link Article} or a {@link RejectedRecord}
 * with a message naming file and record, and keeps the counts. The format readers decide what a
 * record is; the checks every format shares (empty or oversized body, id, date) live here.
 */
final class RecordEmitter {
  /** Field values as found in one record; blank optional values already turned into null. */
  record Fields(
      @Nullable String id,
      @Nullable String title,
      String body,
      @Nullable String published,
      @Nullable String source,
      @Nullable String url) {}

  private final String sourceFile;
  private final String fileName;
  private final String idName;
  private final ArticleParser.Sink sink;
  private final DateParser dateParser;
  private final int maxArticleChars;

  private long read;
  private long processed;
  private long rejected;
  private long unparsedDates;
  private long lastRecord;
  /** A record was counted as read and has not been accepted or rejected yet. */
  private boolean unresolved;
  private @Nullable String lastWhere;

  /** @param idName how automatic ids name the file ({@link FileIds}) */
  RecordEmitter(
      String sourceFile,
      String idName,
      ArticleParser.Sink sink,
      DateParser dateParser,
      int maxArticleChars) {
    this.sourceFile = sourceFile;
    this.fileName = InputFormat.fileNameOf(sourceFile);
    this.idName = idName;
    this.sink = sink;
    this.dateParser = dateParser;
    this.maxArticleChars = maxArticleChars;
  }

  /** The last path component, used in messages. */
  String fileName() {
    return fileName;
  }

  /** The file's name in automatic ids. */
  String idName() {
    return idName;
  }

  int maxArticleChars() {
    return maxArticleChars;
  }

  /**
   * Counts a record as read; each call must be followed by exactly one {@link #accept} or {@link
   * #reject}.
   *
   * @param where how messages name the record, e.g. {@code line 17}; null for the whole file
   */
  void recordRead(long record, @Nullable String where) {
    read++;
    unresolved = true;
    passed(record, where);
  }

  /** Notes how far reading got, for a later {@link #readError}, without counting a record. */
  void passed(long record, @Nullable String where) {
    lastRecord = record;
    lastWhere = where;
  }

  void reject(long record, @Nullable String where, String reason, String detail, String rawText) {
    sink.rejected(new RejectedRecord(sourceFile, record, reason, message(where, detail), rawText));
    unresolved = false;
    rejected++;
  }

  /** Checks the body and emits the article, or rejects it. */
  void accept(long record, @Nullable String where, Fields fields, String rawText) {
    String body = fields.body();
    if (isBlank(body)) {
      reject(
          record,
          where,
          RejectReason.EMPTY_BODY,
          body.isBlank()
              ? "the body is empty"
              : "the body is empty: it has only invisible characters (no-break spaces, controls)",
          rawText);
      return;
    }
    if (body.length() > maxArticleChars) {
      reject(
          record,
          where,
          RejectReason.ARTICLE_TOO_LARGE,
          "the body has " + body.length() + " characters, more than the limit of " + maxArticleChars,
          rawText);
      return;
    }
    String id = fields.id() == null || fields.id().isBlank() ? idName + ":" + record : fields.id();
    Long published = dateParser.parseMillis(fields.published());
    boolean dateUnparsed = published == null && fields.published() != null;
    sink.article(
        new Article(
            id, fields.title(), body, published, fields.source(), fields.url(), sourceFile, record));
    unresolved = false;
    processed++;
    if (dateUnparsed) {
      unparsedDates++;
    }
  }

  /**
   * Reports that the file could not be read on; what was emitted before stays emitted. The record
   * being handled when it failed is the one rejected; otherwise this counts as one more record.
   */
  void readError(Exception e) {
    long record;
    String detail;
    if (lastWhere == null) {
      record = 0;
      detail = read == 0 ? "read error, file skipped: " : "read error: ";
    } else if (unresolved) {
      record = lastRecord;
      detail = "read error in " + lastWhere + ", the rest of the file was skipped: ";
    } else {
      record = lastRecord + 1;
      detail = "read error after " + lastWhere + ", the rest of the file was skipped: ";
    }
    if (!unresolved) {
      read++;
    }
    sink.rejected(
        new RejectedRecord(
            sourceFile, record, RejectReason.READ_ERROR, message(null, detail + describe(e)), ""));
    unresolved = false;
    rejected++;
  }

  ParseCounts counts() {
    return new ParseCounts(read, processed, rejected, unparsedDates);
  }

  String message(@Nullable String where, String detail) {
    return where == null ? fileName + ": " + detail : fileName + " " + where + ": " + detail;
  }

  static String describe(Throwable e) {
    String text = e.getMessage() == null ? "" : ": " + e.getMessage();
    return e.getClass().getSimpleName() + shorten(text, 300);
  }

  static String shorten(String text, int maxChars) {
    return text.length() <= maxChars ? text : text.substring(0, maxChars) + "...";
  }

  /**
   * True when the text has nothing to read: only whitespace (no-break spaces too), control and format
   * characters (zero-width spaces, byte order marks), as the text normalizer sees them.
   */
  static boolean isBlank(String text) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int type = Character.getType(c);
      if (!(Character.isWhitespace(c)
          || Character.isSpaceChar(c)
          || type == Character.CONTROL
          || type == Character.FORMAT)) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
