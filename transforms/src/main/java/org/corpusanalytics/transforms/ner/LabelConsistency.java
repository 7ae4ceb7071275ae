package org.corpusanalytics.transforms.ner;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Document-level label consistency: the same string names the same thing throughout one article.
 * After the tagger has seen every sentence of the article:
 *
 * <ol>
 *   <li>each distinct mention text gets the type the tagger gave most of its occurrences (a tie
 *       leaves every occurrence as tagged);
 *   <li>occurrences tagged with another type take that type;
 *   <li>whole-word occurrences of the text that the tagger left untagged, and that overlap no
 *       mention, become mentions of that type (longest text first).
 * </ol>
 *
 * <p>Lines in capitals (headlines, tables) get the same treatment case-insensitively from the
 * mentions found in the rest of the article, where the tagger is more reliable.
 */
public final class LabelConsistency {
  private LabelConsistency() {}

  /** Returns, per unit of text, the mentions after applying every rule, in order of position. */
  public static List<List<Mention>> apply(List<String> units, List<List<Mention>> mentions) {
    return apply(units, mentions, true);
  }

  /**
   * As {@link #apply(List, List)}; with {@code addRepeats} false, untagged occurrences are left
   * alone (only the types of tagged mentions change), to measure that rule on its own.
   */
  public static List<List<Mention>> apply(
      List<String> units, List<List<Mention>> mentions, boolean addRepeats) {
    boolean[] caps = new boolean[units.size()];
    boolean[] dateline = new boolean[units.size()];
    Map<String, EnumMap<EntityType, Integer>> votes = new LinkedHashMap<>();
    Map<String, EnumMap<EntityType, Integer>> bodyVotes = new LinkedHashMap<>();
    for (int u = 0; u < units.size(); u++) {
      dateline[u] = isDateline(units.get(u));
      caps[u] = !dateline[u] && isCapitals(units.get(u));
      for (Mention m : mentions.get(u)) {
        votes.computeIfAbsent(m.text(), k -> new EnumMap<>(EntityType.class))
            .merge(m.type(), 1, Integer::sum);
        if (!caps[u] && !dateline[u]) {
          bodyVotes.computeIfAbsent(m.text().toUpperCase(Locale.ROOT), k -> new EnumMap<>(EntityType.class))
              .merge(m.type(), 1, Integer::sum);
        }
      }
    }
    if (votes.isEmpty()) {
      return mentions;
    }
    Map<String, EntityType> majority = winners(votes);
    Map<String, EntityType> bodyMajority = winners(bodyVotes);
    List<String> phrases = new ArrayList<>(majority.keySet());
    PhraseMatcher matcher = new PhraseMatcher(phrases);
    List<String> bodyPhrases = new ArrayList<>(bodyMajority.keySet());
    PhraseMatcher capsMatcher = new PhraseMatcher(bodyPhrases);
    List<List<Mention>> out = new ArrayList<>(units.size());
    for (int u = 0; u < units.size(); u++) {
      String text = units.get(u);
      List<Mention> tagged = mentions.get(u);
      if (caps[u]) {
        out.add(capitals(text, tagged, bodyPhrases, bodyMajority, capsMatcher, addRepeats));
        continue;
      }
      List<Mention> result = new ArrayList<>();
      for (Mention m : tagged) {
        EntityType type = majority.get(m.text());
        // A place and an organization named after it (a city and its team, a country and its
        // government) really alternate: those two types are not outvoted.
        boolean relabel =
            type != null
                && type != m.type()
                && !(isLocOrOrg(type) && isLocOrOrg(m.type()));
        result.add(relabel ? m.withType(type) : m);
      }
      for (PhraseMatcher.Match match : addRepeats ? matcher.find(text) : List.<PhraseMatcher.Match>of()) {
        if (!overlaps(tagged, match.start(), match.end())) {
          String phrase = phrases.get(match.phrase());
          result.add(new Mention(match.start(), match.end(), phrase, majority.get(phrase)));
        }
      }
      result.sort((a, b) -> Integer.compare(a.start(), b.start()));
      out.add(result);
    }
    return out;
  }

