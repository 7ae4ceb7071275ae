package org.corpusanalytics.transforms.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Layout rules for people in results and line-ups, per unit of text:
 *
 * <ul>
 *   <li><b>A name before a bracketed country</b> ({@code 2. Jan Rider ( Belgium ) 3:51.01}, {@code
 *       Ana Lopez ( Spain ) beat ...}): in a line with digits, the run of capitalized words right
 *       before a bracketed country or region of {@link WorldNames} is a person; where the tagger
 *       made it an organization ({@code Red Star ( Yugoslavia ) beat ...}) only in a ranked row.
 *   <li><b>Line-ups</b> ({@code Kowalski , Berg , Lund , Moe , Dahl}, {@code 1 - Jan Berg ; 2 - Ole
 *       Lund ( 14 - Per Moe 60th )}): in a line of at least four names separated by commas,
 *       semicolons, brackets or dashes, of which at least three in five are tagged as whole persons,
 *       the other names are persons too, unless they are countries or the tagger made them an
 *       organization or a place.
 * </ul>
 */
final class PersonLists {
  private PersonLists() {}

  private static final Pattern RANK = Pattern.compile("\\s*\\d{1,3}\\s*[.)=]?\\s+");
  private static final Pattern BRACKETED = Pattern.compile("\\(\\s*([^()\\d]{2,40}?)\\s*\\)");
  static final Pattern ITEM_SEPARATOR = Pattern.compile("\\s*(?:[,;()]| - )\\s*");
  private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{L}'.-]*");
  private static final Pattern NAME_PARTICLE = Pattern.compile("(?:de|da|van|der|von|den|del|di|le|la)");
  private static final Pattern LEADING_NUMBER = Pattern.compile("\\d+|-|\\d+\\.");
  private static final Pattern TRAILING_NUMBER = Pattern.compile("\\d+(st|nd|rd|th)?|\\.|-");

  static List<Mention> apply(String text, List<Mention> mentions) {
    if (!text.chars().anyMatch(Character::isDigit) && !text.contains(",")) {
      return mentions;
    }
    List<Mention> out = new ArrayList<>(mentions);
    if (text.chars().anyMatch(Character::isDigit)) {
      Matcher b = BRACKETED.matcher(text);
      while (b.find()) {
        if (WorldNames.get().typeOfAnyCase(b.group(1)) != EntityType.LOCATION) {
          continue;
        }
        int end = b.start();
        while (end > 0 && text.charAt(end - 1) == ' ') {
          end--;
        }
        int start = nameStart(text, end);
        if (start >= 0 && start < end) {
          Matcher rank = RANK.matcher(text);
          boolean ranked = rank.lookingAt() && rank.end() == start;
          setPerson(text, start, end, out, ranked, true);
        }
      }
    }
    lineUp(text, out);
    return out;
  }

  /** Start of the run of capitalized words (and name particles) ending at {@code end}, or -1. */
  private static int nameStart(String text, int end) {
    int start = -1;
    int i = end;
    int words = 0;
    while (i > 0 && words < 5) {
      int j = i;
      while (j > 0 && text.charAt(j - 1) != ' ') {
        j--;
      }
      String word = text.substring(j, i);
      boolean name = NAME_WORD.matcher(word).matches();
      if (!name && !(NAME_PARTICLE.matcher(word).matches() && start >= 0)) {
        break;
      }
      if (name) {
        start = j;
      }
      words++;
      i = j;
      while (i > 0 && text.charAt(i - 1) == ' ') {
        i--;
      }
    }
    if (start < 0 || WorldNames.get().typeOfAnyCase(text.substring(start, end)) != null) {
      return -1;
    }
    return start;
  }

