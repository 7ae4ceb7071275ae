package org.corpusanalytics.pipelines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;
import org.corpusanalytics.transforms.dedup.ShingleSet;
import org.corpusanalytics.transforms.dedup.Shingles;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.text.SegmentedText;
import org.corpusanalytics.transforms.text.SentenceSplitter;
import org.corpusanalytics.transforms.text.TextNormalizer;

/**
 * Scores dedup output against the truth of {@link DuplicateInjector}, independently of the
 * pipeline's MinHash and joins.
 *
 * <p><b>Segments</b>, per character of the bodies, counting only characters that are not whitespace
 * or control characters (separators are a matter of taste): a removed character is correct when an
 * injected repeat covers it, or when the removed span it belongs to (or, failing that, its sentence
 * inside the span) has normalized text of at least {@value #MIN_JUSTIFIED_CHARS} chars that occurs
 * in the article the span names as kept, earlier in canonical order, or when the span ends its
 * article and the kept article, earlier in canonical order, ends with the same text (a sign-off).
 * In a near duplicate, the kept article may also come later, if it is counted (not a near
 * duplicate itself): the pipeline keeps a sentence in the first counted article that has it.
 * Recall is over the injected repeats only.
 *
 * <p><b>Near-duplicate pairs</b>: the true pairs are all pairs of articles whose word 5-gram
 * shingle sets (the shingle strings, under a hash of their own, not the pipeline's) have Jaccard similarity at least the threshold, found
 * exhaustively with prefix filtering. A true pair is found when both articles end in the same
 * cluster (same kept article). A marked pair (article, duplicate_of) is correct when its similarity
 * is at least the threshold or both lie in one connected component of true pairs (a chain).
 */
final class DedupScores {
  static final int MIN_JUSTIFIED_CHARS = 25;

  /** One article's output as read back from the pipeline. */
  static final class Output {
    final @Nullable String duplicateOf;
    final List<int[]> removed; // start, end
    final List<String> keptIn;

    Output(@Nullable String duplicateOf, List<int[]> removed, List<String> keptIn) {
      this.duplicateOf = duplicateOf;
      this.removed = removed;
      this.keptIn = keptIn;
    }
  }

  // Segment figures, in characters.
  long truthChars;
  long countedTruthRemoved;
  long removedChars;
  long removedInTruth;
  long removedJustified;

  // Pair figures.
  long truePairs;
  long truePairsFound;
  long injectedTruePairs;
  long injectedTruePairsFound;
  long injectedCopies;
  long markedPairs;
  long markedCorrect;
  long markedAtThreshold;
  long markedBelowHalf;
  double minMarkedJaccard = 1.0;
  final List<String> missedExamples = new ArrayList<>();
  final List<String> missedSegmentExamples = new ArrayList<>();
  final List<String> wrongExamples = new ArrayList<>();

  double segmentPrecision() {
    return removedChars == 0 ? 1.0 : (double) (removedInTruth + removedJustified) / removedChars;
  }

  double segmentRecall() {
    return truthChars == 0 ? 1.0 : (double) countedTruthRemoved / truthChars;
  }

  double pairPrecision() {
    return markedPairs == 0 ? 1.0 : (double) markedCorrect / markedPairs;
  }

  double pairRecall() {
    return truePairs == 0 ? 1.0 : (double) truePairsFound / truePairs;
  }

