package org.corpusanalytics.transforms.io;

import java.io.Serializable;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What happened to one file's records: every record read is either processed into an article or
 * rejected, so {@code read == processed + rejected}. A whole-file rejection (empty, binary, missing
 * CSV body column, read error) counts as one record read and rejected.
 */
public final class ParseCounts implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long read;
  private final long processed;
  private final long rejected;
  private final long unparsedDates;

  public ParseCounts(long read, long processed, long rejected, long unparsedDates) {
    this.read = read;
    this.processed = processed;
    this.rejected = rejected;
    this.unparsedDates = unparsedDates;
  }

  public long read() {
    return read;
  }

  public long processed() {
    return processed;
  }

  public long rejected() {
    return rejected;
  }

  /** Articles kept without a date because their published value could not be parsed. */
  public long unparsedDates() {
    return unparsedDates;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ParseCounts)) {
      return false;
    }
    ParseCounts c = (ParseCounts) o;
    return read == c.read
        && processed == c.processed
        && rejected == c.rejected
        && unparsedDates == c.unparsedDates;
  }

  @Override
  public int hashCode() {
    return Objects.hash(read, processed, rejected, unparsedDates);
  }

  @Override
  public String toString() {
    return "read=" + read + " processed=" + processed + " rejected=" + rejected
        + " unparsedDates=" + unparsedDates;
  }
}
