package org.corpusanalytics.transforms.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class LenientDecoderTest {
  @Test
  public void decodesValidUtf8() {
    byte[] bytes = "Zürich – 東京 😀".getBytes(StandardCharsets.UTF_8);
    assertThat(LenientDecoder.decode(bytes), is("Zürich – 東京 😀"));
  }

  @Test
  public void fallsBackToWindows1252WhenNotUtf8() {
    byte[] bytes = {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x93, 'q', (byte) 0x94, ' ', (byte) 0x80};
    assertThat(LenientDecoder.decode(bytes), is("café “q” €"));
  }

  @Test
  public void keepsTheBytesWindows1252LeavesUndefined() {
    byte[] bytes = {'x', (byte) 0x81, (byte) 0x8D, (byte) 0x8F, (byte) 0x90, (byte) 0x9D, (byte) 0xE9};
    assertThat(LenientDecoder.decode(bytes), is("x\u0081\u008D\u008F\u0090\u009D\u00E9"));
    assertThat(LenientDecoder.decode(bytes, 1, 2), is("\u0081\u008D"));
  }

  @Test
  public void stripsUtf8ByteOrderMark() {
    byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'};
    assertThat(LenientDecoder.decode(bytes), is("hi"));
  }

  @Test
  public void decodesSlice() {
    byte[] bytes = "xxhello".getBytes(StandardCharsets.UTF_8);
    assertThat(LenientDecoder.decode(bytes, 2, 5), is("hello"));
  }

  @Test
  public void truncatedUtf8SequenceIsNotUtf8() {
    byte[] bytes = {'a', (byte) 0xE2, (byte) 0x82};
    assertThat(LenientDecoder.decode(bytes), is("aâ‚"));
  }
}
