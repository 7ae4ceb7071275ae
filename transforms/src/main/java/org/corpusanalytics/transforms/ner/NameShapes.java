package org.corpusanalytics.transforms.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rules on the shape of a mention, per unit of text:
 *
 * <ul>
 *   <li>a name's brackets are balanced ({@link #balancedBrackets}): "Tom ) Seaver" takes its
 *       opening bracket, "Hizbollah ( Party of God" is two names; angle brackets (wire copy's
 *       company and ticker marks) are never part of a name;
 *   <li>a preposition, conjunction, month or weekday that starts a longer mention is not part of
 *       the name ("In Milwaukee" is "Milwaukee", "August National Association of ..." is "National
 *       Association of ...");
 *   <li>a person's regnal number is part of the name ("Margrethe II");
 *   <li>a name ending with a company designator ("Inc", "Corp", "Ltd", "Plc", "Bros", ...) is an
 *       ORGANIZATION, and a company designator right after a person, place or MISC mention joins it
 *       ("Apic Yamada Corp", "Warner Bros");
 *   <li>across the article ({@link #splitConjunctions}): "X and Y" tagged as one name is two when
 *       each side is named on its own elsewhere in the article.
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

  /** A title in double quotes: capitalized words, small words between them. */
  private static final java.util.regex.Pattern QUOTED_TITLE =
      java.util.regex.Pattern.compile(
          "(?<=[\"\u201c] ?)(\\p{Lu}[\\p{L}'-]*(?: (?:of|the|in|a|an|and|or|on|for|to|at|by|with|from|over|under|into|upon|'s|\\p{Lu}[\\p{L}'-]*)){0,6})(?= ?[\"\u201d])");

  /**
   * A quoted title ({@code "Ice Cold in Bergen"}, also with spaces inside the quotes as in
   * tokenized text) is one MISC name: capitalized words (small
   * words such as "of" and "the" between them, the last one capitalized) standing alone in double
   * quotes, not right after a capitalized word (a nickname: {@code Roberto " Hands of Stone "}).
   */
  static List<Mention> quotedTitles(String text, List<Mention> mentions) {
    java.util.regex.Matcher q = QUOTED_TITLE.matcher(text);
    List<Mention> out = mentions;
    while (q.find()) {
      String title = q.group(1);
      String last = lastWord(title);
      if (!Character.isUpperCase(last.charAt(0)) || WorldNames.get().typeOf(title) != null) {
        continue;
      }
      int quote = q.start() - 1;
      while (quote > 0 && text.charAt(quote) == ' ') {
        quote--;
      }
      int before = quote;
      while (before > 0 && text.charAt(before - 1) == ' ') {
        before--;
      }
      int w = before;
      while (w > 0 && text.charAt(w - 1) != ' ') {
        w--;
      }
      if (before > w && Character.isUpperCase(text.charAt(w))) {
        continue;
      }
      int start = q.start(1);
      int end = q.end(1);
      boolean whole = false;
      for (Mention m : out) {
        whole |= m.start() == start && m.end() == end && m.type() == EntityType.MISC;
      }
      if (whole) {
        continue;
      }
      List<Mention> next = new ArrayList<>();
      for (Mention m : out) {
        if (m.end() <= start || m.start() >= end) {
          next.add(m);
        }
      }
      next.add(new Mention(start, end, title, EntityType.MISC));
      next.sort((a, b) -> Integer.compare(a.start(), b.start()));
      out = next;
    }
    return out;
  }

  /**
   * A name never holds an unmatched bracket; the tagger gives one when it tags the words around a
   * bracket but not the bracket itself:
   *
   * <ul>
   *   <li>an unmatched ")" takes its "(" when that stands right before the mention ("( Tom )
   *       Seaver"), and then joins a mention of the same type right before the "(" ("James Leander
   *       ( Leo ) Nichols"); with no "(" there, the mention starts after the ")";
   *   <li>at an unmatched "(", the mention is two names, one each side ("Hizbollah ( Party of God
   *       )"), unless the ")" right after it is followed by a company designator: then it is one
   *       organization up to the designator ("Teck Hock and Co (Pte) Ltd").
   * </ul>
   *
   * Mentions whose brackets match ("Proleter ( Z )") are left alone. Square brackets likewise.
   */
  static List<Mention> balancedBrackets(String text, List<Mention> mentions) {
    boolean any = false;
    for (Mention m : mentions) {
      any |= unmatched(m.text()) != 0 || m.text().indexOf('<') >= 0 || m.text().indexOf('>') >= 0;
    }
    if (!any) {
      return mentions;
    }
    List<Mention> out = new ArrayList<>(mentions.size() + 1);
    for (Mention m : mentions) {
      for (Mention piece : withoutAngleBrackets(m)) {
        addBalanced(text, piece, out);
      }
    }
    return out;
  }

  private static final java.util.regex.Pattern TICKER =
      java.util.regex.Pattern.compile("[A-Z0-9][A-Z0-9.-]{0,9}");

  /**
   * Wire copy marks company names and their tickers with angle brackets ({@code <Teck Hock and Co
   * Ltd>}, {@code International Paper Co <IP> and Stone Container Co}): the brackets are never
   * part of a name and a name runs up to them; a bracketed ticker is no name. The pieces between
   * them that start and end with a capitalized word or a number, and are more than a company
   * designator, stay names of the mention's type, without a leading "and" or "or".
   */
  private static List<Mention> withoutAngleBrackets(Mention m) {
    String t = m.text();
    if (t.indexOf('<') < 0 && t.indexOf('>') < 0) {
      return List.of(m);
    }
    List<Mention> pieces = new ArrayList<>();
    int from = 0;
    for (int i = 0; i <= t.length(); i++) {
      if (i == t.length() || t.charAt(i) == '<' || t.charAt(i) == '>') {
        boolean ticker =
            from > 0 && t.charAt(from - 1) == '<' && i < t.length() && t.charAt(i) == '>'
                && TICKER.matcher(t.substring(from, i).trim()).matches();
        if (!ticker) {
          addPiece(m, from, i, pieces);
        }
        from = i + 1;
      }
    }
    return pieces;
  }

  private static void addPiece(Mention m, int from, int to, List<Mention> pieces) {
    Mention piece = m.part(from, to, m.type());
    for (String conjunction : new String[] {"and ", "or "}) {
      if (piece != null && piece.text().startsWith(conjunction)) {
        piece = piece.part(conjunction.length(), piece.text().length(), m.type());
      }
    }
    if (piece == null) {
      return;
    }
    String t = piece.text();
    if (Character.isLowerCase(t.charAt(0))
        || Character.isLowerCase(lastWord(t).charAt(0))
        || t.chars().noneMatch(Character::isLetterOrDigit)
        || DESIGNATORS.contains(t)) {
      return; // "of Canada", "MD-83 jets", the "Plc" of "Norcros <NCRO.L> Plc"
    }
    pieces.add(piece);
  }

  private static void addBalanced(String text, Mention m, List<Mention> out) {
    int at = unmatched(m.text());
    if (at > 0) {
      int designator = designatorAfterClosing(text, m, at - 1);
      if (designator > 0) {
        out.add(
            new Mention(
                m.start(), designator, text.substring(m.start(), designator),
                EntityType.ORGANIZATION));
        return;
      }
      addPart(text, m, 0, at - 1, out);
      addPart(text, m, at, m.text().length(), out);
    } else if (at < 0) {
      addWithOpening(text, m, -at - 1, out);
    } else {
      out.add(m);
    }
  }

  /**
   * 0 when every bracket of {@code name} is matched; else the position of the first unmatched one,
   * plus 1 for an opening bracket and negated for a closing one.
   */
  private static int unmatched(String name) {
    if (name.indexOf('(') < 0 && name.indexOf(')') < 0 && name.indexOf('[') < 0
        && name.indexOf(']') < 0) {
      return 0;
    }
    java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '(' || c == '[') {
        open.push(i);
      } else if (c == ')' || c == ']') {
        if (open.isEmpty() || name.charAt(open.peek()) != (c == ')' ? '(' : '[')) {
          return -(i + 1);
        }
        open.pop();
      }
    }
    return open.isEmpty() ? 0 : open.peekLast() + 1;
  }

  /**
   * For a mention with an unmatched opening bracket at {@code bracket} that the matching one closes
   * right after the mention: the end of a company designator after it ("Temasek Holdings (Pte) Ltd"),
   * else -1.
   */
  private static int designatorAfterClosing(String text, Mention m, int bracket) {
    if (unmatched(m.text().substring(bracket + 1)) != 0) {
      return -1;
    }
    char closing = m.text().charAt(bracket) == '(' ? ')' : ']';
    int pos = m.end();
    while (pos < text.length() && text.charAt(pos) == ' ') {
      pos++;
    }
    return pos < text.length() && text.charAt(pos) == closing ? designatorAfter(text, pos + 1) : -1;
  }

  private static void addWithOpening(String text, Mention m, int bracket, List<Mention> out) {
    char opening = m.text().charAt(bracket) == ')' ? '(' : '[';
    int before = m.start();
    while (before > 0 && text.charAt(before - 1) == ' ') {
      before--;
    }
    int start = before - 1;
    if (start >= 0 && text.charAt(start) == opening) {
      int gap = start;
      while (gap > 0 && text.charAt(gap - 1) == ' ') {
        gap--;
      }
      Mention previous = out.isEmpty() ? null : out.get(out.size() - 1);
      boolean join = previous != null && previous.end() == gap && previous.type() == m.type();
      int from = join ? previous.start() : start;
      String joined = text.substring(from, m.end());
      if (unmatched(joined) == 0) {
        if (join) {
          out.remove(out.size() - 1);
        }
        out.add(new Mention(from, m.end(), joined, m.type()));
        return;
      }
    }
    addPart(text, m, bracket + 1, m.text().length(), out);
  }

  /** Adds the part [from, to) of {@code m} ({@link Mention#part}), its brackets balanced. */
  private static void addPart(String text, Mention m, int from, int to, List<Mention> out) {
    Mention part = m.part(from, to, m.type());
    if (part != null && part.text().chars().anyMatch(Character::isLetterOrDigit)) {
      addBalanced(text, part, out);
    }
  }

  /** The unit's mentions after the rules above, in order of position. */
  static List<Mention> apply(String text, List<Mention> mentions) {
    mentions = balancedBrackets(text, mentions);
    mentions = quotedTitles(text, mentions);
    List<Mention> out = new ArrayList<>(mentions.size());
    for (int i = 0; i < mentions.size(); i++) {
      Mention m = mentions.get(i);
      m = withoutLeadingWord(m);
      m = withRegnalNumber(text, m);
      String last = lastWord(m.text());
      if (m.type() != EntityType.ORGANIZATION && DESIGNATORS.contains(last) && m.text().contains(" ")) {
        m = m.withType(EntityType.ORGANIZATION);
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

  /**
   * A one-word person mention that is the first word of an organization named in the same article
   * ("Halvorsen" with "Halvorsen Marine Corp", "Moody" with "Moody's Investors Service Inc", its
   * first word as {@link AliasResolver#canonicalName} reads it), and of no longer person, is that
   * organization; so is a one-word place mention when the organization's name ends with a company
   * designator.
   */
  static List<List<Mention>> shortOrganizationNames(List<List<Mention>> units) {
    java.util.Map<String, Boolean> orgFirstWords = new java.util.HashMap<>(); // -> has designator
    java.util.Set<String> personWords = new java.util.HashSet<>();
    for (List<Mention> unit : units) {
      for (Mention m : unit) {
        int space = m.text().indexOf(' ');
        if (space < 0) {
          continue;
        }
        if (m.type() == EntityType.ORGANIZATION) {
          orgFirstWords.merge(
              AliasResolver.canonicalName(m.text().substring(0, space), EntityType.ORGANIZATION),
              DESIGNATORS.contains(lastWord(m.text())),
              Boolean::logicalOr);
        } else if (m.type() == EntityType.PERSON) {
          personWords.addAll(java.util.Arrays.asList(m.text().split(" ")));
        }
      }
    }
    if (orgFirstWords.isEmpty()) {
      return units;
    }
    return Mention.retype(
        units,
        m -> {
          Boolean designated = orgFirstWords.get(m.text());
          boolean relabel =
              designated != null
                  && !personWords.contains(m.text())
                  && (m.type() == EntityType.PERSON
                      || (m.type() == EntityType.LOCATION
                          && designated
                          && WorldNames.get().typeOf(m.text()) == null));
          return relabel ? EntityType.ORGANIZATION : null;
        });
  }

  /** Abbreviations of three letters or more that end with a full stop of their own. */
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ill", "Ind", "Kan", "Mass",
          "Mich", "Minn", "Miss", "Mont", "Neb", "Nev", "Okla", "Ore", "Tenn", "Tex", "Wash", "Wis",
          "Wyo", "Gen", "Col", "Sgt", "Gov", "Sen", "Rep", "Mrs", "Ave", "Blvd", "Dept", "Univ",
          "Assn", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec");

  /**
   * The end of a name found by a rule in [start, end), without the full stop of the sentence it
   * ends: raw text glues it to the last word ("... Dean Headley, Alan Mullally."), tokenized text
   * does not. A word of one or two letters ("J.", "Co.") or with another period ("U.S."), a
   * company designator ("Bros.") or a known abbreviation ("Minn.", "Gen.") keeps it.
   */
  static int endWithoutFullStop(String text, int start, int end) {
    if (end - start < 2 || text.charAt(end - 1) != '.' || !text.substring(end).isBlank()) {
      return end;
    }
    int word = end - 1;
    while (word > start && !Character.isWhitespace(text.charAt(word - 1))) {
      word--;
    }
    String core = text.substring(word, end - 1);
    boolean abbreviation =
        core.length() < 3 || core.indexOf('.') >= 0 || DESIGNATORS.contains(core)
            || ABBREVIATIONS.contains(core)
            || !core.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'');
    return abbreviation ? end : end - 1;
  }

  /**
   * Splits a mention joined by " and " or " or " into its sides when each side is named on its own
   * elsewhere in the article (the text of another mention, or the start of a longer one) or is a
   * known place or people ({@link WorldNames}): "Nice and Paris St Germain" are two clubs when the
   * article names Nice alone. A side takes the type it has elsewhere, else the joined mention's.
   */
  static List<List<Mention>> splitConjunctions(List<List<Mention>> units) {
    java.util.Map<String, EntityType> alone = new java.util.HashMap<>();
    for (List<Mention> unit : units) {
      for (Mention m : unit) {
        if (!m.text().contains(" and ") && !m.text().contains(" or ")) {
          alone.putIfAbsent(m.text(), m.type());
        }
      }
    }
    List<List<Mention>> out = new ArrayList<>(units.size());
    for (List<Mention> unit : units) {
      List<Mention> result = new ArrayList<>(unit.size());
      for (Mention m : unit) {
        String t = m.text();
        int at = t.indexOf(" and ");
        if (at < 0) {
          at = t.indexOf(" or ");
        }
        int gap = at < 0 ? 0 : (t.startsWith(" and ", at) ? 5 : 4);
        if (at <= 0 || t.indexOf(" and ", at + 1) >= 0 || t.indexOf(" or ", at + 1) >= 0) {
          result.add(m);
          continue;
        }
        String left = t.substring(0, at);
        String right = t.substring(at + gap);
        EntityType lt = namedAlone(left, alone);
        EntityType rt = namedAlone(right, alone);
        if (lt == null || rt == null || right.isEmpty()) {
          result.add(m);
          continue;
        }
        result.add(new Mention(m.start(), m.start() + at, left, sideType(left, m.type(), alone)));
        result.add(
            new Mention(m.start() + at + gap, m.end(), right, sideType(right, m.type(), alone)));
      }
      out.add(result);
    }
    return out;
  }

  /** The side's own type where it stands alone or is a known name, else the joined mention's. */
  private static EntityType sideType(
      String side, EntityType joined, java.util.Map<String, EntityType> alone) {
    EntityType t = alone.get(side);
    if (t == null) {
      t = WorldNames.get().typeOf(side);
    }
    return t != null ? t : joined;
  }

  private static @javax.annotation.Nullable EntityType namedAlone(
      String side, java.util.Map<String, EntityType> alone) {
    if (side.isEmpty() || !Character.isUpperCase(side.charAt(0))) {
      return null;
    }
    EntityType t = alone.get(side);
    if (t != null) {
      return t;
    }
    EntityType known = WorldNames.get().typeOf(side);
    if (known != null) {
      return known;
    }
    for (java.util.Map.Entry<String, EntityType> e : alone.entrySet()) {
      if (e.getKey().startsWith(side + " ")) {
        return e.getValue();
      }
    }
    return null;
  }

  private static final java.util.regex.Pattern REGNAL =
      java.util.regex.Pattern.compile(" (?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)(?=$|[ ,.;:)'])");

  /** "Queen Margrethe II": a person's regnal number is part of the name. */
  private static Mention withRegnalNumber(String text, Mention m) {
    if (m.type() != EntityType.PERSON) {
      return m;
    }
    java.util.regex.Matcher r = REGNAL.matcher(text);
    r.region(m.end(), text.length());
    if (!r.lookingAt()) {
      return m;
    }
    return new Mention(m.start(), r.end(), text.substring(m.start(), r.end()), m.type());
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
      int wordEnd = end;
      // Raw text glues punctuation to the word: "Ltd>", "Bros,".
      while (wordEnd > start && ",;:>)]\"'".indexOf(text.charAt(wordEnd - 1)) >= 0) {
        wordEnd--;
      }
      String word = text.substring(start, wordEnd);
      if (wordEnd < end && !DESIGNATORS.contains(word)) {
        return -1; // the name ends at the punctuation
      }
      if (DESIGNATORS.contains(word) && !word.equals("Group") && !word.equals("Holdings")) {
        return wordEnd;
      }
      if (word.isEmpty() || !Character.isUpperCase(word.charAt(0))) {
        return -1;
      }
      pos = end;
    }
    return -1;
  }
}
