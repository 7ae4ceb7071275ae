package org.corpusanalytics.transforms.window;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * An inclusive window of publication dates, each end optional. A date is the UTC calendar date of
 * an article's {@code published} instant, the same date the {@code articles} table shows.
 *
 * <p>With no bound set the window is {@linkplain #isUnbounded() unbounded} and holds every article,
 * dated or not. With a bound set, an article without a date is {@link Verdict#UNDATED} and is left
 * out, since nothing says it falls inside.
 */
public final class PublishedWindow implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Where an article falls. */
  public enum Verdict {
    INSIDE,
    UNDATED,
    OUTSIDE
  }

  private static final PublishedWindow UNBOUNDED = new PublishedWindow(null, null);

  private final @Nullable LocalDate from;
  private final @Nullable LocalDate to;

  private PublishedWindow(@Nullable LocalDate from, @Nullable LocalDate to) {
    this.from = from;
    this.to = to;
  }

  public static PublishedWindow unbounded() {
    return UNBOUNDED;
  }

  public static PublishedWindow between(@Nullable LocalDate from, @Nullable LocalDate to) {
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException(
          "--publishedFrom " + from + " is after --publishedTo " + to);
    }
    return new PublishedWindow(from, to);
  }

  /**
   * Parses the two option values ({@code YYYY-MM-DD}, empty for no bound), failing with a message
   * that names the option.
   */
  public static PublishedWindow parse(@Nullable String from, @Nullable String to) {
    return between(date("--publishedFrom", from), date("--publishedTo", to));
  }

  private static @Nullable LocalDate date(String option, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + " must be a date YYYY-MM-DD; got '" + value + "'", e);
    }
  }

  public @Nullable LocalDate from() {
    return from;
  }

  public @Nullable LocalDate to() {
    return to;
  }

  public boolean isUnbounded() {
    return from == null && to == null;
  }

  /** Where an article published at {@code publishedMillis} (null: no date) falls. */
  public Verdict classify(@Nullable Long publishedMillis) {
    if (isUnbounded()) {
      return Verdict.INSIDE;
    }
    if (publishedMillis == null) {
      return Verdict.UNDATED;
    }
    return contains(LocalDate.ofInstant(Instant.ofEpochMilli(publishedMillis), ZoneOffset.UTC))
        ? Verdict.INSIDE
        : Verdict.OUTSIDE;
  }

  public boolean contains(LocalDate date) {
    return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PublishedWindow
        && Objects.equals(from, ((PublishedWindow) o).from)
        && Objects.equals(to, ((PublishedWindow) o).to);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to);
  }

  @Override
  public String toString() {
    return isUnbounded() ? "any date" : (from == null ? "…" : from) + " to " + (to == null ? "…" : to);
  }
}
