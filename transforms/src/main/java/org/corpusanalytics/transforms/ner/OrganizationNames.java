package org.corpusanalytics.transforms.ner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evidence that a name is an organization, from general knowledge of how organizations are named:
 *
 * <ul>
 *   <li>a name of two or more words ending with a word such as {@code Party}, {@code Ministry},
 *       {@code Council} or {@code Exchange}, or starting with one followed by {@code of}, {@code
 *       for} or {@code on} ("League of Women Voters"), is an ORGANIZATION;
 *   <li>such a word closing a mention and followed by {@code of}, {@code for} or {@code on} and
 *       capitalized words takes them in ("Commission" before "on Presidential Debates");
 *   <li>an abbreviation in brackets right after a name whose words' initials spell it ("Budapest
 *       Stock Exchange ( BSE )") takes the name's type, and so does every mention of it in the
 *       article ({@link #acronyms}).
 * </ul>
 */
final class OrganizationNames {
  private OrganizationNames() {}

  /** Words that head an organization's name in news text. */
  static final Set<String> HEADS =
      Set.of(
          "Party", "Ministry", "Council", "Association", "Federation", "Club", "University",
          "Agency", "Commission", "Committee", "Court", "Exchange", "Airlines", "Airways",
          "Institute", "Foundation", "Organisation", "Organization", "Authority", "Bureau",
          "Department", "Fund", "Society", "Front", "Movement", "Congress", "Parliament",
          "Assembly", "Bank", "Union", "Confederation", "Board", "Office", "Corporation",
          "Company", "Alliance", "Coalition", "Tribunal", "Senate", "Army", "Police", "Group");

  /** Heads that also end place names ("West Bank", "Soviet Union"): not over a LOCATION. */
  private static final Set<String> ALSO_PLACES =
      Set.of("Bank", "Union", "Assembly", "Court", "Federation");

  /**
   * Heads only before "of" ("League of Nations"): a sports league ("American League") is MISC in
   * news annotation.
   */
  private static final Set<String> HEADS_BEFORE_OF = Set.of("League");

  /** " of Trade and Industry", " for Human Rights", " on Presidential Debates" after a head. */
  private static final Pattern OF_PHRASE =
      Pattern.compile(
          " (?:of|for|on) (?:the )?\\p{Lu}[\\p{L}'.-]*(?: (?:and |& )?\\p{Lu}[\\p{L}'.-]*){0,4}");

  /** " ( BSE )" or " (NATO)": capitals (dots, digits, '&' and '-' inside) in brackets. */
  private static final Pattern ACRONYM =
      Pattern.compile(" ?\\( ?(\\p{Lu}[\\p{Lu}\\p{Nd}&.-]{1,9}) ?\\)");

  /** The unit's mentions after the first two rules and the bracketed abbreviations, in order. */
  static List<Mention> apply(String text, List<Mention> mentions) {
    List<Mention> out = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      out.add(headed(m));
    }
    out = withOfPhrases(text, out);
    return withAcronyms(text, out);
  }

  private static Mention headed(Mention m) {
    if (m.type() == EntityType.ORGANIZATION || !m.text().contains(" ")) {
      return m;
    }
    String[] words = m.text().split(" ");
    if (words.length < 2) {
      return m; // only spaces around one word
    }
    String last = words[words.length - 1];
    boolean headLast =
        HEADS.contains(last) && !(m.type() == EntityType.LOCATION && ALSO_PLACES.contains(last));
    boolean headFirst =
        words.length > 2
            && (HEADS.contains(words[0]) || HEADS_BEFORE_OF.contains(words[0]))
            && (words[1].equals("of") || words[1].equals("for") || words[1].equals("on"));
    if ((!headLast && !headFirst) || WorldNames.get().typeOf(m.text()) != null) {
      return m;
    }
    return m.withType(EntityType.ORGANIZATION);
  }

  private static List<Mention> withOfPhrases(String text, List<Mention> mentions) {
    List<Mention> out = mentions;
    Matcher of = OF_PHRASE.matcher(text);
    for (int i = 0; i < out.size(); i++) {
      Mention m = out.get(i);
      int space = m.text().lastIndexOf(' ');
      String last = m.text().substring(space + 1);
      if (m.type() != EntityType.ORGANIZATION || !HEADS.contains(last)) {
        continue;
      }
      of.region(m.end(), text.length());
      if (!of.lookingAt() || hasDateWord(of.group())) {
        continue;
      }
      int end = of.end();
      List<Mention> next = new ArrayList<>(out.size());
      for (Mention o : out) {
        if (o == m) {
          next.add(new Mention(m.start(), end, text.substring(m.start(), end), m.type()));
        } else if (o.end() <= m.start() || o.start() >= end) {
          next.add(o);
        }
      }
      out = next;
    }
    return out;
  }

  /** "Council on Friday" is no name. */
  private static boolean hasDateWord(String phrase) {
    for (String w : phrase.split(" ")) {
      if (DATE_WORDS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> DATE_WORDS =
      Set.of(
          "January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
          "Friday", "Saturday", "Sunday");

  private static List<Mention> withAcronyms(String text, List<Mention> mentions) {
    if (text.indexOf('(') < 0) {
      return mentions; // most units: no brackets, no abbreviation to define
    }
    List<Mention> out = mentions;
    Matcher a = ACRONYM.matcher(text);
    for (int i = 0; i < out.size(); i++) {
      Mention m = out.get(i);
      a.region(m.end(), text.length());
      if (!a.lookingAt() || m.type() == EntityType.PERSON) {
        continue;
      }
      String acronym = a.group(1);
      if (WorldNames.get().typeOfAnyCase(acronym) != null || !spells(acronym, m.text())) {
        continue;
      }
      int start = a.start(1);
      int end = a.end(1);
      if (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
        continue;
      }
      List<Mention> next = new ArrayList<>(out.size() + 1);
      for (Mention o : out) {
        if (o.end() <= start || o.start() >= end) {
          next.add(o);
        }
      }
      next.add(new Mention(start, end, acronym, m.type()));
      next.sort((x, y) -> Integer.compare(x.start(), y.start()));
      out = next;
    }
    return out;
  }

  /**
   * Whether the initials of the name's words hold the abbreviation's letters in order ("Organisation
   * of Islamic Conference" spells "OIC"; small words may be skipped or counted).
   */
  static boolean spells(String acronym, String name) {
    StringBuilder letters = new StringBuilder();
    for (char c : acronym.toCharArray()) {
      if (Character.isLetter(c)) {
        letters.append(Character.toUpperCase(c));
      }
    }
    String[] words = name.split("[ -]+");
    if (letters.length() < 2 || letters.length() > words.length) {
      return false;
    }
    int k = 0;
    for (String w : words) {
      if (k < letters.length() && !w.isEmpty() && Character.toUpperCase(w.charAt(0)) == letters.charAt(k)) {
        k++;
      } else if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
        return false; // a capitalized word that the abbreviation skips: not its long form
      }
    }
    return k == letters.length();
  }

  /**
   * Across the article: an abbreviation defined in brackets after its long form is of that type in
   * every mention of it, whatever the tagger said elsewhere.
   */
  static List<List<Mention>> acronyms(List<String> texts, List<List<Mention>> units) {
    Map<String, EntityType> defined = new HashMap<>();
    for (int u = 0; u < units.size(); u++) {
      String text = texts.get(u);
      List<Mention> unit = units.get(u);
      for (int i = 0; i + 1 < unit.size(); i++) {
        Mention longForm = unit.get(i);
        Mention acronym = unit.get(i + 1);
        if (longForm.type() != acronym.type()
            || longForm.type() == EntityType.PERSON
            || !spells(acronym.text(), longForm.text())) {
          continue;
        }
        Matcher a = ACRONYM.matcher(text);
        a.region(longForm.end(), text.length());
        if (a.lookingAt() && a.start(1) == acronym.start() && a.end(1) == acronym.end()) {
          defined.putIfAbsent(acronym.text(), acronym.type());
        }
      }
    }
    return defined.isEmpty() ? units : Mention.retype(units, m -> defined.get(m.text()));
  }
}
