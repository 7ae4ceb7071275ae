package org.corpusanalytics.pipelines.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * Entity-level precision, recall and F1, per type and overall, accumulated over articles.
 *
 * <p>Two matchings: {@link Matching#BAG}, as the graders score, compares the multiset of (mention
 * text, type) of each article with the gold one, so a mention counts wherever in the article it
 * sits; {@link Matching#EXACT} requires the same span (start, end) and type.
 */
public final class EntityScores {
  public static final List<String> TYPES = List.of("PER", "ORG", "LOC", "MISC");

  public enum Matching {
    BAG,
    EXACT
  }

  /** A mention to score: span in the article text (for exact matching), surface text and type. */
  public record Scored(int start, int end, String text, String type) {}

  private final Matching matching;
  private final Map<String, long[]> counts = new LinkedHashMap<>(); // type -> {tp, fp, fn}

  public EntityScores(Matching matching) {
    this.matching = matching;
    for (String t : TYPES) {
      counts.put(t, new long[3]);
    }
  }

  /** Adds one article's predicted and gold mentions. */
  public void add(List<Scored> predicted, List<Scored> gold) {
    Map<Object, Integer> goldBag = bag(gold);
    Map<Object, Integer> predBag = bag(predicted);
    for (Map.Entry<Object, Integer> e : predBag.entrySet()) {
      int g = goldBag.getOrDefault(e.getKey(), 0);
      long[] c = counts.computeIfAbsent(typeOf(e.getKey()), k -> new long[3]);
      c[0] += Math.min(g, e.getValue());
      c[1] += Math.max(0, e.getValue() - g);
    }
    for (Map.Entry<Object, Integer> e : goldBag.entrySet()) {
      int p = predBag.getOrDefault(e.getKey(), 0);
      counts.computeIfAbsent(typeOf(e.getKey()), k -> new long[3])[2] +=
          Math.max(0, e.getValue() - p);
    }
  }

  private Map<Object, Integer> bag(List<Scored> mentions) {
    Map<Object, Integer> bag = new HashMap<>();
    for (Scored m : mentions) {
      Object key =
          matching == Matching.BAG
              ? List.of(m.text(), m.type())
              : List.of(m.start(), m.end(), m.type());
      bag.merge(key, 1, Integer::sum);
    }
    return bag;
  }

  private static String typeOf(Object key) {
    List<?> k = (List<?>) key;
    return (String) k.get(k.size() - 1);
  }

  public long truePositives(String type) {
    return counts.get(type)[0];
  }

  public long falsePositives(String type) {
    return counts.get(type)[1];
  }

  public long falseNegatives(String type) {
    return counts.get(type)[2];
  }

  /** {tp, fp, fn} summed over all types. */
  public long[] overall() {
    long[] sum = new long[3];
    for (long[] c : counts.values()) {
      for (int i = 0; i < 3; i++) {
        sum[i] += c[i];
      }
    }
    return sum;
  }

  public double f1() {
    return f1(overall());
  }

  public double f1(String type) {
    return f1(counts.get(type));
  }

  static double precision(long[] c) {
    return c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
  }

  static double recall(long[] c) {
    return c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
  }

  static double f1(long[] c) {
    double p = precision(c);
    double r = recall(c);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** A table: one line per type and one overall line. */
  public String table() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-8s %9s %9s %9s %7s %7s %7s%n",
        "type", "precision", "recall", "f1", "tp", "fp", "fn"));
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      line(sb, e.getKey(), e.getValue());
    }
    line(sb, "overall", overall());
    return sb.toString();
  }

  private static void line(StringBuilder sb, String name, long[] c) {
    sb.append(String.format(Locale.ROOT, "%-8s %9.4f %9.4f %9.4f %7d %7d %7d%n",
        name, precision(c), recall(c), f1(c), c[0], c[1], c[2]));
  }
}
