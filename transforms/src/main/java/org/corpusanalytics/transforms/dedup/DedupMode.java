package org.corpusanalytics.transforms.dedup;

import java.util.Locale;

/** How far repeated text is looked for. */
public enum DedupMode {
  /** Keep all text. */
  NONE,
  /** Remove segments repeated inside the same article. */
  ARTICLE,
  /** Remove segments repeated inside an article and across the whole corpus. */
  CORPUS;

  public static DedupMode parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--dedup must be one of corpus, article, none; got '" + value + "'", e);
    }
  }
}
