package org.corpusanalytics.transforms.text;

import java.util.Arrays;

/**
 * Growable char buffer where every char remembers the original range {@code [start, end)} it came
 * from. Primitive arrays keep this to 10 bytes per char and no boxing.
 */
final class MappedTextBuilder {
  private char[] chars;
  private int[] starts;
  private int[] ends;
  private int length;

  MappedTextBuilder(int capacity) {
    int initial = Math.max(capacity, 16);
    chars = new char[initial];
    starts = new int[initial];
    ends = new int[initial];
  }

  void append(char c, int originalStart, int originalEnd) {
    if (length == chars.length) {
      int grown = chars.length + (chars.length >> 1) + 16;
      chars = Arrays.copyOf(chars, grown);
      starts = Arrays.copyOf(starts, grown);
      ends = Arrays.copyOf(ends, grown);
    }
    chars[length] = c;
    starts[length] = originalStart;
    ends[length] = originalEnd;
    length++;
  }

  int length() {
    return length;
  }

  char charAt(int index) {
    return chars[index];
  }

  String text() {
    return new String(chars, 0, length);
  }

  char[] chars() {
    return Arrays.copyOf(chars, length);
  }

  int[] starts() {
    return Arrays.copyOf(starts, length);
  }

  int[] ends() {
    return Arrays.copyOf(ends, length);
  }
}
