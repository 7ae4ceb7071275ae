package org.corpusanalytics.transforms.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import java.time.Instant;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.Test;

public class DateParserTest {
  private static final String REUTERS_PATTERN = "d-MMM-yyyy HH:mm:ss.SS";

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  public void isoDateIsMidnightUtc() {
    assertThat(DateParser.isoOnly().parseMillis("2024-03-01"), is(millis("2024-03-01T00:00:00Z")));
  }

  @Test
  public void isoDateTimeWithZOrOffset() {
    DateParser p = DateParser.isoOnly();
    assertThat(p.parseMillis("2024-03-01T10:15:30Z"), is(millis("2024-03-01T10:15:30Z")));
    assertThat(p.parseMillis("2024-03-01T10:15:30.5+02:00"), is(millis("2024-03-01T08:15:30.500Z")));
    assertThat(p.parseMillis("2024-03-01T10:15:30-05:00"), is(millis("2024-03-01T15:15:30Z")));
  }

  @Test
  public void localDateTimeIsTakenAsUtc() {
    assertThat(
        DateParser.isoOnly().parseMillis("2024-03-01T10:15:30"), is(millis("2024-03-01T10:15:30Z")));
  }

  @Test
  public void inputIsTrimmed() {
    assertThat(DateParser.isoOnly().parseMillis("  2024-03-01 "), is(millis("2024-03-01T00:00:00Z")));
  }

  @Test
  public void reutersDatesWithPattern() {
    DateParser p = new DateParser(REUTERS_PATTERN);
    assertThat(p.parseMillis(" 3-MAR-1987 09:18:21.26"), is(millis("1987-03-03T09:18:21.260Z")));
    assertThat(p.parseMillis("26-FEB-1987 15:01:01.79"), is(millis("1987-02-26T15:01:01.790Z")));
  }

  @Test
  public void isoStillAcceptedWhenPatternDoesNotMatch() {
    assertThat(
        new DateParser(REUTERS_PATTERN).parseMillis("2024-03-01"), is(millis("2024-03-01T00:00:00Z")));
  }

  @Test
  public void patternForDateOnly() {
    assertThat(
        new DateParser("dd/MM/yyyy").parseMillis("05/11/2023"), is(millis("2023-11-05T00:00:00Z")));
  }

  @Test
  public void garbageNullAndBlankGiveNull() {
    DateParser p = new DateParser(REUTERS_PATTERN);
    assertThat(p.parseMillis("yesterday"), is(nullValue()));
    assertThat(p.parseMillis("2024-13-45"), is(nullValue()));
    assertThat(p.parseMillis("1709251200000"), is(nullValue()));
    assertThat(p.parseMillis(""), is(nullValue()));
    assertThat(p.parseMillis(null), is(nullValue()));
  }

  @Test
  public void impossibleDatesAreNoDatesWithAPatternToo() {
    DateParser p = new DateParser("d-MMM-yyyy");
    assertThat(p.parseMillis("30-FEB-2023"), is(nullValue()));
    assertThat(p.parseMillis("31-APR-2024"), is(nullValue()));
    assertThat(p.parseMillis("29-FEB-2024"), is(millis("2024-02-29T00:00:00Z")));
    assertThat(new DateParser("dd/MM/uuuu").parseMillis("31/12/2023"), is(millis("2023-12-31T00:00:00Z")));
    assertThat(new DateParser("dd/MM/uuuu").parseMillis("31/11/2023"), is(nullValue()));
    assertThat(
        new DateParser("yyyy-MM-dd G").parseMillis("2023-01-05 AD"), is(millis("2023-01-05T00:00:00Z")));
  }

  @Test
  public void invalidPatternFailsEarlyWithClearMessage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new DateParser("yyyy-MM-dd {"));
    assertThat(e.getMessage(), containsString("Invalid date format 'yyyy-MM-dd {'"));
  }

  @Test
  public void worksAfterSerialization() {
    DateParser copy = SerializableUtils.clone(new DateParser(REUTERS_PATTERN));
    assertThat(copy.parseMillis(" 3-MAR-1987 09:18:21.26"), is(millis("1987-03-03T09:18:21.260Z")));
  }
}
