package org.corpusanalytics.transforms.output;

import java.util.Locale;

/** File format of the output tables. */
public enum OutputFormat {
  PARQUET(".parquet"),
  CSV(".csv");

  private final String suffix;

  OutputFormat(String suffix) {
    this.suffix = suffix;
  }

  public String suffix() {
    return suffix;
  }

  public static OutputFormat parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--outputFormat must be parquet or csv; got '" + value + "'", e);
    }
  }
}
