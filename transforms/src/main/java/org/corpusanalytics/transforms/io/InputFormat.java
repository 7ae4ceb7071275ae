package org.corpusanalytics.transforms.io;

import java.util.List;
import java.util.Locale;

/** How an input file is laid out: one article per file, one JSON object per line, or CSV rows. */
public enum InputFormat {
  TEXT,
  JSONL,
  CSV;

  /**
   * Every suffix Beam decompresses by (and {@code .gzip}, which the reader adds); they say
   * nothing about the layout.
   */
  static final List<String> COMPRESSION_SUFFIXES =
      List.of(
          ".gz", ".gzip", ".bz2", ".zst", ".zstd", ".zip", ".deflate", ".snappy", ".lzo",
          ".lzo_deflate");

  /**
   * The format a file name implies: {@code .txt/.text} is TEXT, {@code .jsonl/.ndjson/.json} is JSONL,
   * {@code .csv} is CSV, after dropping one compression suffix. Anything else is read as TEXT, the
   * format that cannot misinterpret structure.
   */
  public static InputFormat detect(String fileName) {
    String name = stripCompressionSuffix(fileNameOf(fileName)).toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1);
    return switch (extension) {
      case "jsonl", "ndjson", "json" -> JSONL;
      case "csv" -> CSV;
      default -> TEXT;
    };
  }

  /** Parses the {@code --inputFormat} option value ({@code text}, {@code jsonl} or {@code csv}). */
  public static InputFormat parse(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (InputFormat f : values()) {
      if (f.optionName().equals(v)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "Unknown input format '" + value + "': expected one of text, jsonl, csv"
            + " (or leave it unset to detect the format from each file's extension)");
  }

  /** The spelling used by {@code --inputFormat}. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The last component of a path or URI ({@code gs://b/dir/a.csv} gives {@code a.csv}). */
  public static String fileNameOf(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }

  /**
   * The file name without its compression suffix and without its format extension, used as the id of
   * a text article: {@code dir/a.txt.gz} gives {@code a}. A name that is all extension is kept.
   */
  static String baseName(String path) {
    String name = stripCompressionSuffix(fileNameOf(path));
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String stripCompressionSuffix(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String suffix : COMPRESSION_SUFFIXES) {
      if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }
}
