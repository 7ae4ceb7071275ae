package org.corpusanalytics.transforms.ner;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the mentions of one article to canonical entity names.
 *
 * <ul>
 *   <li>Titles are not part of a name: "President Donald Trump" is "Donald Trump".
 *   <li>A one-word mention that is the first or last word of exactly one multi-word person in the
 *       same article is that person ("Trump", "Kim"), whatever type the tagger gave it.
 *   <li>The same word left untagged elsewhere in the article is added as a mention of that person;
 *       the tagger often misses a bare surname that it tagged next to the full name.
 * </ul>
 */
public final class AliasResolver implements Serializable {
  private static final Set<String> TITLES =
      Set.of(
          "president", "vice", "prime", "minister", "secretary", "senator", "sen.", "rep.",
          "representative", "gov.", "governor", "mr.", "mrs.", "ms.", "mr", "mrs", "ms", "dr.",
          "dr", "prof.", "professor", "gen.", "general", "king", "queen", "prince", "princess",
          "pope", "chancellor", "chairman", "chairwoman", "judge", "justice", "mayor", "rev.",
          "sir", "dame", "lady", "lord", "sheikh", "leader", "chief", "ambassador", "commissioner",
          "director", "captain", "capt.", "lt.", "col.", "sgt.", "adm.", "admiral", "lieutenant",
          "colonel", "sergeant", "speaker", "premier", "emperor", "ceo", "spokesman",
          "spokeswoman");

  private final boolean linkOneWordNames;
  private final boolean addUntaggedNames;

  /** Every rule on. */
  public AliasResolver() {
    this(true, true);
  }

  /**
   * @param linkOneWordNames link a one-word mention to the one multi-word person it names
   * @param addUntaggedNames add untagged occurrences of such words as mentions of that person
   */
  public AliasResolver(boolean linkOneWordNames, boolean addUntaggedNames) {
    this.linkOneWordNames = linkOneWordNames;
    this.addUntaggedNames = addUntaggedNames;
  }

  /** One sentence's text and the tagger's mentions in it (offsets into that text). */
  public static final class Sentence {
    final String text;
    final List<Mention> mentions;

    public Sentence(String text, List<Mention> mentions) {
      this.text = text;
      this.mentions = mentions;
    }
  }

  /** A mention before offsets are mapped back to the body: sentence index plus sentence offsets. */
  public static final class Resolved {
    public final int sentence;
    public final int start;
    public final int end;
    public final String text;
    public final EntityType type;
    public final String entity;

    Resolved(int sentence, int start, int end, String text, EntityType type, String entity) {
      this.sentence = sentence;
      this.start = start;
      this.end = end;
      this.text = text;
      this.type = type;
      this.entity = entity;
    }
  }

  /** Resolves every mention of one article; the result is ordered by sentence and offset. */
  public List<Resolved> resolve(List<Sentence> sentences) {
    Map<String, Set<String>> personsByWord = indexFullPersonNames(sentences);
    List<Resolved> out = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      Sentence sentence = sentences.get(s);
      for (Mention m : sentence.mentions) {
        String name = canonicalName(m.text(), m.type());
        if (name.isEmpty()) {
          continue;
        }
        EntityType type = m.type();
        if (linkOneWordNames && name.indexOf(' ') < 0) {
          String full = uniquePerson(personsByWord, name);
          if (full != null) {
            name = full;
            type = EntityType.PERSON;
          }
        }
        out.add(new Resolved(s, m.start(), m.end(), m.text(), type, name));
      }
      if (addUntaggedNames) {
        addUntaggedSurnames(s, sentence, personsByWord, out);
      }
    }
    out.sort(Comparator.<Resolved>comparingInt(r -> r.sentence).thenComparingInt(r -> r.start));
    return out;
  }

  /** The name a mention stands for: whitespace folded, possessive and leading titles removed. */
  public static String canonicalName(String surface, EntityType type) {
    String name = surface.trim().replaceAll("\\s+", " ");
    if (name.endsWith("'s") || name.endsWith("\u2019s")) {
      name = name.substring(0, name.length() - 2);
    }
    if (type == EntityType.PERSON) {
      String[] words = name.split(" ");
      int first = 0;
      while (first < words.length - 1 && TITLES.contains(words[first].toLowerCase(Locale.ROOT))) {
        first++;
      }
      if (first > 0) {
        name = String.join(" ", java.util.Arrays.copyOfRange(words, first, words.length));
      }
    }
    return name.trim();
  }

  private static Map<String, Set<String>> indexFullPersonNames(List<Sentence> sentences) {
    Map<String, Set<String>> byWord = new HashMap<>();
    for (Sentence sentence : sentences) {
      for (Mention m : sentence.mentions) {
        if (m.type() != EntityType.PERSON) {
          continue;
        }
        String name = canonicalName(m.text(), m.type());
        String[] words = name.split(" ");
        if (words.length < 2) {
          continue;
        }
        byWord.computeIfAbsent(words[0], k -> new LinkedHashSet<>()).add(name);
        byWord.computeIfAbsent(words[words.length - 1], k -> new LinkedHashSet<>()).add(name);
      }
    }
    return byWord;
  }

  private static String uniquePerson(Map<String, Set<String>> personsByWord, String word) {
    Set<String> names = personsByWord.get(word);
    return names != null && names.size() == 1 ? names.iterator().next() : null;
  }

  private static void addUntaggedSurnames(
      int s, Sentence sentence, Map<String, Set<String>> personsByWord, List<Resolved> out) {
    if (personsByWord.isEmpty()) {
      return;
    }
    String text = sentence.text;
    int i = 0;
    while (i < text.length()) {
      if (!Character.isUpperCase(text.charAt(i)) || (i > 0 && isWordChar(text.charAt(i - 1)))) {
        i++;
        continue;
      }
      int end = i;
      while (end < text.length() && isWordChar(text.charAt(end))) {
        end++;
      }
      String word = text.substring(i, end);
      String full = uniquePerson(personsByWord, word);
      if (full != null && !full.equals(word) && !overlapsMention(sentence.mentions, i, end)) {
        out.add(new Resolved(s, i, end, word, EntityType.PERSON, full));
      }
      i = Math.max(end, i + 1);
    }
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-';
  }

  private static boolean overlapsMention(List<Mention> mentions, int start, int end) {
    for (Mention m : mentions) {
      if (m.start() < end && start < m.end()) {
        return true;
      }
    }
    return false;
  }
}
