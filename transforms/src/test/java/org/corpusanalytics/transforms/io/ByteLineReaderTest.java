package org.corpusanalytics.transforms.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class ByteLineReaderTest {
  private static List<String> lines(String content, int maxLineBytes) throws IOException {
    ByteLineReader r =
        new ByteLineReader(
            new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), maxLineBytes);
    List<String> out = new ArrayList<>();
    while (r.next()) {
      String text = new String(r.bytes(), 0, r.length(), StandardCharsets.UTF_8);
      out.add(r.lineNumber() + ":" + (r.tooLong() ? "TOO_LONG(" + r.lineBytes() + ")" : text)
          + r.terminator().replace("\r", "\\r").replace("\n", "\\n"));
    }
    return out;
  }

  @Test
  public void splitsOnNewlinesAndReportsTerminators() throws IOException {
    assertThat(
        lines("a\r\nbb\n\nc", 100),
        is(List.of("1:a\\r\\n", "2:bb\\n", "3:\\n", "4:c")));
  }

  @Test
  public void finalNewlineDoesNotMakeAnExtraLine() throws IOException {
    assertThat(lines("a\n", 100), is(List.of("1:a\\n")));
    assertThat(lines("", 100), is(List.of()));
  }

  @Test
  public void loneCarriageReturnStaysInTheLine() throws IOException {
    assertThat(lines("a\rb\n", 100), is(List.of("1:a\rb\\n")));
  }

  @Test
  public void overlongLineIsSkippedWithItsLengthAndTheNextLineIsRead() throws IOException {
    String longLine = "x".repeat(200_000);
    assertThat(
        lines("ok\n" + longLine + "\r\nnext\n", 1000),
        is(List.of("1:ok\\n", "2:TOO_LONG(200000)\\r\\n", "3:next\\n")));
  }

  @Test
  public void linesLongerThanTheReadBufferAreJoined() throws IOException {
    String longLine = "y".repeat(150_000);
    assertThat(lines(longLine + "\nz", 1 << 20), is(List.of("1:" + longLine + "\\n", "2:z")));
  }

  @Test
  public void keptPrefixIsCutOnCharacterBoundary() throws IOException {
    // 3-byte characters: 1024 bytes of prefix would end inside one.
    String longLine = "€".repeat(1000);
    ByteLineReader r =
        new ByteLineReader(new ByteArrayInputStream(longLine.getBytes(StandardCharsets.UTF_8)), 100);
    assertThat(r.next(), is(true));
    assertThat(r.tooLong(), is(true));
    String prefix = LenientDecoder.decode(r.bytes(), 0, r.prefixLengthOnCharBoundary());
    assertThat(prefix, is("€".repeat(341)));
  }
}
