package org.corpusanalytics.transforms.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.values.KV;
import org.corpusanalytics.transforms.ner.AnnotatedArticle;
import org.corpusanalytics.transforms.ner.ResolvedMention;
import org.corpusanalytics.transforms.support.CodePointOrder;

/** The entities of one article, as the counting stages see them. */
public final class ArticleEntities {
  private ArticleEntities() {}

  /** False for a near duplicate: its kept article is counted in its place. */
  public static boolean isCounted(AnnotatedArticle article) {
    return article.duplicateOf() == null;
  }

  /** Mentions per (entity, type), in a stable order. */
  public static Map<KV<String, String>, Long> mentionsByEntityAndType(AnnotatedArticle article) {
    Map<KV<String, String>, Long> counts = new TreeMap<>(KV_ORDER);
    for (ResolvedMention m : article.mentions()) {
      counts.merge(KV.of(m.entity(), m.type().name()), 1L, Long::sum);
    }
    return counts;
  }

  /** Distinct entity names of the article. */
  public static Set<String> names(AnnotatedArticle article) {
    Set<String> names = new TreeSet<>(CodePointOrder.INSTANCE);
    for (ResolvedMention m : article.mentions()) {
      names.add(m.entity());
    }
    return names;
  }

  /**
   * The entities that take part in pair counting: all of them, or the {@code cap} most mentioned
   * (ties broken by name) when the article has more, since pairs grow with the square.
   */
  public static Set<String> pairCandidates(AnnotatedArticle article, int cap) {
    Map<String, Long> mentions = new HashMap<>();
    for (ResolvedMention m : article.mentions()) {
      mentions.merge(m.entity(), 1L, Long::sum);
    }
    if (mentions.size() <= cap) {
      Set<String> all = new TreeSet<>(CodePointOrder.INSTANCE);
      all.addAll(mentions.keySet());
      return all;
    }
    List<Map.Entry<String, Long>> ranked = new ArrayList<>(mentions.entrySet());
    ranked.sort(
        Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey(CodePointOrder.INSTANCE)));
    Set<String> top = new TreeSet<>(CodePointOrder.INSTANCE);
    for (Map.Entry<String, Long> e : ranked.subList(0, cap)) {
      top.add(e.getKey());
    }
    return top;
  }

  /** For each pair (a < b) of candidates: the number of sentences that mention both. */
  public static Map<KV<String, String>, Long> pairs(AnnotatedArticle article, Set<String> candidates) {
    Map<Integer, Set<String>> bySentence = new TreeMap<>();
    for (ResolvedMention m : article.mentions()) {
      if (candidates.contains(m.entity())) {
        bySentence.computeIfAbsent(m.sentence(), k -> new HashSet<>()).add(m.entity());
      }
    }
    Map<KV<String, String>, Long> pairs = new TreeMap<>(KV_ORDER);
    List<String> all = new ArrayList<>(candidates);
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        pairs.put(KV.of(all.get(i), all.get(j)), 0L);
      }
    }
    for (Set<String> inSentence : bySentence.values()) {
      List<String> sorted = new ArrayList<>(inSentence);
      sorted.sort(CodePointOrder.INSTANCE);
      for (int i = 0; i < sorted.size(); i++) {
        for (int j = i + 1; j < sorted.size(); j++) {
          pairs.merge(KV.of(sorted.get(i), sorted.get(j)), 1L, Long::sum);
        }
      }
    }
    return pairs;
  }

  private static final Comparator<KV<String, String>> KV_ORDER =
      Comparator.comparing((KV<String, String> kv) -> kv.getKey(), CodePointOrder.INSTANCE)
          .thenComparing(KV::getValue, CodePointOrder.INSTANCE);
}
