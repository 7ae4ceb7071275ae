package org.corpusanalytics.transforms.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * General world knowledge shipped with the project ({@code world-names.tsv}, written by hand): the
 * names of countries, a few territories, continents and large regions (LOCATION) and the words for
 * their peoples, languages and religions (MISC: "German", "Iraqis", "Moslem"). Loaded once;
 * immutable.
 */
public final class WorldNames {
  private static final String RESOURCE = "world-names.tsv";
  private static final WorldNames INSTANCE = load();

  /** Name as written to its type. */
  private final Map<String, EntityType> names;
  /** Upper-case form to its type, for lines in capitals. */
  private final Map<String, EntityType> upper;

  private WorldNames(Map<String, EntityType> names) {
    this.names = Collections.unmodifiableMap(names);
    Map<String, EntityType> up = new LinkedHashMap<>();
    for (Map.Entry<String, EntityType> e : names.entrySet()) {
      up.putIfAbsent(e.getKey().toUpperCase(Locale.ROOT), e.getValue());
    }
    this.upper = Collections.unmodifiableMap(up);
  }

  public static WorldNames get() {
    return INSTANCE;
  }

  /** LOCATION for a place, MISC for a people's word, null otherwise; case-sensitive. */
  public @Nullable EntityType typeOf(String text) {
    return names.get(text);
  }

  /** As {@link #typeOf}, also taking the name written in capitals ("EL SALVADOR"). */
  public @Nullable EntityType typeOfAnyCase(String text) {
    EntityType t = names.get(text);
    return t != null ? t : upper.get(text);
  }

  /** Every name as written, with its type. */
  public Map<String, EntityType> names() {
    return names;
  }

  /** Every name in capitals, with its type. */
  public Map<String, EntityType> upperCaseNames() {
    return upper;
  }

  /** Parses the resource format: places TAB peoples, each |-separated; '#' starts a comment line. */
  static WorldNames parse(List<String> lines) {
    Map<String, EntityType> names = new LinkedHashMap<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      add(names, cols[0], EntityType.LOCATION);
      if (cols.length > 1) {
        add(names, cols[1], EntityType.MISC);
      }
    }
    return new WorldNames(names);
  }

  private static void add(Map<String, EntityType> names, String column, EntityType type) {
    for (String name : column.split("\\|")) {
      String n = name.strip();
      if (!n.isEmpty()) {
        names.putIfAbsent(n, type);
      }
    }
  }

  private static WorldNames load() {
    try (InputStream in = WorldNames.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      List<String> lines = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          lines.add(line);
        }
      }
      return parse(lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
