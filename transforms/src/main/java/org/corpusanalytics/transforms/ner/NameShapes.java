package org.corpusanalytics.transforms.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rules on the shape of a mention, per unit of text:
 *
 * <ul>
 *   <li>a preposition, conjunction, month or weekday that starts a longer mention is not part of
 *       the name ("In Milwaukee" is "Milwaukee", "August National Association of ..." is "National
 *       Association of ...");
 *   <li>a name ending with a company designator ("Inc", "Corp", "Ltd", "Plc", "Bros", ...) is an
 *       ORGANIZATION, and a company designator right after a person, place or MISC mention joins it
 *       ("Apic Yamada Corp", "Warner Bros").
 * </ul>
 */
final class NameShapes {
  private NameShapes() {}

  private static final Set<String> NOT_FIRST =
      Set.of(
          "In", "At", "On", "From", "For", "By", "With", "Of", "To", "And", "But", "Or", "As",
          "Via", "January", "February", "March", "April", "June", "July", "August",
          "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday",
          "Thursday", "Friday", "Saturday", "Sunday");

  static final Set<String> DESIGNATORS =
      Set.of(
          "Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Ltd", "Ltd.", "Plc", "PLC", "plc", "LLC",
          "AG", "SA", "S.A.", "NV", "N.V.", "Bros", "Bros.", "GmbH", "SpA", "S.p.A.", "Cos",
          "Bancorp", "Bancshares", "Holdings", "Group", "Limited", "Corporation", "Incorporated");

  /** The unit's mentions after the rules above, in order of position. */
  static List<Mention> apply(String text, List<Mention> mentions) {
    List<Mention> out = new ArrayList<>(mentions.size());
    for (int i = 0; i < mentions.size(); i++) {
      Mention m = mentions.get(i);
      m = withoutLeadingWord(m);
      String last = lastWord(m.text());
      if (m.type() != EntityType.ORGANIZATION && DESIGNATORS.contains(last) && m.text().contains(" ")) {
        m = new Mention(m.start(), m.end(), m.text(), EntityType.ORGANIZATION);
      } else if (m.type() != EntityType.ORGANIZATION) {
        int end = designatorAfter(text, m.end());
        Mention next = i + 1 < mentions.size() ? mentions.get(i + 1) : null;
        if (end > 0 && m.type() != EntityType.MISC && (next == null || next.start() >= end)) {
          m = new Mention(m.start(), end, text.substring(m.start(), end), EntityType.ORGANIZATION);
        }
      }
      out.add(m);
    }
    return out;
  }

  private static Mention withoutLeadingWord(Mention m) {
    String t = m.text();
    int space = t.indexOf(' ');
    if (space <= 0 || !NOT_FIRST.contains(t.substring(0, space))) {
      return m;
    }
    int from = space;
    while (from < t.length() && t.charAt(from) == ' ') {
      from++;
    }
    if (from >= t.length() || !Character.isUpperCase(t.charAt(from))) {
      return m;
    }
    return new Mention(m.start() + from, m.end(), t.substring(from), m.type());
  }

  private static String lastWord(String text) {
    int space = text.lastIndexOf(' ');
    return text.substring(space + 1);
  }

  /**
   * The end of a company designator after {@code pos}, reached over up to three capitalized words
   * ("Jones Medical Industries Inc"), or -1.
   */
  private static int designatorAfter(String text, int pos) {
    for (int words = 0; words < 4; words++) {
      if (pos >= text.length() || text.charAt(pos) != ' ') {
        return -1;
      }
      int start = pos + 1;
      int end = start;
      while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      String word = text.substring(start, end);
      if (DESIGNATORS.contains(word) && !word.equals("Group") && !word.equals("Holdings")) {
        return end;
      }
      if (word.isEmpty() || !Character.isUpperCase(word.charAt(0))) {
        return -1;
      }
      pos = end;
    }
    return -1;
  }
}
