package org.corpusanalytics.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpusanalytics.transforms.model.Article;

/**
 * A watchlist for the gazetteer benchmark, made from the corpus itself so that its names really
 * occur: the most frequent runs of one to three capitalized words inside a sentence (after a
 * lower-case word, a digit or a comma: "The" or "It" at a sentence start are not names; nor are
 * month and weekday names), each with
 * one alias (its last word), up to half the number of entries asked for; the rest are made-up names
 * that never match, as in a large monitoring list.
 */
final class Watchlist {
  private static final Pattern NAME =
      Pattern.compile("\\b\\p{Lu}[\\p{L}&&[^\\p{Lu}]]+(?: \\p{Lu}[\\p{L}&&[^\\p{Lu}]]+){0,2}\\b");
  private static final String[] TYPES = {"PERSON", "ORGANIZATION", "LOCATION", "MISC"};

  private static final Set<String> CALENDAR_WORDS = calendarWords();

  private Watchlist() {}

  private static Set<String> calendarWords() {
    Set<String> words = new HashSet<>();
    for (Month month : Month.values()) {
      words.add(month.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    }
    for (DayOfWeek day : DayOfWeek.values()) {
      words.add(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    }
    return words;
  }

  /** True when the last non-blank character before {@code at} is lower case, a digit or a comma. */
  private static boolean insideASentence(String text, int at) {
    int i = at - 1;
    while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    char c = text.charAt(i);
    return Character.isLowerCase(c) || Character.isDigit(c) || c == ',';
  }

  static void write(List<Article> articles, int entries, Path file) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    for (Article a : articles) {
      Matcher m = NAME.matcher(a.body());
      while (m.find()) {
        if (insideASentence(a.body(), m.start()) && !CALENDAR_WORDS.contains(m.group())) {
          counts.merge(m.group(), 1, Integer::sum);
        }
      }
    }
    List<Map.Entry<String, Integer>> frequent = new ArrayList<>(counts.entrySet());
    // Most frequent first, then by name: the same list on every run.
    frequent.sort(
        Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("canonical,type,aliases\n");
      int written = 0;
      for (Map.Entry<String, Integer> e : frequent) {
        if (written == entries / 2) {
          break;
        }
        String name = e.getKey();
        String alias = name.substring(name.lastIndexOf(' ') + 1);
        w.write(name + "," + TYPES[written % TYPES.length] + "," + (alias.equals(name) ? "" : alias) + "\n");
        written++;
      }
      for (int i = 0; written < entries; i++, written++) {
        w.write("Zyxo Name" + i + "," + TYPES[i % TYPES.length] + ",Zyxo Alias" + i + "\n");
      }
    }
  }
}