  static boolean counts(char c) {
    return !(Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c));
  }

  void scoreSegments(
      DuplicateInjector.Injected injected,
      Map<String, Output> outputs,
      SentenceSplitter splitter) {
    TextNormalizer normalizer = new TextNormalizer();
    Map<String, Article> byId = new HashMap<>();
    for (Article a : injected.articles) {
      byId.put(a.id(), a);
    }
    Map<String, String> normalizedCache = new HashMap<>();
    for (Article a : injected.articles) {
      String body = a.body();
      boolean[] truth = new boolean[body.length()];
      for (int[] s : injected.repeatSpans.getOrDefault(a.id(), List.of())) {
        Arrays.fill(truth, s[0], s[1], true);
      }
      boolean[] removed = new boolean[body.length()];
      boolean[] justified = new boolean[body.length()];
      Output out = outputs.get(a.id());
      if (out != null) {
        for (int k = 0; k < out.removed.size(); k++) {
          int[] span = out.removed.get(k);
          Arrays.fill(removed, span[0], span[1], true);
          String keptId = out.keptIn.get(k);
          Output keptOut = outputs.get(keptId);
          // As the pipeline does: a near duplicate's copy may be kept in a later, counted article.
          boolean keptMayComeLater =
              out.duplicateOf != null && (keptOut == null || keptOut.duplicateOf == null);
          justify(
              a, span, keptId, keptMayComeLater, byId, normalizer, splitter, normalizedCache,
              justified);
        }
      }
      int missedFrom = -1;
      for (int i = 0; i <= body.length(); i++) {
        boolean missed = i < body.length() && truth[i] && !removed[i];
        if (missed && missedFrom < 0) {
          missedFrom = i;
        } else if (!missed && missedFrom >= 0) {
          String text = body.substring(missedFrom, i).strip();
          if (text.chars().anyMatch(c -> counts((char) c)) && missedSegmentExamples.size() < 12) {
            missedSegmentExamples.add(a.id() + ": " + text.substring(0, Math.min(120, text.length())));
          }
          missedFrom = -1;
        }
        if (i == body.length() || !counts(body.charAt(i))) {
          continue;
        }
        if (truth[i]) {
          truthChars++;
          if (removed[i]) {
            countedTruthRemoved++;
          }
        }
        if (removed[i]) {
          removedChars++;
          if (truth[i]) {
            removedInTruth++;
          } else if (justified[i]) {
            removedJustified++;
          }
        }
      }
    }
  }

  /** Marks the chars of a removed span whose text occurs in the article named as kept. */
  private static void justify(
      Article a,
      int[] span,
      String keptId,
      boolean keptMayComeLater,
      Map<String, Article> byId,
      TextNormalizer normalizer,
      SentenceSplitter splitter,
      Map<String, String> cache,
      boolean[] justified) {
    String earlier;
    if (keptId.equals(a.id())) {
      earlier = normalizer.normalize(a.body().substring(0, span[0])).text();
    } else {
      Article kept = byId.get(keptId);
      if (kept == null
          || (DuplicateInjector.CANONICAL.compare(kept, a) >= 0 && !keptMayComeLater)) {
        return;
      }
      earlier = cache.computeIfAbsent(keptId, id -> normalizer.normalize(kept.body()).text());
    }
    String spanText = a.body().substring(span[0], span[1]);
    String normalized = normalizer.normalize(spanText).text();
    if (normalized.length() >= MIN_JUSTIFIED_CHARS && earlier.contains(normalized)) {
      Arrays.fill(justified, span[0], span[1], true);
      return;
    }
    // A sign-off: the text that ends this article also ends the kept one.
    boolean endsArticle = normalizer.normalize(a.body().substring(span[1])).text().isBlank();
    if (endsArticle
        && !normalized.isBlank()
        && !keptId.equals(a.id())
        && earlier.strip().endsWith(normalized.strip())) {
      Arrays.fill(justified, span[0], span[1], true);
      return;
    }
    SegmentedText pieces = SegmentedText.of(spanText, normalizer, splitter);
    for (int i = 0; i < pieces.size(); i++) {
      String piece = pieces.sentence(i);
      if (piece.length() >= MIN_JUSTIFIED_CHARS && earlier.contains(piece)) {
        Arrays.fill(
            justified, span[0] + pieces.originalStart(i), span[0] + pieces.originalEnd(i), true);
      }
    }
  }

  void scorePairs(
      DuplicateInjector.Injected injected, Map<String, Output> outputs, double threshold) {
    Shingles shingles = new Shingles();
    List<Article> articles = injected.articles;
    Map<String, Integer> index = new HashMap<>();
    // Each shingle string as a 64-bit FNV-1a hash (not the pipeline's hashing), sorted.
    long[][] sets = new long[articles.size()][];
    for (int i = 0; i < articles.size(); i++) {
      index.put(articles.get(i).id(), i);
      sets[i] =
          shingles.shingleStrings(articles.get(i).body()).stream()
              .mapToLong(DedupScores::fnv)
              .sorted()
              .distinct()
              .toArray();
    }
    List<int[]> pairs = similarPairs(sets, threshold);

    int[] parent = new int[articles.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    Map<String, String> root = new HashMap<>();
    for (Article a : articles) {
      Output o = outputs.get(a.id());
      root.put(a.id(), o != null && o.duplicateOf != null ? o.duplicateOf : a.id());
    }
    Set<Long> injectedPairs = new HashSet<>();
    for (Map.Entry<String, String> e : injected.syndicatedFrom.entrySet()) {
      injectedCopies++;
      injectedPairs.add(key(index.get(e.getKey()), index.get(e.getValue())));
    }
    for (int[] p : pairs) {
      union(parent, p[0], p[1]);
      String a = articles.get(p[0]).id();
      String b = articles.get(p[1]).id();
      boolean found = root.get(a).equals(root.get(b));
      boolean isInjected = injectedPairs.contains(key(p[0], p[1]));
      truePairs++;
      if (found) {
        truePairsFound++;
      } else if (missedExamples.size() < 10) {
        missedExamples.add(a + " ~ " + b + String.format(" (J=%.3f)", jaccard(sets[p[0]], sets[p[1]])));
      }
      if (isInjected) {
        injectedTruePairs++;
        if (found) {
          injectedTruePairsFound++;
        }
      }
    }
    for (Article a : articles) {
      Output o = outputs.get(a.id());
      if (o == null || o.duplicateOf == null) {
        continue;
      }
      Integer x = index.get(a.id());
      Integer k = index.get(o.duplicateOf);
      markedPairs++;
      if (k == null) {
        continue;
      }
      double j = jaccard(sets[x], sets[k]);
      minMarkedJaccard = Math.min(minMarkedJaccard, j);
      if (j >= threshold) {
        markedAtThreshold++;
      }
      if (j < 0.5) {
        markedBelowHalf++;
      }
      if (j >= threshold || find(parent, x) == find(parent, k)) {
        markedCorrect++;
      } else if (wrongExamples.size() < 10) {
        wrongExamples.add(a.id() + " -> " + o.duplicateOf + String.format(" (J=%.3f)", j));
      }
    }
  }

  private static long key(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }

  static long fnv(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  static double jaccard(long[] a, long[] b) {
    int common = ShingleSet.intersectionSize(a, b);
    int union = a.length + b.length - common;
    return union == 0 ? 0 : (double) common / union;
  }

  /**
   * All pairs of sets with Jaccard similarity at least {@code t}, by prefix filtering: with tokens
   * ordered rarest first, two such sets share a token among the first {@code |x| - ceil(t |x|) + 1}
   * of either. Exact.
   */
  static List<int[]> similarPairs(long[][] sets, double t) {
    int total = 0;
    for (long[] s : sets) {
      total += s.length;
    }
    long[] all = new long[total];
    int k0 = 0;
    for (long[] s : sets) {
      System.arraycopy(s, 0, all, k0, s.length);
      k0 += s.length;
    }
    Arrays.sort(all);
    int distinct = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        distinct++;
      }
    }
    long[] tokens = new long[distinct];
    int[] df = new int[distinct];
    int d = -1;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        tokens[++d] = all[i];
      }
      df[d]++;
    }
    all = null;
    Map<Long, List<Integer>> inverted = new HashMap<>();
    List<int[]> out = new ArrayList<>();
    for (int x = 0; x < sets.length; x++) {
      long[] s = sets[x];
      if (s.length == 0) {
        continue;
      }
      long[] byRarity = s.clone();
      int[] rarity = new int[s.length];
      Integer[] order = new Integer[s.length];
      for (int i = 0; i < s.length; i++) {
        rarity[i] = df[Arrays.binarySearch(tokens, s[i])];
        order[i] = i;
      }
      Arrays.sort(
          order,
          (p, q) -> rarity[p] != rarity[q] ? Integer.compare(rarity[p], rarity[q]) : Long.compare(s[p], s[q]));
      for (int i = 0; i < s.length; i++) {
        byRarity[i] = s[order[i]];
      }
      int prefix = s.length - (int) Math.ceil(t * s.length - 1e-9) + 1;
      Set<Integer> candidates = new HashSet<>();
      for (int k = 0; k < prefix; k++) {
        for (int y : inverted.getOrDefault(byRarity[k], List.of())) {
          candidates.add(y);
        }
      }
      for (int y : candidates) {
        int small = Math.min(s.length, sets[y].length);
        int large = Math.max(s.length, sets[y].length);
        if (small >= t * large - 1e-9 && jaccard(s, sets[y]) >= t) {
          out.add(new int[] {y, x});
        }
      }
      for (int k = 0; k < prefix; k++) {
        inverted.computeIfAbsent(byRarity[k], q -> new ArrayList<>()).add(x);
      }
    }
    return out;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
