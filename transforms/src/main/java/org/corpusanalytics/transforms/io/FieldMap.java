package org.corpusanalytics.transforms.io;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * Which input column (JSON key or CSV header) holds each canonical article field, parsed from
 * {@code --fieldMap=body=content,published=date}. An unmapped field is looked up under its usual
 * names, in a fixed order ({@link #inputNames}): corpora from scrapers and dataset hubs name the
 * body {@code text} or {@code content} as often as {@code body}.
 */
public final class FieldMap implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String ID = "id";
  public static final String TITLE = "title";
  public static final String BODY = "body";
  public static final String PUBLISHED = "published";
  public static final String SOURCE = "source";
  public static final String URL = "url";

  public static final List<String> CANONICAL_FIELDS = List.of(ID, TITLE, BODY, PUBLISHED, SOURCE, URL);

  private static final Map<String, List<String>> USUAL_NAMES =
      Map.of(
          ID, List.of(ID, "doc_id", "docid", "article_id"),
          TITLE, List.of(TITLE, "headline"),
          BODY, List.of(BODY, "text", "content", "article"),
          PUBLISHED, List.of(PUBLISHED, "published_at", "publishedAt", "date"),
          SOURCE, List.of(SOURCE, "publisher"),
          URL, List.of(URL, "link"));

  // TreeMap: serializable and gives a stable toString.
  private final TreeMap<String, String> inputNames;

  private FieldMap(TreeMap<String, String> inputNames) {
    this.inputNames = inputNames;
  }

  /** Every field under its canonical name. */
  public static FieldMap identity() {
    return new FieldMap(new TreeMap<>());
  }

  /**
   * Parses comma-separated {@code canonical=inputName} entries; null or blank means {@link
   * #identity()}.
   *
   * @throws IllegalArgumentException naming the bad entry, for unknown canonical fields, entries
   *     without exactly one {@code =}, empty names, or a field mapped twice
   */
  public static FieldMap parse(@Nullable String spec) {
    TreeMap<String, String> names = new TreeMap<>();
    if (spec == null || spec.isBlank()) {
      return new FieldMap(names);
    }
    for (String rawEntry : spec.split(",", -1)) {
      String entry = rawEntry.trim();
      String[] parts = entry.split("=", -1);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new IllegalArgumentException(
            "Bad field map entry '" + entry + "' in '" + spec + "': expected canonical=inputName,"
                + " e.g. body=content,published=date");
      }
      String canonical = parts[0].trim();
      checkCanonical(canonical);
      if (names.put(canonical, parts[1].trim()) != null) {
        throw new IllegalArgumentException(
            "Field '" + canonical + "' is mapped more than once in field map '" + spec + "'");
      }
    }
    return new FieldMap(names);
  }

  /**
   * The input names that may hold {@code canonical}, in the order they are tried: only the mapped
   * name if there is one, else the canonical name and then its usual other names. The first one a
   * record (JSON) or header (CSV) has is used, even when its value is null or empty.
   */
  public List<String> inputNames(String canonical) {
    checkCanonical(canonical);
    String mapped = inputNames.get(canonical);
    return mapped != null ? List.of(mapped) : USUAL_NAMES.get(canonical);
  }

  /** How {@code canonical} was looked for, for messages: {@code 'body'}, or {@code 'body', 'text'}. */
  public String describe(String canonical) {
    StringBuilder s = new StringBuilder();
    for (String name : inputNames(canonical)) {
      s.append(s.length() == 0 ? "" : ", ").append('\'').append(name).append('\'');
    }
    return s.toString();
  }

  /** Only the explicitly mapped fields, canonical name to input name. */
  public Map<String, String> mappings() {
    return Map.copyOf(inputNames);
  }

  private static void checkCanonical(String canonical) {
    if (!CANONICAL_FIELDS.contains(canonical)) {
      throw new IllegalArgumentException(
          "Unknown field '" + canonical + "' in field map: expected one of "
              + String.join(", ", CANONICAL_FIELDS));
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FieldMap && ((FieldMap) o).inputNames.equals(inputNames);
  }

  @Override
  public int hashCode() {
    return inputNames.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    inputNames.forEach((k, v) -> s.append(s.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return s.toString();
  }
}