  private static List<Mention> capitals(
      String text,
      List<Mention> tagged,
      List<String> bodyPhrases,
      Map<String, EntityType> bodyMajority,
      PhraseMatcher capsMatcher,
      boolean addRepeats) {
    List<PhraseMatcher.Match> matches = capsMatcher.find(text);
    List<Mention> result = new ArrayList<>();
    List<Mention> fromBody = new ArrayList<>();
    for (PhraseMatcher.Match match : matches) {
      EntityType type = bodyMajority.get(bodyPhrases.get(match.phrase()));
      fromBody.add(
          new Mention(match.start(), match.end(), text.substring(match.start(), match.end()), type));
    }
    for (Mention m : tagged) {
      Mention same = null;
      boolean covered = false;
      for (Mention b : fromBody) {
        if (b.start() == m.start() && b.end() == m.end()) {
          same = b;
        } else if (b.start() <= m.start() && m.end() <= b.end()) {
          covered = true;
        }
      }
      if (same != null) {
        result.add(same);
      } else if (!covered) {
        result.add(m);
      }
    }
    for (Mention b : addRepeats ? fromBody : List.<Mention>of()) {
      if (!overlaps(result, b.start(), b.end())) {
        result.add(b);
      }
    }
    result.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return result;
  }

  private static boolean isLocOrOrg(EntityType t) {
    return t == EntityType.LOCATION || t == EntityType.ORGANIZATION;
  }

  private static Map<String, EntityType> winners(Map<String, EnumMap<EntityType, Integer>> votes) {
    Map<String, EntityType> majority = new LinkedHashMap<>();
    for (Map.Entry<String, EnumMap<EntityType, Integer>> e : votes.entrySet()) {
      EntityType best = winner(e.getValue());
      if (best != null && isName(e.getKey())) {
        majority.put(e.getKey(), best);
      }
    }
    return majority;
  }

  /** The type with strictly the most votes, or null on a tie. */
  static EntityType winner(EnumMap<EntityType, Integer> votes) {
    EntityType best = null;
    int bestVotes = 0;
    boolean tie = false;
    for (Map.Entry<EntityType, Integer> v : votes.entrySet()) {
      if (v.getValue() > bestVotes) {
        best = v.getKey();
        bestVotes = v.getValue();
        tie = false;
      } else if (v.getValue() == bestVotes) {
        tie = true;
      }
    }
    return tie ? null : best;
  }

  /**
   * A line in capitals: at least two words of two or more letters, and at least three in four of
   * them without a lower-case letter.
   */
  static boolean isCapitals(String text) {
    int words = 0;
    int upper = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int letters = 0;
      boolean lower = false;
      while (i < n && Character.isLetter(text.charAt(i))) {
        lower |= Character.isLowerCase(text.charAt(i));
        letters++;
        i++;
      }
      if (letters >= 2) {
        words++;
        if (!lower) {
          upper++;
        }
      }
    }
    return words >= 1 && upper * 4 >= words * 3 && (words >= 2 || upper == words);
  }

  private static final java.util.regex.Pattern DATELINE =
      java.util.regex.Pattern.compile("[^a-z]{2,40}( , [\\p{L} .'-]{2,30})? \\d{4}-\\d{2}-\\d{2}");

  /** A dateline ("NEW YORK 1996-08-30"): the tagger knows these; the body's usage may differ. */
  static boolean isDateline(String text) {
    return DATELINE.matcher(text).matches();
  }

  /** Only texts that start with a capital letter or a digit are propagated. */
  private static boolean isName(String text) {
    return !text.isEmpty()
        && (Character.isUpperCase(text.codePointAt(0)) || Character.isDigit(text.charAt(0)));
  }

  private static boolean overlaps(List<Mention> mentions, int start, int end) {
    for (Mention m : mentions) {
      if (m.start() < end && start < m.end()) {
        return true;
      }
    }
    return false;
  }
}
