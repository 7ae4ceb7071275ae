package org.corpusanalytics.transforms.ner.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Serializable;
import java.io.StringWriter;
import java.lang.ref.WeakReference;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.corpusanalytics.transforms.io.LenientDecoder;
import org.corpusanalytics.transforms.ner.EntityType;
import org.corpusanalytics.transforms.ner.PhraseMatcher;
import org.corpusanalytics.transforms.support.LocalMatches;

/**
 * A watchlist of entities: each with a canonical name, a type and aliases. Read from CSV with the
 * columns {@code canonical,type,aliases} (aliases separated by {@code |}; a header row with those
 * names is optional). Names are matched case-sensitively after Unicode NFC and whitespace folding,
 * the way article text is normalized.
 *
 * <p>Immutable and serializable: it travels inside the pipeline's functions, as one compact text
 * of its entries, and equal watchlists deserialize to one instance per JVM (see {@link
 * SerializedForm}).
 */
public final class Gazetteer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).build();

  /** One watched entity. {@code names} holds the canonical name first, then the aliases. */
  public static final class Entry implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String canonical;
    private final EntityType type;
    private final List<String> names;

    Entry(String canonical, EntityType type, List<String> names) {
      this.canonical = canonical;
      this.type = type;
      this.names = List.copyOf(names);
    }

    public String canonical() {
      return canonical;
    }

    public EntityType type() {
      return type;
    }

    /** The canonical name and every alias, normalized. */
    public List<String> names() {
      return names;
    }

    @Override
    public String toString() {
      return canonical + "/" + type + names;
    }
  }

  private final List<Entry> entries;
  // (name, type) -> first entry declaring it; name -> entries declaring it, in file order.
  private final Map<String, List<Entry>> byName = new HashMap<>();
  private transient volatile @Nullable PhraseMatcher matcher;
  private transient volatile @Nullable List<Entry> phraseEntries;
  private transient volatile @Nullable byte[] serialized;

  public Gazetteer(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    for (Entry e : this.entries) {
      for (String name : e.names) {
        List<Entry> declared = byName.computeIfAbsent(name, k -> new ArrayList<>());
        if (!declared.contains(e)) {
          declared.add(e);
        }
      }
    }
  }

  /** Builds an entry; the canonical name is also matched as a name. */
  public static Entry entry(String canonical, EntityType type, List<String> aliases) {
    String name = normalize(canonical);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty canonical name");
    }
    Set<String> names = new LinkedHashSet<>();
    names.add(name);
    for (String alias : aliases) {
      String a = normalize(alias);
      if (!a.isEmpty()) {
        names.add(a);
      }
    }
    return new Entry(name, Objects.requireNonNull(type), new ArrayList<>(names));
  }

  /** Reads a watchlist file (any Beam file system: a local path, gs://, ...). */
  public static Gazetteer load(String path) throws IOException {
    if (LocalMatches.certainlyMissing(path)) {
      throw new java.io.FileNotFoundException("File spec " + path + " not found");
    }
    byte[] bytes;
    try (InputStream in =
        Channels.newInputStream(
            FileSystems.open(FileSystems.matchSingleFileSpec(path).resourceId()))) {
      bytes = in.readAllBytes();
    }
    try {
      return parse(decodeLines(bytes), path);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--gazetteer " + e.getMessage(), e);
    }
  }

  /**
   * As input CSV is read: each line decoded on its own, as UTF-8 or else windows-1252 (one line
   * saved from another program must not turn the others into mojibake), a byte order mark dropped.
   */
  static String decodeLines(byte[] bytes) {
    StringBuilder text = new StringBuilder(bytes.length);
    int start = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      text.append(LenientDecoder.decode(bytes, start, end - start));
      if (end < bytes.length) {
        text.append('\n');
      }
      start = end + 1;
    }
    return text.toString();
  }

  /**
   * {@code text} with its comment lines (a record that starts with {@code #}) left empty, so that
   * a quote in a comment opens no field and line numbers stay those of the file. A quoted field
   * whose text starts with {@code #} is no comment.
   */
  static String blankComments(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean inQuotes = false;
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end + 1;
      String line = text.substring(start, end);
      if (!inQuotes && line.stripLeading().startsWith("#")) {
        out.append(line.endsWith("\n") ? "\n" : "");
      } else {
        out.append(line);
        for (int i = 0; i < line.length(); i++) {
          if (line.charAt(i) == '"') {
            inQuotes = !inQuotes; // a doubled quote toggles twice
          }
        }
      }
      start = end;
    }
    return out.toString();
  }

  /** Parses watchlist CSV; {@code source} names it in error messages. */
  public static Gazetteer parse(Reader in, String source) throws IOException {
    StringWriter text = new StringWriter();
    in.transferTo(text);
    return parse(text.toString(), source);
  }

  private static Gazetteer parse(String text, String source) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(blankComments(text), FORMAT)) {
      for (CSVRecord row : parser) {
        long line = parser.getCurrentLineNumber();
        if (row.stream().allMatch(String::isBlank)) {
          continue; // a blank line, or a spreadsheet's row of empty cells
        }
        if (entries.isEmpty()
            && row.size() >= 2
            && row.get(0).equalsIgnoreCase("canonical")
            && row.get(1).equalsIgnoreCase("type")) {
          continue; // the header
        }
        if (row.size() < 2 || row.size() > 3) {
          throw new IllegalArgumentException(
              source + " line " + line + ": expected canonical,type,aliases; got " + row.size()
                  + " columns");
        }
        EntityType type = EntityType.fromLabel(row.get(1).toUpperCase(Locale.ROOT));
        if (type == null) {
          throw new IllegalArgumentException(
              source + " line " + line + ": unknown type '" + row.get(1)
                  + "' (PERSON, ORGANIZATION, LOCATION, MISC or PER, ORG, LOC)");
        }
        List<String> aliases = row.size() == 3 ? List.of(row.get(2).split("\\|")) : List.of();
        try {
          entries.add(entry(row.get(0), type, aliases));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(source + " line " + line + ": " + e.getMessage(), e);
        }
      }
    } catch (java.io.UncheckedIOException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalArgumentException(
          source + ": malformed CSV (a quote not closed?): " + cause.getMessage(), e);
    }
    return new Gazetteer(entries);
  }

  /**
   * NFC, runs of whitespace and other Unicode spaces (no-break, thin) folded to one space, trimmed:
   * as sentences are normalized.
   */
  static String normalize(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFC)
        .replaceAll("[\\s\\p{Z}]+", " ")
        .strip();
  }


  public List<Entry> entries() {
    return entries;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * The entry that declares {@code name} (canonical or alias) with type {@code type}: the first in
   * file order; null when none does.
   */
  public @Nullable Entry lookup(String name, EntityType type) {
    List<Entry> declared = byName.get(normalize(name));
    if (declared == null) {
      return null;
    }
    for (Entry e : declared) {
      if (e.type == type) {
        return e;
      }
    }
    return null;
  }

  private Object writeReplace() {
    byte[] bytes = serialized;
    if (bytes == null) {
      StringBuilder text = new StringBuilder();
      for (Entry e : entries) {
        // Normalized names hold no tab or line break.
        text.append(e.type.name());
        for (String name : e.names) {
          text.append('\t').append(name);
        }
        text.append('\n');
      }
      bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      serialized = bytes;
    }
    return new SerializedForm(bytes);
  }

  /**
   * What a gazetteer serializes to: its entries as one line each
   * ({@code TYPE\tcanonical\talias...}).
   * The Direct runner serializes every function once per bundle, so a 10,000-entry watchlist as
   * objects cost seconds per run; and a JVM that deserializes the same watchlist many times (one
   * function per step, thread and bundle) gets back one shared instance, built matcher included.
   */
  private static final class SerializedForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<ContentKey, WeakReference<Gazetteer>> SHARED = new HashMap<>();

    private final byte[] utf8;

    SerializedForm(byte[] utf8) {
      this.utf8 = utf8;
    }

    private Object readResolve() {
      ContentKey key = new ContentKey(utf8);
      synchronized (SHARED) {
        WeakReference<Gazetteer> ref = SHARED.get(key);
        Gazetteer shared = ref == null ? null : ref.get();
        if (shared == null) {
          SHARED.values().removeIf(r -> r.get() == null);
          shared = decode(utf8);
          SHARED.put(key, new WeakReference<>(shared));
        }
        return shared;
      }
    }

    private static Gazetteer decode(byte[] utf8) {
      List<Entry> entries = new ArrayList<>();
      String text = new String(utf8, StandardCharsets.UTF_8);
      int line = 0;
      while (line < text.length()) {
        int end = text.indexOf('\n', line);
        String[] fields = text.substring(line, end).split("\t");
        List<String> names = List.of(fields).subList(1, fields.length);
        entries.add(new Entry(names.get(0), EntityType.valueOf(fields[0]), names));
        line = end + 1;
      }
      Gazetteer g = new Gazetteer(entries);
      g.serialized = utf8;
      return g;
    }
  }

  /** A byte array compared by content. */
  private static final class ContentKey {
    private final byte[] bytes;
    private final int hash;

    ContentKey(byte[] bytes) {
      this.bytes = bytes;
      this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ContentKey && Arrays.equals(bytes, ((ContentKey) o).bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** Whole-word, longest-first matches of every name in {@code text}, each with its entry. */
  List<Map.Entry<PhraseMatcher.Match, Entry>> find(String text) {
    PhraseMatcher m = matcher;
    List<Entry> owners = phraseEntries;
    if (m == null || owners == null) {
      synchronized (this) {
        if (matcher == null) {
          List<String> phrases = new ArrayList<>();
          List<Entry> ownerList = new ArrayList<>();
          for (Entry e : entries) {
            for (String name : e.names) {
              phrases.add(name);
              ownerList.add(e);
            }
          }
          phraseEntries = ownerList;
          matcher = new PhraseMatcher(phrases);
        }
        m = matcher;
        owners = phraseEntries;
      }
    }
    List<Map.Entry<PhraseMatcher.Match, Entry>> out = new ArrayList<>();
    for (PhraseMatcher.Match match : m.find(text)) {
      out.add(Map.entry(match, owners.get(match.phrase())));
    }
    return out;
  }
}
