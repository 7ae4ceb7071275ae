package org.corpusanalytics.transforms.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import javax.annotation.Nullable;
import org.corpusanalytics.transforms.model.RejectedRecord;

/**
 * The character stream Commons CSV parses: each physical line decoded on its own by {@link
 * LenientDecoder}, original line terminators kept (they can be part of a quoted field).
 *
 * <p>It also follows the RFC 4180 quoting rules itself, the same way Commons CSV does, to know where
 * each record starts. That gives what the parser cannot: the raw text of a rejected record (for the
 * excerpt), the line it started on, whether a quoted field has text after its closing quote, and a
 * cap on record size so that a stray quote cannot pull the rest of a large file into memory.
 */
final class LenientCsvReader extends Reader {
  /** Where a record starts and how it looks; index 0 is the header. */
  static final class RecordStart {
    final long index;
    final long line;
    final StringBuilder excerpt = new StringBuilder();
    long chars;
    boolean textAfterClosingQuote;

    RecordStart(long index, long line) {
      this.index = index;
      this.line = line;
    }
  }

  /** The underlying stream failed (as opposed to a CSV syntax problem). */
  static final class StreamFailure extends IOException {
    private static final long serialVersionUID = 1L;

    StreamFailure(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** A record grew past the cap; reading stops. */
  static final class RecordTooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final transient RecordStart record;

    RecordTooLarge(RecordStart record, long maxChars) {
      super("record " + record.index + " is longer than " + maxChars + " characters");
      this.record = record;
    }
  }

  private enum State { BETWEEN_RECORDS, FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, AFTER_QUOTED }

  private final ByteLineReader lines;
  private final long maxRecordChars;
  private final ArrayDeque<RecordStart> pending = new ArrayDeque<>();
  private String current = "";
  private int currentPosition;
  private State state = State.BETWEEN_RECORDS;
  private long nextIndex;
  private @Nullable RecordStart open;
  private boolean endedInsideQuotes;

  LenientCsvReader(ByteLineReader lines, long maxRecordChars) {
    this.lines = lines;
    this.maxRecordChars = maxRecordChars;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (currentPosition >= current.length()) {
      if (!nextLine()) {
        return -1;
      }
    }
    int n = Math.min(length, current.length() - currentPosition);
    current.getChars(currentPosition, currentPosition + n, buffer, offset);
    currentPosition += n;
    return n;
  }

  /** The start of record {@code index}, dropping those before it; null if not seen. */
  @Nullable RecordStart take(long index) {
    while (!pending.isEmpty() && pending.peekFirst().index < index) {
      pending.pollFirst();
    }
    return !pending.isEmpty() && pending.peekFirst().index == index ? pending.pollFirst() : null;
  }

  /** True once the input ended inside a quoted field. */
  boolean endedInsideQuotes() {
    return endedInsideQuotes;
  }

  /** The caller owns the stream. */
  @Override
  public void close() {}

  private boolean nextLine() throws IOException {
    boolean more;
    try {
      more = lines.next();
    } catch (IOException e) {
      throw new StreamFailure(e);
    }
    if (!more) {
      endedInsideQuotes = state == State.QUOTED;
      return false;
    }
    if (lines.tooLong()) {
      throw new RecordTooLarge(open != null ? open : startRecord(), maxRecordChars);
    }
    String text = LenientDecoder.decode(lines.bytes(), 0, lines.length()) + lines.terminator();
    scan(text);
    current = text;
    currentPosition = 0;
    return true;
  }

  private void scan(String text) throws RecordTooLarge {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean endOfLine = c == '\n' || c == '\r';
      if (state == State.BETWEEN_RECORDS) {
        if (endOfLine) {
          continue; // empty lines are skipped, as the parser is told to
        }
        startRecord();
        state = State.FIELD_START;
      }
      switch (state) {
        case FIELD_START -> {
          if (c == '"') {
            state = State.QUOTED;
          } else if (endOfLine) {
            endRecord();
          } else if (c != ',') {
            state = State.UNQUOTED;
          }
        }
        case UNQUOTED -> {
          if (c == ',') {
            state = State.FIELD_START;
          } else if (endOfLine) {
            endRecord();
          }
        }
        case QUOTED -> {
          if (c == '"') {
            state = State.QUOTE_IN_QUOTED;
          }
        }
        case QUOTE_IN_QUOTED, AFTER_QUOTED -> {
          if (c == '"' && state == State.QUOTE_IN_QUOTED) {
            state = State.QUOTED; // an escaped quote
          } else if (c == ',') {
            state = State.FIELD_START;
          } else if (endOfLine) {
            endRecord();
          } else {
            state = State.AFTER_QUOTED;
            open.textAfterClosingQuote |= !Character.isWhitespace(c);
          }
        }
        default -> throw new IllegalStateException(state.toString());
      }
      if (open != null) {
        open.chars++;
        if (open.excerpt.length() < RejectedRecord.MAX_EXCERPT_CHARS) {
          open.excerpt.append(c);
        }
        if (open.chars > maxRecordChars) {
          throw new RecordTooLarge(open, maxRecordChars);
        }
      }
    }
  }

  private RecordStart startRecord() {
    open = new RecordStart(nextIndex++, lines.lineNumber());
    pending.addLast(open);
    return open;
  }

  private void endRecord() {
    state = State.BETWEEN_RECORDS;
    open = null;
  }
}
