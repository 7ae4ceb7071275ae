package org.corpusanalytics.transforms.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.util.Map;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.Test;

public class FieldMapTest {
  @Test
  public void mapsGivenFieldsAndLeavesOthersUnderTheirOwnName() {
    FieldMap map = FieldMap.parse("body=content, published = date");
    assertThat(map.inputName("body"), is("content"));
    assertThat(map.inputName("published"), is("date"));
    assertThat(map.inputName("title"), is("title"));
    assertThat(map.mappings(), is(Map.of("body", "content", "published", "date")));
  }

  @Test
  public void nullOrBlankIsIdentity() {
    assertThat(FieldMap.parse(null), is(FieldMap.identity()));
    assertThat(FieldMap.parse("  "), is(FieldMap.identity()));
    assertThat(FieldMap.identity().inputName("url"), is("url"));
  }

  @Test
  public void rejectsUnknownCanonicalField() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FieldMap.parse("text=content"));
    assertThat(e.getMessage(), containsString("'text'"));
    assertThat(e.getMessage(), containsString("id, title, body, published, source, url"));
  }

  @Test
  public void rejectsMalformedEntries() {
    for (String spec : new String[] {"body", "body=", "=content", "body=a=b", "body=a,,title=t"}) {
      IllegalArgumentException e =
          assertThrows(spec, IllegalArgumentException.class, () -> FieldMap.parse(spec));
      assertThat(e.getMessage(), containsString("canonical=inputName"));
    }
  }

  @Test
  public void rejectsFieldMappedTwice() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FieldMap.parse("body=a,body=b"));
    assertThat(e.getMessage(), containsString("more than once"));
  }

  @Test
  public void inputNameRejectsUnknownCanonicalField() {
    assertThrows(IllegalArgumentException.class, () -> FieldMap.identity().inputName("author"));
  }

  @Test
  public void survivesSerialization() {
    FieldMap map = FieldMap.parse("body=content");
    FieldMap copy = SerializableUtils.clone(map);
    assertThat(copy, is(map));
    assertThat(copy.inputName("body"), is("content"));
  }
}
