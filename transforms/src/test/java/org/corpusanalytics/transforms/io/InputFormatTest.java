package org.corpusanalytics.transforms.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import org.apache.beam.sdk.io.Compression;
import org.junit.Test;

public class InputFormatTest {
  @Test
  public void detectsFormatFromExtension() {
    assertThat(InputFormat.detect("a.txt"), is(InputFormat.TEXT));
    assertThat(InputFormat.detect("a.text"), is(InputFormat.TEXT));
    assertThat(InputFormat.detect("a.jsonl"), is(InputFormat.JSONL));
    assertThat(InputFormat.detect("a.ndjson"), is(InputFormat.JSONL));
    assertThat(InputFormat.detect("a.json"), is(InputFormat.JSONL));
    assertThat(InputFormat.detect("a.csv"), is(InputFormat.CSV));
    assertThat(InputFormat.detect("A.CSV"), is(InputFormat.CSV));
  }

  @Test
  public void ignoresCompressionSuffix() {
    assertThat(InputFormat.detect("a.jsonl.gz"), is(InputFormat.JSONL));
    assertThat(InputFormat.detect("a.jsonl.gzip"), is(InputFormat.JSONL));
    assertThat(InputFormat.detect("a.csv.bz2"), is(InputFormat.CSV));
    assertThat(InputFormat.detect("a.csv.zst"), is(InputFormat.CSV));
    assertThat(InputFormat.detect("a.ndjson.ZSTD"), is(InputFormat.JSONL));
    // Every suffix Beam decompresses by: the content is read, so its format must be too.
    for (Compression c : Compression.values()) {
      if (c != Compression.AUTO && c != Compression.UNCOMPRESSED) {
        assertThat(c.name(), InputFormat.detect("a.csv" + c.getSuggestedSuffix()), is(InputFormat.CSV));
      }
    }
  }

  @Test
  public void unknownOrMissingExtensionIsText() {
    assertThat(InputFormat.detect("README"), is(InputFormat.TEXT));
    assertThat(InputFormat.detect("a.xml"), is(InputFormat.TEXT));
    assertThat(InputFormat.detect("a.gz"), is(InputFormat.TEXT));
    // Dots in directory names do not count.
    assertThat(InputFormat.detect("/data/v1.csv/article"), is(InputFormat.TEXT));
    assertThat(InputFormat.detect("gs://bucket/dir.json/b.csv.gz"), is(InputFormat.CSV));
  }

  @Test
  public void parsesOptionValues() {
    assertThat(InputFormat.parse("text"), is(InputFormat.TEXT));
    assertThat(InputFormat.parse(" JSONL "), is(InputFormat.JSONL));
    assertThat(InputFormat.parse("csv"), is(InputFormat.CSV));
  }

  @Test
  public void rejectsUnknownOptionValueNamingTheChoices() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> InputFormat.parse("xml"));
    assertThat(e.getMessage(), containsString("'xml'"));
    assertThat(e.getMessage(), containsString("text, jsonl, csv"));
  }

  @Test
  public void baseNameDropsCompressionAndFormatExtensions() {
    assertThat(InputFormat.baseName("/in/a.txt.gz"), is("a"));
    assertThat(InputFormat.baseName("gs://b/x/story-7.txt"), is("story-7"));
    assertThat(InputFormat.baseName("notes"), is("notes"));
    assertThat(InputFormat.baseName("v1.2.txt"), is("v1.2"));
  }
}
