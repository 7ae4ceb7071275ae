package org.corpusanalytics.transforms.io;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Turns a {@code published} value into epoch milliseconds (UTC). An optional user pattern ({@code
 * --dateFormat}, a {@link DateTimeFormatter} pattern, case-insensitive, English month names) is tried
 * first; then ISO-8601: date-times with an offset, {@code Z} or a zone, local date-times (taken as
 * UTC), and plain dates (midnight UTC). A missing zone always means UTC so results do not depend on
 * the worker's time zone.
 */
public final class DateParser implements Serializable {
  private static final long serialVersionUID = 1L;

  private final @Nullable String pattern;
  // DateTimeFormatter is not Serializable: rebuilt lazily on each worker.
  private transient @Nullable DateTimeFormatter userFormatter;

  /**
   * @param pattern a {@link DateTimeFormatter} pattern, or null/blank for ISO-8601 only
   * @throws IllegalArgumentException if the pattern is invalid
   */
  public DateParser(@Nullable String pattern) {
    this.pattern = pattern == null || pattern.isBlank() ? null : pattern;
    this.userFormatter = buildUserFormatter(this.pattern);
  }

  public static DateParser isoOnly() {
    return new DateParser(null);
  }

  public @Nullable String pattern() {
    return pattern;
  }

  /** Epoch milliseconds UTC, or null if the text is null, blank or in no accepted form. */
  public @Nullable Long parseMillis(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.trim();
    if (pattern != null) {
      if (userFormatter == null) {
        userFormatter = buildUserFormatter(pattern);
      }
      Long millis = parseWith(userFormatter, value);
      if (millis != null) {
        return millis;
      }
    }
    Long millis = parseWith(DateTimeFormatter.ISO_DATE_TIME, value);
    return millis != null ? millis : parseWith(DateTimeFormatter.ISO_LOCAL_DATE, value);
  }

  private static @Nullable Long parseWith(@Nullable DateTimeFormatter formatter, String value) {
    if (formatter == null) {
      return null;
    }
    try {
      TemporalAccessor parsed =
          formatter.parseBest(value, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
      if (parsed instanceof ZonedDateTime) {
        return ((ZonedDateTime) parsed).toInstant().toEpochMilli();
      } else if (parsed instanceof LocalDateTime) {
        return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC).toEpochMilli();
      } else {
        return ((LocalDate) parsed).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      }
    } catch (DateTimeException | ArithmeticException e) {
      // Unparseable or out of range: the caller keeps the article undated and counts it.
      return null;
    }
  }

  private static @Nullable DateTimeFormatter buildUserFormatter(@Nullable String pattern) {
    if (pattern == null) {
      return null;
    }
    try {
      // Strict, as the ISO parsers are: 30-FEB-2023 is no date, not 28 February. Strict
      // resolution needs the era of a year-of-era (yyyy), which patterns rarely give.
      return new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern(pattern)
          .parseDefaulting(ChronoField.ERA, 1)
          .toFormatter(Locale.ENGLISH)
          .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid date format '" + pattern + "': " + e.getMessage()
              + " (expected a java.time DateTimeFormatter pattern such as d-MMM-yyyy HH:mm:ss.SS)",
          e);
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof DateParser && Objects.equals(((DateParser) o).pattern, pattern);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(pattern);
  }

  @Override
  public String toString() {
    return "DateParser{" + (pattern == null ? "ISO-8601" : pattern + ", then ISO-8601") + "}";
  }
}
