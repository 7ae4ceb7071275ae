package org.corpusanalytics.transforms.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Objects;
import javax.annotation.Nullable;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.model.RejectedRecord;

/**
 * Turns one decompressed input file into articles and rejections, streaming (only a text-format file
 * is held whole, and only up to the size limit). Plain Java so it can be tested without Beam.
 *
 * <p>Nothing in the content makes it throw: bad records, bad files and read failures all become
 * {@link RejectedRecord}s, see {@link RejectReason}. A read failure keeps what was emitted before it.
 */
public final class ArticleParser {
  /** Default limit on a body's length in characters. */
  public static final int DEFAULT_MAX_ARTICLE_CHARS = 5_000_000;

  /** A NUL byte in this many leading bytes marks a file as binary. */
  static final int SNIFF_BYTES = 8 * 1024;

  /**
   * A file whose first bytes hold more than 1/20 of C0 control characters other than tab, line
   * breaks, form feed and escape (at least {@link #MIN_CONTROL_BYTES} of them) is binary; text has
   * almost none, random bytes about 1/10.
   */
  static final int CONTROL_BYTES_DIVISOR = 20;

  static final int MIN_CONTROL_BYTES = 4;

  // Java arrays cannot quite reach Integer.MAX_VALUE elements.
  private static final int MAX_ARRAY_SIZE = Integer.MAX_VALUE - 16;

  /** Receives a file's results as they are produced. */
  public interface Sink {
    void article(Article article);

    void rejected(RejectedRecord rejected);
  }

  private final @Nullable InputFormat format;
  private final DateParser dateParser;
  private final int maxArticleChars;
  private final JsonLinesParser jsonLines;
  private final CsvArticleParser csv;

  /**
   * @param format the layout of every file, or null to detect it from each file's name
   * @param maxArticleChars longest body kept, in characters ({@link #DEFAULT_MAX_ARTICLE_CHARS})
   */
  public ArticleParser(
      @Nullable InputFormat format, FieldMap fieldMap, DateParser dateParser, int maxArticleChars) {
    if (maxArticleChars <= 0) {
      throw new IllegalArgumentException("maxArticleChars must be positive, got " + maxArticleChars);
    }
    this.format = format;
    this.dateParser = Objects.requireNonNull(dateParser, "dateParser");
    this.maxArticleChars = maxArticleChars;
    this.jsonLines = new JsonLinesParser(Objects.requireNonNull(fieldMap, "fieldMap"), maxArticleChars);
    this.csv = new CsvArticleParser(fieldMap, maxArticleChars);
  }

  /** Parses one file whose automatic ids use its file name. */
  public ParseCounts parse(String fileName, InputStream in, Sink sink) {
    return parse(fileName, InputFormat.fileNameOf(fileName), in, sink);
  }

