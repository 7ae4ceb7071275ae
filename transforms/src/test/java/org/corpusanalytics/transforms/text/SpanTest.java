package org.corpusanalytics.transforms.text;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class SpanTest {

  @Test
  public void hasValueEquality() {
    assertThat(new Span(2, 5), equalTo(new Span(2, 5)));
    assertThat(new Span(2, 5).hashCode(), is(new Span(2, 5).hashCode()));
    assertThat(new Span(2, 5), not(equalTo(new Span(2, 6))));
  }

  @Test
  public void cutsItsTextOutOfAString() {
    Span span = new Span(4, 9);
    assertThat(span.substringOf("the quick fox"), is("quick"));
    assertThat(span.length(), is(5));
    assertThat(span.isEmpty(), is(false));
    assertThat(new Span(3, 3).isEmpty(), is(true));
  }

  @Test
  public void rejectsInvalidRanges() {
    assertThrows(IllegalArgumentException.class, () -> new Span(-1, 2));
    assertThrows(IllegalArgumentException.class, () -> new Span(5, 4));
  }
}
