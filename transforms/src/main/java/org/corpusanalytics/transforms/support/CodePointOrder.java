package org.corpusanalytics.transforms.support;

import java.util.Comparator;

/**
 * Strings in Unicode code point order, the order of their UTF-8 bytes: how DuckDB, Parquet
 * statistics, Spark and Python compare them. {@link String#compareTo} compares UTF-16 units, which
 * puts U+E000..U+FFFF (full-width forms, private use) after every character beyond U+FFFF (most
 * emoji, mathematical letters), so {@code entity_a < entity_b} would not hold in a query.
 */
public enum CodePointOrder implements Comparator<String> {
  INSTANCE;

  @Override
  public int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (x >= Character.MIN_SURROGATE && y >= Character.MIN_SURROGATE) {
          return rank(x) - rank(y);
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  /** Moves surrogates above U+E000..U+FFFF: a surrogate pair encodes a code point above both. */
  private static int rank(char c) {
    return c > Character.MAX_SURROGATE ? c - 0x800 : c + 0x2000;
  }
}