  /**
   * Parses one file.
   *
   * @param fileName the file's full path or URI; stored in results, its last component names it in
   *     messages
   * @param idName how automatic ids name the file: its path below the inputs' common folder
   *     ({@link FileIds#relativeName})
   * @param in the file's content, already decompressed; not closed here
   */
  public ParseCounts parse(String fileName, String idName, InputStream in, Sink sink) {
    RecordEmitter out = new RecordEmitter(fileName, idName, sink, dateParser, maxArticleChars);
    try {
      Head head = Head.read(in);
      if (head.length == 0 && head.failure != null) {
        out.readError(head.failure);
      } else if (head.length == 0) {
        rejectFile(out, RejectReason.EMPTY_FILE, "the file is empty (0 bytes after decompression)");
      } else if (head.startsWithUtf16Mark()) {
        rejectFile(
            out,
            RejectReason.BINARY_FILE,
            "a UTF-16 byte order mark: text in UTF-16, which is not supported (convert it to"
                + " UTF-8)");
      } else if (head.containsNul()) {
        rejectFile(
            out,
            RejectReason.BINARY_FILE,
            "a NUL byte in the first 8 KiB: a binary file, or text in UTF-16/UTF-32,"
                + " which is not supported (convert it to UTF-8)");
      } else if (head.mostlyControlBytes()) {
        rejectFile(
            out,
            RejectReason.BINARY_FILE,
            "more than " + (100 / CONTROL_BYTES_DIVISOR) + "% of the first " + head.length
                + " bytes are control characters: a binary file, not text");
      } else {
        InputStream whole =
            new SequenceInputStream(
                new ByteArrayInputStream(head.bytes, 0, head.length),
                head.failure == null ? in : new FailingStream(head.failure));
        InputFormat fileFormat = format != null ? format : InputFormat.detect(fileName);
        switch (fileFormat) {
          case TEXT -> parseText(whole, out);
          case JSONL -> jsonLines.parse(whole, out);
          case CSV -> csv.parse(whole, out);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Whatever went wrong, the records emitted so far stand and the user is told where it stopped.
      out.readError(e);
    }
    return out.counts();
  }

  /** A text file is one article: its id is the file name without extensions, its body all of it. */
  private void parseText(InputStream in, RecordEmitter out) throws IOException {
    // A file of more than 3 bytes per allowed character cannot decode to an allowed body.
    int maxBytes = cappedArraySize(3L * maxArticleChars);
    byte[] bytes = in.readNBytes(maxBytes + 1);
    out.recordRead(0, null);
    if (bytes.length > maxBytes) {
      out.reject(
          0,
          null,
          RejectReason.ARTICLE_TOO_LARGE,
          "the file has more than " + maxBytes + " bytes, more than an article within the limit of "
              + maxArticleChars + " characters can take",
          LenientDecoder.decode(bytes, 0, Math.min(bytes.length, ByteLineReader.KEPT_PREFIX_BYTES)));
      return;
    }
    String body = LenientDecoder.decode(bytes);
    if (body.chars().allMatch(Character::isWhitespace)) {
      out.reject(0, null, RejectReason.EMPTY_FILE, "the file has only blank lines", "");
      return;
    }
    out.accept(
        0,
        null,
        new RecordEmitter.Fields(FileIds.textId(out.idName()), null, body, null, null, null),
        body);
  }

  private static void rejectFile(RecordEmitter out, String reason, String detail) {
    out.recordRead(0, null);
    out.reject(0, null, reason, detail, "");
  }

  /**
   * The first {@link #SNIFF_BYTES} of a file, for the empty and binary checks. A failure while reading
   * them is kept for later, so that the records before it (a short truncated file) are still read.
   */
  private static final class Head {
    final byte[] bytes = new byte[SNIFF_BYTES];
    int length;
    @Nullable Exception failure;

    static Head read(InputStream in) {
      Head head = new Head();
      try {
        int n;
        while (head.length < SNIFF_BYTES
            && (n = in.read(head.bytes, head.length, SNIFF_BYTES - head.length)) >= 0) {
          head.length += n;
        }
      } catch (IOException | RuntimeException e) {
        head.failure = e;
      }
      return head;
    }

    boolean mostlyControlBytes() {
      int controls = 0;
      for (int i = 0; i < length; i++) {
        int b = bytes[i] & 0xFF;
        if (b < 0x20 && b != '\t' && b != '\n' && b != 0x0B && b != '\f' && b != '\r' && b != 0x1B) {
          controls++;
        }
      }
      return controls >= MIN_CONTROL_BYTES && (long) controls * CONTROL_BYTES_DIVISOR > length;
    }

    /** A UTF-16 byte order mark: text of which few characters hold a NUL byte (CJK) has one. */
    boolean startsWithUtf16Mark() {
      return length >= 2
          && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
              || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
    }

    boolean containsNul() {
      for (int i = 0; i < length; i++) {
        if (bytes[i] == 0) {
          return true;
        }
      }
      return false;
    }
  }

  /** Throws, on first read, the failure met while reading the {@link Head}. */
  private static final class FailingStream extends InputStream {
    private final Exception failure;

    FailingStream(Exception failure) {
      this.failure = failure;
    }

    @Override
    public int read() throws IOException {
      if (failure instanceof IOException) {
        throw (IOException) failure;
      }
      throw (RuntimeException) failure;
    }
  }

  /** {@code size} limited to what a Java array can hold. */
  static int cappedArraySize(long size) {
    return (int) Math.min(size, MAX_ARRAY_SIZE - 1);
  }
}