  private static void lineUp(String text, List<Mention> out) {
    if (separatorsAtMost(text) < 3) {
      return; // fewer than the four items a line-up needs
    }
    List<int[]> items = new ArrayList<>();
    Matcher sep = ITEM_SEPARATOR.matcher(text);
    int from = 0;
    while (true) {
      boolean found = sep.find();
      int to = found ? sep.start() : text.length();
      int[] item = nameItem(text, from, to);
      if (item != null
          && WorldNames.get().typeOfAnyCase(text.substring(item[0], item[1])) == null
          && !(found && isTeamTotal(text, from, to, sep.group()))) {
        items.add(item);
      }
      if (!found) {
        break;
      }
      from = sep.end();
    }
    if (items.size() < 4) {
      return;
    }
    int persons = 0;
    for (int[] item : items) {
      for (Mention m : out) {
        if (m.type() == EntityType.PERSON && m.start() == item[0] && m.end() == item[1]) {
          persons++;
        }
      }
    }
    if (persons * 5 < items.size() * 3) {
      return;
    }
    // Where nearly every name is a person, a name the tagger made an organization is one too.
    boolean nearlyAll = persons * 5 >= items.size() * 4;
    for (int[] item : items) {
      setPerson(text, item[0], item[1], out, nearlyAll, false);
    }
  }

  /**
   * "Surrey 468 ( C. Lewis 94 , ... )": a name, a number, then a bracket listing the players is a
   * team's total in a scorecard, not a player's score.
   */
  private static boolean isTeamTotal(String text, int from, int to, String separator) {
    String item = text.substring(from, to).strip();
    return separator.contains("(")
        && !item.isEmpty()
        && Character.isDigit(item.charAt(item.length() - 1))
        && item.indexOf(' ') > 0;
  }

  /** An upper bound on ITEM_SEPARATOR's matches: each holds one of [,;()] or one " - ". */
  static int separatorsAtMost(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == ';' || c == '(' || c == ')'
          || (c == '-' && text.startsWith(" - ", i - 1))) {
        n++;
      }
    }
    return n;
  }

  /**
   * The span of a name item in [from, to): a leading number ("14 -") and a trailing minute or number
   * ("87th", "60") dropped; null unless what is left is one to four capitalized words.
   */
  private static int[] nameItem(String text, int from, int to) {
    String[] words = text.substring(from, to).split(" ");
    int first = 0;
    int last = words.length - 1;
    while (first <= last
        && (words[first].isEmpty() || LEADING_NUMBER.matcher(words[first]).matches())) {
      first++;
    }
    while (last >= first
        && (words[last].isEmpty() || TRAILING_NUMBER.matcher(words[last]).matches())) {
      last--;
    }
    if (first > last || last - first >= 4) {
      return null;
    }
    for (int w = first; w <= last; w++) {
      if (!NAME_WORD.matcher(words[w]).matches() && !NAME_PARTICLE.matcher(words[w]).matches()) {
        return null;
      }
    }
    if (!NAME_WORD.matcher(words[first]).matches()) {
      return null;
    }
    int start = from;
    for (int w = 0; w < first; w++) {
      start += words[w].length() + 1;
    }
    int end = start;
    for (int w = first; w <= last; w++) {
      end += words[w].length() + (w < last ? 1 : 0);
    }
    return new int[] {start, NameShapes.endWithoutFullStop(text, start, end)};
  }

  /**
   * Makes [start, end) one person mention, replacing the mentions it overlaps; a name the tagger
   * made an organization is left alone unless {@code overOrganizations} (a ranked row).
   */
  private static void setPerson(
      String text,
      int start,
      int end,
      List<Mention> out,
      boolean overOrganizations,
      boolean overPlaces) {
    for (Mention m : out) {
      if (m.start() < end && start < m.end()) {
        if (m.type() == EntityType.PERSON && m.start() <= start && end <= m.end()) {
          return; // already a person
        }
        if (m.type() == EntityType.ORGANIZATION && !overOrganizations) {
          return;
        }
        if (m.type() == EntityType.LOCATION && !overPlaces) {
          return;
        }
      }
    }
    out.removeIf(m -> m.start() < end && start < m.end());
    out.add(new Mention(start, end, text.substring(start, end), EntityType.PERSON));
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
  }
}
