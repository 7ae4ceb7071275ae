package org.corpusanalytics.transforms.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads physical lines as raw bytes so each line can be decoded on its own (one Latin-1 line must not
 * change how the others are read). Lines end at {@code \n}; a {@code \r} before it is reported as
 * part of the terminator. Memory stays bounded: a line longer than {@code maxLineBytes} is skipped
 * over and only its first bytes are kept, for an excerpt.
 */
final class ByteLineReader {
  /** How many bytes of an over-long line are kept to show the user. */
  static final int KEPT_PREFIX_BYTES = 1024;

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;
  private boolean endOfStream;

  private byte[] line = new byte[256];
  private int lineLength;
  private long lineBytes;
  private boolean tooLong;
  private boolean endsWithCr;
  private String terminator = "";
  private long lineNumber;

  ByteLineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Advances to the next line; false at the end of the stream. */
  boolean next() throws IOException {
    lineLength = 0;
    lineBytes = 0;
    tooLong = false;
    endsWithCr = false;
    boolean sawByte = false;
    while (true) {
      if (position >= limit && !fill()) {
        if (!sawByte) {
          return false;
        }
        terminator = "";
        break;
      }
      sawByte = true;
      int start = position;
      int end = start;
      while (end < limit && buffer[end] != '\n') {
        end++;
      }
      append(start, end - start);
      if (end < limit) {
        position = end + 1;
        terminator = "\n";
        break;
      }
      position = limit;
    }
    if (endsWithCr && terminator.equals("\n")) {
      terminator = "\r\n";
      lineBytes--;
      if (!tooLong) {
        lineLength--;
      }
    }
    lineNumber++;
    return true;
  }

  /** The current line's bytes, without its terminator; only a prefix if {@link #tooLong()}. */
  byte[] bytes() {
    return line;
  }

  int length() {
    return lineLength;
  }

  /** The full length of the current line in bytes, even when only a prefix was kept. */
  long lineBytes() {
    return lineBytes;
  }

  boolean tooLong() {
    return tooLong;
  }

  /** {@code "\n"}, {@code "\r\n"}, or empty for a last line without one. */
  String terminator() {
    return terminator;
  }

  /** 1-based number of the current line. */
  long lineNumber() {
    return lineNumber;
  }

  /** The kept prefix of an over-long line, cut back to a UTF-8 character boundary. */
  int prefixLengthOnCharBoundary() {
    int end = lineLength;
    if (tooLong) {
      // Drop a trailing partial multi-byte sequence (continuation bytes and their lead byte).
      int i = end;
      while (i > 0 && (line[i - 1] & 0xC0) == 0x80) {
        i--;
      }
      if (i > 0 && (line[i - 1] & 0xC0) == 0xC0) {
        end = i - 1;
      }
    }
    return end;
  }

  private void append(int start, int count) {
    if (count == 0) {
      return;
    }
    lineBytes += count;
    endsWithCr = buffer[start + count - 1] == '\r';
    if (tooLong) {
      return;
    }
    int keep = count;
    if (lineBytes > maxLineBytes) {
      tooLong = true;
      lineLength = Math.min(lineLength, KEPT_PREFIX_BYTES);
      keep = Math.min(count, KEPT_PREFIX_BYTES - lineLength);
    }
    if (lineLength + keep > line.length) {
      int grown = (int) Math.min(maxLineBytes, 2L * line.length);
      line = Arrays.copyOf(line, Math.max(lineLength + keep, grown));
    }
    System.arraycopy(buffer, start, line, lineLength, keep);
    lineLength += keep;
  }

  private boolean fill() throws IOException {
    if (endOfStream) {
      return false;
    }
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      endOfStream = true;
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }
}
