package org.corpusanalytics.transforms.model;

import java.io.Serializable;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;

/**
 * An input record that could not become an article, or a limit that was applied to one. Every
 * rejection names the file and the record so a user can find it.
 */
@DefaultCoder(AvroCoder.class)
public final class RejectedRecord implements Serializable {
  public static final int MAX_EXCERPT_CHARS = 200;

  private String sourceFile;
  /** 1-based line or record number; 0 when the whole file is meant. */
  private long record;
  private String reason;
  private String message;
  @org.apache.avro.reflect.Nullable private @Nullable String excerpt;

  @SuppressWarnings("unused") // for AvroCoder
  private RejectedRecord() {
    this("", 0, "", "", null);
  }

  public RejectedRecord(
      String sourceFile, long record, String reason, String message, @Nullable String excerpt) {
    this.sourceFile = Objects.requireNonNull(sourceFile);
    this.record = record;
    this.reason = Objects.requireNonNull(reason);
    this.message = Objects.requireNonNull(message);
    this.excerpt = excerpt == null ? null : excerpt(excerpt);
  }

  /** At most {@link #MAX_EXCERPT_CHARS} characters, cut on a code point boundary. */
  public static String excerpt(String text) {
    if (text.length() <= MAX_EXCERPT_CHARS) {
      return text;
    }
    int end = MAX_EXCERPT_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  public String sourceFile() {
    return sourceFile;
  }

  public long record() {
    return record;
  }

  public String reason() {
    return reason;
  }

  public String message() {
    return message;
  }

  public @Nullable String excerpt() {
    return excerpt;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof RejectedRecord)) {
      return false;
    }
    RejectedRecord r = (RejectedRecord) o;
    return record == r.record
        && sourceFile.equals(r.sourceFile)
        && reason.equals(r.reason)
        && message.equals(r.message)
        && Objects.equals(excerpt, r.excerpt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sourceFile, record, reason);
  }

  @Override
  public String toString() {
    return sourceFile + (record > 0 ? ":" + record : "") + ": " + reason + ": " + message;
  }
}
