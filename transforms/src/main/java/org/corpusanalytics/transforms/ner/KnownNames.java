package org.corpusanalytics.transforms.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evidence from general world knowledge ({@link WorldNames}), per unit of text, where the tagger's
 * output conflicts with it or misses it:
 *
 * <ul>
 *   <li>a mention that is exactly a country, continent or large region is a LOCATION (a national
 *       team is a location in CoNLL), unless the tagger made it a person ("Jordan");
 *   <li>a mention that is exactly a word for a people, language or religion ("Iraqi", "Germans")
 *       that the tagger made an ORGANIZATION is MISC;
 *   <li>"London-based", "Dublin-born": a capitalized word hyphenated with {@code based}, {@code
 *       born} and the like is MISC on its own, cut off the mention it starts ("Boston-based Acme
 *       Corp" is MISC "Boston-based" and ORGANIZATION "Acme Corp");
 *   <li>a known name of two or more words that holds mentions of its own type, and only those, replaces
 *       them ("West Indian" where the tagger found "Indian"); a known place also replaces a
 *       people's word inside it ("Czech Republic" where the tagger found MISC "Czech");
 *   <li>untagged whole-word occurrences of those names become mentions, when they overlap no
 *       mention and no capitalized word that is not itself a known name stands right before or after
 *       ("Indian Ocean" is left alone). In a line in capitals only places are added, and their
 *       capitalized forms match too ("EL SALVADOR").
 * </ul>
 */
final class KnownNames {
  private KnownNames() {}

  /** Names that are also common given names or words: never added where the tagger saw nothing. */
  private static final Set<String> NOT_ADDED =
      Set.of("Jordan", "Chad", "Christian", "Christians", "Latin", "Pole", "Finn", "Georgia");

  /** "London-based", "Dublin-born", "Ohio-registered". */
  static final Pattern PLACE_COMPOUND =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}.-])(?:(?:St\\.?|Saint|New|San|Santa|Los|Las|Hong|Sao|Buenos|Rio|Kuala|Tel|Abu|Sri"
              + "|South|North|West|East|Northern|Southern|Western|Eastern) )?\\p{Lu}[\\p{L}.']*-(?:based|born|bred|registered|listed"
              + "|owned|made)(?![\\p{L}\\p{N}-])");

  private static final String[] COMPOUND_SUFFIXES = {
    "based", "born", "bred", "registered", "listed", "owned", "made"
  };

  /** Whether {@link #PLACE_COMPOUND} can match: it needs a hyphen and a suffix most text lacks. */
  static boolean mayHoldPlaceCompound(String text) {
    for (int i = text.indexOf('-'); i >= 0; i = text.indexOf('-', i + 1)) {
      for (String suffix : COMPOUND_SUFFIXES) {
        if (text.startsWith(suffix, i + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  private static final class Matchers {
    static final WorldNames WORLD = WorldNames.get();
    static final List<String> MIXED = new ArrayList<>(WORLD.names().keySet());
    static final PhraseMatcher MIXED_MATCHER = new PhraseMatcher(MIXED);
    static final List<String> UPPER = new ArrayList<>();
    static {
      for (Map.Entry<String, EntityType> e : WORLD.upperCaseNames().entrySet()) {
        if (e.getValue() == EntityType.LOCATION) {
          UPPER.add(e.getKey());
        }
      }
    }
    static final PhraseMatcher UPPER_MATCHER = new PhraseMatcher(UPPER);
  }

  /** The unit's mentions after the rules above, in order of position. */
  static List<Mention> apply(String text, List<Mention> mentions) {
    boolean caps = LabelConsistency.isCapitals(text);
    WorldNames world = Matchers.WORLD;
    List<Mention> out = new ArrayList<>();
    for (Mention m : mentions) {
      EntityType known =
          caps || isUpperCase(m.text()) ? world.typeOfAnyCase(m.text()) : world.typeOf(m.text());
      if (known == EntityType.LOCATION
          && (m.type() != EntityType.PERSON || !NOT_ADDED.contains(m.text()))) {
        out.add(m.withType(known));
      } else if (known == EntityType.MISC && m.type() != EntityType.PERSON && !caps) {
        out.add(m.withType(known));
      } else {
        splitCompounds(m, out);
      }
    }
    // Untagged place compounds.
    if (mayHoldPlaceCompound(text)) {
      Matcher pc = PLACE_COMPOUND.matcher(text);
      while (pc.find()) {
        if (!overlaps(out, pc.start(), pc.end())) {
          out.add(new Mention(pc.start(), pc.end(), pc.group(), EntityType.MISC));
        }
      }
    }
    List<String> phrases = caps ? Matchers.UPPER : Matchers.MIXED;
    PhraseMatcher matcher = caps ? Matchers.UPPER_MATCHER : Matchers.MIXED_MATCHER;
    List<Mention> added = new ArrayList<>();
    for (PhraseMatcher.Match match : matcher.find(text)) {
      String phrase = phrases.get(match.phrase());
      if (!NOT_ADDED.contains(phrase)
          && phrase.indexOf(' ') > 0
          && extendsMentions(out, match.start(), match.end(), world.typeOfAnyCase(phrase))) {
        // "West Indian" where the tagger found only "Indian": the known longer name replaces it.
        out.removeIf(m -> m.start() >= match.start() && m.end() <= match.end());
        added.add(new Mention(match.start(), match.end(), phrase, world.typeOfAnyCase(phrase)));
        continue;
      }
      if (NOT_ADDED.contains(phrase)
          || overlaps(out, match.start(), match.end())
          || (!caps && capitalizedNeighbour(text, match.start(), match.end()))) {
        continue;
      }
      added.add(
          new Mention(match.start(), match.end(), phrase, world.typeOfAnyCase(phrase)));
    }
    out.addAll(added);
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return out;
  }

  /** Adds {@code m}, with any place compound in it cut off as a MISC mention of its own. */
  private static void splitCompounds(Mention m, List<Mention> out) {
    if (!mayHoldPlaceCompound(m.text())) {
      out.add(m);
      return;
    }
    Matcher pc = PLACE_COMPOUND.matcher(m.text());
    int from = 0;
    boolean any = false;
    while (pc.find()) {
      any = true;
      addTrimmed(m, from, pc.start(), m.type(), out);
      addTrimmed(m, pc.start(), pc.end(), EntityType.MISC, out);
      from = pc.end();
    }
    if (!any) {
      out.add(m);
      return;
    }
    addTrimmed(m, from, m.text().length(), m.type(), out);
  }

  private static void addTrimmed(Mention m, int from, int to, EntityType type, List<Mention> out) {
    Mention part = m.part(from, to, type);
    if (part != null) {
      out.add(part);
    }
  }

  /**
   * True when the word right before or after [start, end) (across spaces only) starts with a capital
   * letter and is not itself a known name.
   */
  static boolean capitalizedNeighbour(String text, int start, int end) {
    int i = start;
    while (i > 0 && text.charAt(i - 1) == ' ') {
      i--;
    }
    if (i < start && i > 0) {
      int j = i;
      while (j > 0 && !Character.isWhitespace(text.charAt(j - 1))) {
        j--;
      }
      if (isForeignCapitalized(text.substring(j, i))) {
        return true;
      }
    }
    int k = end;
    while (k < text.length() && text.charAt(k) == ' ') {
      k++;
    }
    if (k > end && k < text.length()) {
      int j = k;
      while (j < text.length() && !Character.isWhitespace(text.charAt(j))) {
        j++;
      }
      return isForeignCapitalized(text.substring(k, j));
    }
    return false;
  }

  /** Capitalized words that do not make a name longer. */
  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "A", "An", "The", "In", "On", "At", "Of", "For", "From", "To", "By", "With", "And", "But",
          "Or", "As", "If", "When", "While", "After", "Before", "Two", "Three", "Some", "Many",
          "Most", "All", "Other", "Several", "I", "He", "She", "We", "They", "It", "This", "That",
          "These", "Those", "His", "Her", "Their", "Our", "Its");

  private static boolean isForeignCapitalized(String word) {
    return !word.isEmpty()
        && Character.isUpperCase(word.codePointAt(0))
        && !FUNCTION_WORDS.contains(word)
        && Matchers.WORLD.typeOf(word) == null;
  }

  /**
   * True when [start, end) overlaps mentions, all inside it, all of {@code type} (or, for a place,
   * a people's word: the longer name is the country), none covering it whole.
   */
  private static boolean extendsMentions(List<Mention> mentions, int start, int end, EntityType type) {
    boolean any = false;
    for (Mention m : mentions) {
      if (m.start() < end && start < m.end()) {
        boolean sameName = m.type() == type || (type == EntityType.LOCATION && isPeoplesWord(m));
        if (m.start() < start || m.end() > end || !sameName
            || (m.start() == start && m.end() == end)) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  private static boolean isPeoplesWord(Mention m) {
    return m.type() == EntityType.MISC && Matchers.WORLD.typeOfAnyCase(m.text()) == EntityType.MISC;
  }

  private static boolean isUpperCase(String text) {
    int letters = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letters += Character.isLetter(c) ? 1 : 0;
    }
    return letters >= 4;
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
