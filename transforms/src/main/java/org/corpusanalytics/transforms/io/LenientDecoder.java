package org.corpusanalytics.transforms.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes as UTF-8 when they are valid UTF-8 and as windows-1252 otherwise. News corpora mix
 * both; windows-1252 maps every byte to some character, so decoding never fails, and valid UTF-8
 * almost never arises by chance from Latin-1 text. A leading UTF-8 byte order mark is dropped.
 */
public final class LenientDecoder {
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private LenientDecoder() {}

  public static String decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  public static String decode(byte[] bytes, int offset, int length) {
    if (length >= 3
        && bytes[offset] == (byte) 0xEF
        && bytes[offset + 1] == (byte) 0xBB
        && bytes[offset + 2] == (byte) 0xBF) {
      offset += 3;
      length -= 3;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, length))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      // Expected for Latin-1 input: fall back rather than fail.
      return windows1252(bytes, offset, length);
    }
  }

  /**
   * windows-1252, with the five bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) kept as
   * the control characters of the same number, as Latin-1 and browsers read them, where Java's
   * decoder would replace them with U+FFFD.
   */
  private static String windows1252(byte[] bytes, int offset, int length) {
    String text = new String(bytes, offset, length, WINDOWS_1252);
    if (text.indexOf('\uFFFD') < 0) {
      return text;
    }
    char[] chars = text.toCharArray(); // one char per byte: windows-1252 is a single-byte charset
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] == '\uFFFD') {
        chars[i] = (char) (bytes[offset + i] & 0xFF);
      }
    }
    return new String(chars);
  }
}
