package org.corpusanalytics.transforms.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules for lines whose layout says what their names are, per unit of text:
 *
 * <ul>
 *   <li><b>Datelines</b> ({@code NEW YORK 1996-08-30}, {@code GRONINGEN , Netherlands 1996-08-30}):
 *       the place, and the region or country after the comma, are each one LOCATION.
 *   <li><b>Score lines</b> ({@code Leeds 2 Newcastle 1}: a name, a number, a name, a number, each
 *       score maybe followed by a bracketed note such as the scorers or the half-time score): each
 *       name is one team, an ORGANIZATION (a city used as a club's name) unless it is a country or
 *       other known place ({@link WorldNames}): national teams are LOCATIONs, as in CoNLL.
 *   <li><b>Standings rows</b> ({@code Leeds 4 3 1 0 7 4 10}: a name followed only by three or more
 *       numbers, at least two of them whole): the name is one team, typed as in a score line, unless the tagger found a person
 *       in it (golf and cricket rows are players).
 *   <li><b>Ranked rows with a team</b> ({@code 1. Alex Driver ( Italy ) , Acme Racing , 1:23.456},
 *       {@code 2. Jan Rider ( Belgium ) Acme 4:22:12}): the name between the bracketed country and
 *       the first number is the rider's or driver's team, an ORGANIZATION.
 * </ul>
 *
 * <ul>
 *   <li><b>Team sports' headlines</b> ({@code SOCCER - LEEDS BEAT NEWCASTLE 2-1 .}): the words in
 *       capitals right before and after "BEAT" (or "DOWN", "HOLD", "DRAW WITH", ...; at most three,
 *       stopping at words such as "IN" or "WIN") are teams, typed as in a score line.
 * </ul>
 *
 * A name may end with a short part in brackets ({@code Proleter ( Z )}), which belongs to it.
 */
final class ResultsLines {
  private ResultsLines() {}

  private static final String NAME = "(\\p{Lu}[^\\d()]*?(?:\\s*\\(\\s*\\p{L}{1,4}\\.?\\s*\\))?)";
  private static final String NUMBER = "(?:[-+]?\\d+(?:\\.\\d+)?|\\.\\d+|-)";

  /** A bracketed note after a score: scorers, "( halftime 1-0 )", "( in 12 )". */
  private static final String NOTE = "(?:\\s*\\([^()]*\\))?";

  static final Pattern SCORE =
      Pattern.compile(
          "\\s*" + NAME + "\\s+(\\d+)" + NOTE + "\\s+" + NAME + "\\s+(\\d+)" + NOTE + "\\s*\\.?\\s*");
  static final Pattern STANDING =
      Pattern.compile("\\s*" + NAME + "((?:\\s+" + NUMBER + "){3,})\\s*");
  private static final Pattern DATELINE =
      Pattern.compile("\\s*([\\p{Lu}][^a-z\\d,]{1,39}?)(?:\\s*,\\s*(\\p{Lu}[\\p{L} .'-]{1,29}?))?\\s+\\d{4}-\\d{2}-\\d{2}\\s*");

  /** Datelines that name an organization's seat rather than a place. */
  private static final java.util.Set<String> DATELINE_ORGANIZATIONS =
      java.util.Set.of("UNITED NATIONS", "United Nations");

  /** The unit's mentions after the dateline rule, in order of position. */
  static List<Mention> datelines(String text, List<Mention> mentions) {
    Matcher d = DATELINE.matcher(text);
    if (!d.matches()) {
      return mentions;
    }
    List<Mention> out = new ArrayList<>();
    EntityType first =
        DATELINE_ORGANIZATIONS.contains(d.group(1).trim())
            ? EntityType.ORGANIZATION
            : EntityType.LOCATION;
    replace(text, mentions, d.start(1), d.end(1), first, out);
    if (d.group(2) != null) {
      replace(text, out, d.start(2), d.end(2), EntityType.LOCATION, out);
    }
    return out;
  }

  /** "1. Alex Driver ( Italy ) , Acme Racing , 1:23.456": the name after the country is a team. */
  private static final Pattern RANKED_TEAM =
      Pattern.compile(
          "\\s*(?:\\d{1,3}\\s*[.)]?\\s+)?\\p{Lu}[^\\d()]*?\\(\\s*([^()\\d]+?)\\s*\\)\\s*,?\\s*"
              + "(\\p{Lu}[^\\d(),]*?)\\s*,?\\s+[-+]?\\d.*");

  /** A team sport's headline: "SOCCER - LEEDS BEAT NEWCASTLE 2-1 ." */
  private static final Pattern TEAM_HEADLINE =
      Pattern.compile(
          "\\s*(?:SOCCER|FOOTBALL|RUGBY UNION|RUGBY LEAGUE|RUGBY|CRICKET|BASEBALL|BASKETBALL"
              + "|ICE HOCKEY|HOCKEY|NHL ICE HOCKEY|NBA BASKETBALL|AMERICAN FOOTBALL|NFL AMERICAN"
              + " FOOTBALL|VOLLEYBALL|HANDBALL) - (.*)");
  private static final Pattern BEAT = Pattern.compile(" (?:BEAT|BEATS|DOWN|DOWNS|HOLD|HOLDS|THRASH|ROUT|EDGE|STUN|SINK|TOPPLE|CRUSH|OUST|DRAW WITH|LOSE TO|LOSES TO) ");
  private static final java.util.Set<String> HEADLINE_STOP =
      java.util.Set.of(
          "IN", "AT", "TO", "ON", "FOR", "AFTER", "WITH", "AS", "AND", "OF", "THE", "BY", "FROM",
          "A", "AN", "INTO", "OVER", "WIN", "WINS", "DRAW", "DEFEAT", "VICTORY", "SIDE", "TEAM",
          "FANS", "CHAMPIONS", "FIRST", "SECOND", "HOME", "AWAY", "AGAIN", "EASILY", "WORLD",
          "CUP", "QUALIFIER", "FINAL", "SEMIFINAL", "LEAGUE", "OPENER", "MATCH", "GAME");

  /**
   * In a team sport's headline, the names right before and after "BEAT" (and like verbs) are
   * teams: organizations, or locations for countries.
   */
  static List<Mention> headlineTeams(String text, List<Mention> mentions) {
    Matcher h = TEAM_HEADLINE.matcher(text);
    if (!h.matches()) {
      return mentions;
    }
    Matcher b = BEAT.matcher(text);
    if (!b.find(h.start(1))) {
      return mentions;
    }
    List<Mention> out = new ArrayList<>(mentions);
    int[] left = capsRun(text, b.start(), -1, h.start(1));
    int[] right = capsRun(text, b.end(), +1, text.length());
    for (int[] span : new int[][] {left, right}) {
      if (span != null) {
        String name = text.substring(span[0], span[1]);
        replace(text, out, span[0], span[1], teamType(name), out);
      }
    }
    return out;
  }

  /** Up to three words in capitals from {@code at} going left (-1) or right (+1), stopping at a stop word. */
  private static int[] capsRun(String text, int at, int dir, int limit) {
    List<int[]> words = new ArrayList<>();
    int i = at;
    while (words.size() < 3) {
      if (dir < 0) {
        int end = i;
        int start = end;
        while (start > limit && text.charAt(start - 1) != ' ') {
          start--;
        }
        if (start >= end || !isCapsWord(text.substring(start, end))) {
          break;
        }
        words.add(0, new int[] {start, end});
        i = start - 1;
        if (i <= limit) {
          break;
        }
      } else {
        int start = i;
        int end = start;
        while (end < limit && text.charAt(end) != ' ') {
          end++;
        }
        if (start >= end || !isCapsWord(text.substring(start, end))) {
          break;
        }
        words.add(new int[] {start, end});
        i = end + 1;
        if (i >= limit) {
          break;
        }
      }
    }
    if (words.isEmpty()) {
      return null;
    }
    return new int[] {words.get(0)[0], words.get(words.size() - 1)[1]};
  }

  private static boolean isCapsWord(String w) {
    return w.matches("\\p{Lu}[\\p{Lu}.'&-]*") && !HEADLINE_STOP.contains(w) && !BEAT_WORDS.contains(w);
  }

  private static final java.util.Set<String> BEAT_WORDS =
      java.util.Set.of("BEAT", "BEATS", "DOWN", "DOWNS", "HOLD", "HOLDS", "THRASH", "ROUT", "EDGE",
          "STUN", "SINK", "TOPPLE", "CRUSH", "OUST", "LOSE", "LOSES");

  /** The unit's mentions after the score-line and standings rules, in order of position. */
  static List<Mention> results(String text, List<Mention> mentions) {
    mentions = headlineTeams(text, mentions);
    Matcher r = RANKED_TEAM.matcher(text);
    if (r.matches()
        && isName(r.group(2))
        && WorldNames.get().typeOfAnyCase(r.group(1)) == EntityType.LOCATION) {
      List<Mention> out = new ArrayList<>();
      replace(text, mentions, r.start(2), r.end(2), teamType(r.group(2)), out);
      return out;
    }
    Matcher s = endsLikeScore(text) ? SCORE.matcher(text) : null;
    if (s != null && s.matches() && isName(s.group(1)) && isName(s.group(3))) {
      List<Mention> out = new ArrayList<>();
      replace(text, mentions, s.start(1), s.end(1), teamType(s.group(1)), out);
      List<Mention> second = new ArrayList<>();
      replace(text, out, s.start(3), s.end(3), teamType(s.group(3)), second);
      return second;
    }
    Matcher t = endsLikeStanding(text) ? STANDING.matcher(text) : null;
    if (t != null && t.matches() && isName(t.group(1)) && integers(t.group(2)) >= 2) {
      for (Mention m : mentions) {
        if (m.type() == EntityType.PERSON && m.start() < t.end(1)) {
          return mentions;
        }
      }
      List<Mention> out = new ArrayList<>();
      replace(text, mentions, t.start(1), t.end(1), teamType(t.group(1)), out);
      return out;
    }
    return mentions;
  }

  // Cheap tests that SCORE and STANDING need to pass: most units are prose ending in a full stop,
  // on which the patterns' lazy names would otherwise be tried at every space.

  /** SCORE ends with a score, or a bracketed note after it, then an optional full stop. */
  static boolean endsLikeScore(String text) {
    int i = skipRegexSpacesBackwards(text, text.length());
    if (i > 0 && text.charAt(i - 1) == '.') {
      i = skipRegexSpacesBackwards(text, i - 1);
    }
    return i > 0 && (isAsciiDigit(text.charAt(i - 1)) || text.charAt(i - 1) == ')');
  }

  /** STANDING ends with a number or a dash. */
  static boolean endsLikeStanding(String text) {
    int i = skipRegexSpacesBackwards(text, text.length());
    return i > 0 && (isAsciiDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '-');
  }

  /** Steps back over the characters regex {@code \s} matches: [ \t\n\x0B\f\r]. */
  private static int skipRegexSpacesBackwards(String text, int end) {
    int i = end;
    while (i > 0 && " \t\n\013\f\r".indexOf(text.charAt(i - 1)) >= 0) {
      i--;
    }
    return i;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static final java.util.Set<String> DATES =
      java.util.Set.of(
          "January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
          "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
          "Saturday", "Sunday");

  /** How many whole numbers the row has: a table of figures ("Sales 9.06 9.31 8.42") has none. */
  private static int integers(String numbers) {
    int n = 0;
    for (String w : numbers.strip().split("\\s+")) {
      n += w.matches("[-+]?\\d+") ? 1 : 0;
    }
    return n;
  }

  /** A team's name has a letter, at most six words, and is no month or weekday. */
  private static boolean isName(String name) {
    String[] words = name.strip().split("\\s+");
    return words.length <= 6
        && name.chars().anyMatch(Character::isLetter)
        && !DATES.contains(words[0]);
  }

  private static EntityType teamType(String name) {
    EntityType known = WorldNames.get().typeOfAnyCase(name.strip());
    return known == EntityType.LOCATION ? EntityType.LOCATION : EntityType.ORGANIZATION;
  }

  /**
   * Writes to {@code out} the mentions of {@code in} that do not overlap [start, end), plus one
   * mention of {@code type} for that span (trimmed), in order of position.
   */
  private static void replace(
      String text, List<Mention> in, int start, int end, EntityType type, List<Mention> out) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    end = NameShapes.endWithoutFullStop(text, start, end);
    List<Mention> result = new ArrayList<>();
    for (Mention m : in) {
      if (m.end() <= start || m.start() >= end) {
        result.add(m);
      }
    }
    if (end > start) {
      result.add(new Mention(start, end, text.substring(start, end), type));
    }
    result.sort((a, b) -> Integer.compare(a.start(), b.start()));
    out.clear();
    out.addAll(result);
  }
}
