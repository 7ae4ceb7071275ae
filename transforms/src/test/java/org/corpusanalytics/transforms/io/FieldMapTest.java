package org.corpusanalytics.transforms.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.Test;

public class FieldMapTest {
  @Test
  public void mapsGivenFieldsAndLeavesOthersUnderTheirOwnName() {
    FieldMap map = FieldMap.parse("body=content, published = date");
    assertThat(map.inputNames("body"), is(List.of("content")));
    assertThat(map.inputNames("published"), is(List.of("date")));
    assertThat(map.inputNames("title"), is(List.of("title", "headline")));
    assertThat(map.describe("body"), is("'content'"));
    assertThat(map.mappings(), is(Map.of("body", "content", "published", "date")));
  }

  @Test
  public void nullOrBlankIsIdentity() {
    assertThat(FieldMap.parse(null), is(FieldMap.identity()));
    assertThat(FieldMap.parse("  "), is(FieldMap.identity()));
    assertThat(FieldMap.identity().inputNames("url"), is(List.of("url", "link")));
    assertThat(
        FieldMap.identity().inputNames("body"), is(List.of("body", "text", "content", "article")));
    assertThat(FieldMap.identity().describe("body"), is("'body', 'text', 'content', 'article'"));
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
    assertThrows(IllegalArgumentException.class, () -> FieldMap.identity().inputNames("author"));
  }

  @Test
  public void survivesSerialization() {
    FieldMap map = FieldMap.parse("body=content");
    FieldMap copy = SerializableUtils.clone(map);
    assertThat(copy, is(map));
    assertThat(copy.inputNames("body"), is(List.of("content")));
  }
}
