package org.corpusanalytics.transforms.ner;

import java.util.ArrayList;
import java.util.List;

/** Builds tagged units for rule tests: TYPE:surface pairs, each after the previous one. */
final class RuleTestSupport {
  private RuleTestSupport() {}

  static List<Mention> tag(String text, String... typeAndSurface) {
    List<Mention> mentions = new ArrayList<>();
    int from = 0;
    for (String ts : typeAndSurface) {
      int colon = ts.indexOf(':');
      EntityType type = EntityType.valueOf(ts.substring(0, colon));
      String surface = ts.substring(colon + 1);
      int start = text.indexOf(surface, from);
      mentions.add(new Mention(start, start + surface.length(), surface, type));
      from = start + surface.length();
    }
    return mentions;
  }

  static List<String> show(List<Mention> mentions) {
    List<String> out = new ArrayList<>();
    for (Mention m : mentions) {
      out.add(m.type() + ":" + m.text());
    }
    return out;
  }
}
