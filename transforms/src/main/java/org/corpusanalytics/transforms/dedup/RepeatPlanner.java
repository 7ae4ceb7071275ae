package org.corpusanalytics.transforms.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import org.corpusanalytics.transforms.text.SegmentedText;
import org.corpusanalytics.transforms.text.Span;

/**
 * Decides which sentences of one article are repeats, and turns those decisions into removed spans.
 * A sentence shorter than {@code minSegmentChars} is not evidence of a repeat on its own, so a lone
 * "He said." stays; it goes only as part of a longer repeated run inside the same article.
 *
 * <p>At the edges of a repeated run a copy may share a sentence with text that is not repeated: a
 * body scraped twice and glued after an unpunctuated sign-off ({@code "... output. Reuter"} +
 * {@code "Sandoz AG said ..."}) splits into one sentence {@code "Reuter Sandoz AG said ..."}. Next to
 * a repeated run, a sentence that ends with (before the run) or starts with (after the run) the
 * sentence its neighbour's copy calls for, at a word boundary, loses just that part; a sentence that
 * is itself the start or end of that sentence goes whole.
 *
 * <p>A <em>sign-off</em> is the exception to the length rule: a short sentence that is the last
 * sentence of at least {@code minSignOffArticles} articles ("Reuter", "AP") is a repeat across
 * articles like a long one. Only an article's last sentence is counted, so a short sentence inside
 * the text ("Shell declined to comment.") is never one.
 */
public final class RepeatPlanner implements Serializable {
  private final int minSegmentChars;
  private final long minSignOffArticles;

  /** No sign-offs: short sentences are never repeats on their own. */
  public RepeatPlanner(int minSegmentChars) {
    this(minSegmentChars, 0);
  }

  /** {@code minSignOffArticles} 0 turns sign-offs off. */
  public RepeatPlanner(int minSegmentChars, long minSignOffArticles) {
    if (minSegmentChars < 1) {
      throw new IllegalArgumentException("minSegmentChars must be at least 1, got " + minSegmentChars);
    }
    if (minSignOffArticles < 0 || minSignOffArticles == 1) {
      throw new IllegalArgumentException(
          "minSignOffArticles must be 0 (off) or at least 2, got " + minSignOffArticles);
    }
    this.minSegmentChars = minSegmentChars;
    this.minSignOffArticles = minSignOffArticles;
  }

  public RepeatPlanner withMinSegmentChars(int chars) {
    return new RepeatPlanner(chars, minSignOffArticles);
  }

  public RepeatPlanner withMinSignOffArticles(long articles) {
    return new RepeatPlanner(minSegmentChars, articles);
  }

  /** True for each sentence long enough to be a dedup candidate. */
  public boolean isCandidate(SegmentedText text, int i) {
    return isCandidate(text.sentence(i));
  }

  /** True for a normalized sentence long enough to be a dedup candidate. */
  public boolean isCandidate(String sentence) {
    return sentence.length() >= minSegmentChars;
  }

  /**
   * Whether copies of {@code sentence} in articles after the first are removed, given the {@link
   * SegmentStats} of what {@link #distinctCandidates} emitted for it across the corpus: any long
   * sentence found in two or more articles, and a short one (which only an article's last sentence
   * emits) that ends at least {@code minSignOffArticles} articles.
   */
  public boolean isRepeatAcrossArticles(String sentence, SegmentStats stats) {
    if (isCandidate(sentence)) {
      return stats.articles() >= 2;
    }
    return minSignOffArticles > 0 && stats.articles() >= minSignOffArticles;
  }

  /** Sentences that are wholly a copy of earlier text of the same article. */
  public boolean[] repeatsInArticle(SegmentedText text) {
    Copies copies = new Copies(text);
    boolean[] repeat = new boolean[text.size()];
    for (int i = 0; i < repeat.length; i++) {
      repeat[i] = copies.isWhole(i);
    }
    return repeat;
  }

  /**
   * The candidate sentences of an article that are not wholly copies of its earlier text, each
   * once, in order, with the number of times its exact text occurs in the article: the article's
   * contribution to corpus-wide counts. Maps the sentence index to the occurrence count. With
   * sign-offs on, a last sentence too short to be a candidate is added with a count of 1 (a
   * possible sign-off), unless it is a copy of earlier text of the article.
   */
  public Map<Integer, Integer> distinctCandidates(SegmentedText text) {
    Copies copies = new Copies(text);
    Map<String, Integer> firstIndex = new HashMap<>();
    Map<Integer, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i < text.size(); i++) {
      if (!isCandidate(text, i)) {
        continue;
      }
      Integer first = firstIndex.putIfAbsent(text.sentence(i), i);
      int index = first == null ? i : first;
      counts.merge(index, 1, Integer::sum);
    }
    int last = text.size() - 1;
    if (minSignOffArticles > 0 && last >= 0 && !isCandidate(text, last)) {
      counts.put(last, 1);
    }
    counts.keySet().removeIf(copies::isWhole);
    return counts;
  }

  /** How many places where the body's opening recurs are tried, at most. */
  static final int MAX_COPY_CANDIDATES = 1000;

  /**
   * The second copy of a body scraped twice: the body's opening text again, at least {@code
   * minSegmentChars} long and at least two thirds of the text before it, which may hold a
   * sign-off or a reporting line after the first copy ({@code x}, {@code " (Reporting by ...)"},
   * {@code x}); text after the second copy is not part of it. The copy ends at a word's end. Null
   * when the body has none.
   */
  @Nullable
  Span secondCopy(String t) {
    int n = t.length();
    int seed = Math.max(minSegmentChars, 1);
    if (n < 2 * seed) {
      return null;
    }
    String opening = t.substring(0, seed);
    int tried = 0;
    // A copy at p is at most n - p long and must be 2p/3: none starts after 3n/5.
    for (int p = t.indexOf(opening, 1);
        p >= 0 && 5L * p <= 3L * n && tried < MAX_COPY_CANDIDATES;
        p = t.indexOf(opening, p + 1), tried++) {
      int m = seed;
      while (p + m < n && t.charAt(m) == t.charAt(p + m)) {
        m++;
      }
      int end = p + m;
      if (end < n
          && Character.isLetterOrDigit(t.charAt(end))
          && Character.isLetterOrDigit(t.charAt(end - 1))) {
        end = t.lastIndexOf(' ', end - 1); // the copy ended inside a word: keep that word
      }
      while (end > p && t.charAt(end - 1) == ' ') {
        end--;
      }
      m = end - p;
      if (m >= minSegmentChars && m > 0 && 3L * m >= 2L * p) {
        return new Span(p, end);
      }
    }
    return null;
  }

  /**
   * Where the longest sign-off that ends {@code sentence} after a space starts, leaving text before
   * it; else -1.
   */
  int gluedSignOffStart(String sentence, Map<String, String> signOffs) {
    int from = Math.max(1, sentence.length() - minSegmentChars + 1);
    for (int at = sentence.indexOf(' ', from - 1); at >= 0; at = sentence.indexOf(' ', at + 1)) {
      if (at + 1 < sentence.length() && signOffs.containsKey(sentence.substring(at + 1))) {
        return at + 1;
      }
    }
    return -1;
  }

  /** Articles with more sentences skip the search for copies inside sentences. */
  static final int MAX_CONTAINMENT_SENTENCES = 400;

  /** The first index of {@code needle} in {@code hay} that starts and ends at word boundaries. */
  static int indexOfWords(String hay, String needle) {
    int from = 0;
    while (true) {
      int at = hay.indexOf(needle, from);
      if (at < 0) {
        return -1;
      }
      int end = at + needle.length();
      if ((at == 0 || hay.charAt(at - 1) == ' ') && (end == hay.length() || hay.charAt(end) == ' ')) {
        return at;
      }
      from = at + 1;
    }
  }

  /** Which sentences copy earlier text of the same article, and which part of them. */
  private final class Copies {
    final SegmentedText text;
    // source[i]: index of the earlier sentence that sentence i copies (wholly or in part), or -1.
    final int[] source;
    // [partStart[i], partEnd[i]): the copied part of sentence i, in offsets of its normalized text.
    final int[] partStart;
    final int[] partEnd;
    // Whether the copy of i starts (ends) where its source starts (ends): only then does the run
    // continue into the sentence before (after) i.
    final boolean[] alignedStart;
    final boolean[] alignedEnd;

    Copies(SegmentedText text) {
      this.text = text;
      int n = text.size();
      source = new int[n];
      partStart = new int[n];
      partEnd = new int[n];
      alignedStart = new boolean[n];
      alignedEnd = new boolean[n];
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < n; i++) {
        source[i] = -1;
        if (isCandidate(text, i)) {
          Integer earlier = seen.putIfAbsent(text.sentence(i), i);
          if (earlier != null) {
            whole(i, earlier);
          }
        }
      }
      // A run continues into a neighbour that copies the neighbour of the source.
      for (int i = 1; i < n; i++) {
        if (source[i] < 0 && source[i - 1] >= 0 && alignedEnd[i - 1]) {
          int j = source[i - 1] + 1;
          if (j < i) {
            extendForward(i, j);
          }
        }
      }
      for (int i = n - 2; i >= 0; i--) {
        if (source[i] < 0 && source[i + 1] >= 0 && alignedStart[i + 1]) {
          int j = source[i + 1] - 1;
          if (j >= 0 && j < i) {
            extendBackward(i, j);
          }
        }
      }
      findContainedCopies();
      markSecondCopyOfDoubledBody();
    }

    /**
     * A repeated paragraph whose edges run into its neighbours (no full stop before it, or a
     * lower-case word after it) hides inside a longer sentence: {@code "Revs 1.2 mln NOTE: Net
     * excludes gains."}. A sentence that contains an earlier sentence of the article (of at least
     * {@code minSegmentChars}), at word boundaries, loses that part; a sentence contained in an
     * earlier one goes whole. Quadratic in sentences, so skipped beyond {@link
     * #MAX_CONTAINMENT_SENTENCES}.
     */
    private void findContainedCopies() {
      int n = text.size();
      if (n > MAX_CONTAINMENT_SENTENCES) {
        return;
      }
      for (int i = 1; i < n; i++) {
        if (source[i] >= 0) {
          continue;
        }
        String si = text.sentence(i);
        int bestJ = -1;
        int bestStart = 0;
        int bestLength = 0;
        for (int j = 0; j < i; j++) {
          if (isWhole(j)) {
            continue;
          }
          String sj = text.sentence(j);
          if (sj.length() >= minSegmentChars && sj.length() < si.length()) {
            int at = indexOfWords(si, sj);
            if (at >= 0 && sj.length() > bestLength) {
              bestJ = j;
              bestStart = at;
              bestLength = sj.length();
            }
          } else if (si.length() >= minSegmentChars
              && si.length() < sj.length()
              && si.length() > bestLength
              && indexOfWords(sj, si) >= 0) {
            bestJ = j;
            bestStart = 0;
            bestLength = si.length();
          }
        }
        if (bestJ >= 0) {
          source[i] = bestJ;
          partStart[i] = bestStart;
          partEnd[i] = bestStart + bestLength;
        }
      }
    }

    /**
     * A body scraped twice is its text, perhaps a sign-off or a reporting line, and the same text
     * again. Sentences find most of that, but not where there are no sentences to find (a table
     * of figures without a full stop is one long "sentence" holding both copies), nor where the
     * seam glues two sentences into one (`... by the EU.The Hungarian ...`). So the second copy of
     * a doubled body goes whole, wherever its sentence boundaries fall.
     */
    private void markSecondCopyOfDoubledBody() {
      Span copy = secondCopy(text.normalizedText());
      if (copy == null) {
        return;
      }
      int firstCopySentence = 0;
      for (int i = 0; i < text.size(); i++) {
        int start = text.normalizedStart(i);
        int end = text.normalizedEnd(i);
        if (end <= copy.start()) {
          firstCopySentence = i;
          continue;
        }
        if (start >= copy.end()) {
          break;
        }
        if (start >= copy.start() && end <= copy.end()) {
          if (!isWhole(i)) {
            whole(i, sourceAt(start - copy.start(), firstCopySentence));
          }
        } else if (!isWhole(i)) {
          // Straddles a seam: the part inside the copy goes.
          source[i] = 0;
          partStart[i] = Math.max(copy.start(), start) - start;
          partEnd[i] = Math.min(copy.end(), end) - start;
          alignedStart[i] = start >= copy.start();
          alignedEnd[i] = end <= copy.end();
        }
      }
    }

    /** The first-copy sentence holding normalized offset {@code offset}. */
    private int sourceAt(int offset, int lastFirstCopySentence) {
      for (int j = 0; j <= lastFirstCopySentence; j++) {
        if (text.normalizedEnd(j) > offset) {
          return j;
        }
      }
      return 0;
    }

    private void whole(int i, int j) {
      source[i] = j;
      partStart[i] = 0;
      partEnd[i] = text.sentence(i).length();
      alignedStart[i] = true;
      alignedEnd[i] = true;
    }

    /** Sentence i follows a copy of sentence j - 1. */
    private void extendForward(int i, int j) {
      String si = text.sentence(i);
      String sj = text.sentence(j);
      if (si.equals(sj)) {
        whole(i, j);
      } else if (si.startsWith(sj) && si.charAt(sj.length()) == ' ') {
        // The copy of j runs on into text that is not repeated.
        source[i] = j;
        partStart[i] = 0;
        partEnd[i] = sj.length();
        alignedStart[i] = true;
      } else if (sj.startsWith(si) && sj.charAt(si.length()) == ' ') {
        // The copy stops inside j: i is the start of j, and the run ends with it.
        source[i] = j;
        partStart[i] = 0;
        partEnd[i] = si.length();
        alignedStart[i] = true;
      }
    }

    /** Sentence i precedes a copy of sentence j + 1. */
    private void extendBackward(int i, int j) {
      String si = text.sentence(i);
      String sj = text.sentence(j);
      if (si.equals(sj)) {
        whole(i, j);
      } else if (si.endsWith(sj) && si.charAt(si.length() - sj.length() - 1) == ' ') {
        // Text that is not repeated runs on into the copy of j.
        source[i] = j;
        partStart[i] = si.length() - sj.length();
        partEnd[i] = si.length();
        alignedEnd[i] = true;
      } else if (sj.endsWith(si) && sj.charAt(sj.length() - si.length() - 1) == ' ') {
        // The copy starts inside j: i is the end of j, and the run starts with it.
        source[i] = j;
        partStart[i] = 0;
        partEnd[i] = si.length();
        alignedEnd[i] = true;
      }
    }

    boolean isWhole(int i) {
      return source[i] >= 0 && partStart[i] == 0 && partEnd[i] == text.sentence(i).length();
    }

    /**
     * The sentence whose own text holds what sentence i copies: its source, followed on while that
     * is itself wholly a copy.
     */
    int origin(int i) {
      int o = source[i];
      for (int guard = 0; isWhole(o) && guard < source.length; guard++) {
        o = source[o];
      }
      return o;
    }
  }

  /**
   * Removed spans for one article. {@code keptElsewhere} maps the original start of each sentence
   * whose earliest copy in the corpus is in another article to that article's id. A later copy
   * inside the article is removed too, and points to where the text was kept: this article, or the
   * other article when the first copy here was removed as well. Adjacent removed sentences with
   * the same reason and kept article merge into one span, which then also covers the whitespace
   * between them.
   */
  public List<RemovedSegment> removedSpans(
      String articleId, SegmentedText text, Map<Integer, String> keptElsewhere) {
    return removedSpans(articleId, text, keptElsewhere, Map.of());
  }

  /**
   * As {@link #removedSpans(String, SegmentedText, Map)}; also cuts a sign-off glued to the end of
   * the last sentence without a full stop ({@code "... 38 mln Reuter"}). {@code signOffs} maps each
   * sign-off of the corpus to the article that keeps it, the first that it ends on its own.
   */
  public List<RemovedSegment> removedSpans(
      String articleId,
      SegmentedText text,
      Map<Integer, String> keptElsewhere,
      Map<String, String> signOffs) {
    Copies copies = new Copies(text);
    int n = text.size();
    RemovedSegment[] removed = new RemovedSegment[n];
    boolean[] fromSentenceStart = new boolean[n];
    boolean[] toSentenceEnd = new boolean[n];
    for (int i = 0; i < n; i++) {
      fromSentenceStart[i] = true;
      toSentenceEnd[i] = true;
      String ownKept = copies.isWhole(i) ? null : keptElsewhere.get(text.originalStart(i));
      if (ownKept != null) {
        // The whole sentence was seen first in another article.
        removed[i] =
            new RemovedSegment(
                text.originalStart(i),
                text.originalEnd(i),
                RemovedSegment.REPEAT_ACROSS_ARTICLES,
                ownKept);
      } else if (copies.source[i] >= 0) {
        String keptIn = keptElsewhere.get(text.originalStart(copies.origin(i)));
        fromSentenceStart[i] = copies.partStart[i] == 0;
        toSentenceEnd[i] = copies.partEnd[i] == text.sentence(i).length();
        removed[i] =
            new RemovedSegment(
                text.originalStart(i, copies.partStart[i]),
                text.originalEnd(i, copies.partEnd[i]),
                keptIn != null
                    ? RemovedSegment.REPEAT_ACROSS_ARTICLES
                    : RemovedSegment.REPEAT_IN_ARTICLE,
                keptIn != null ? keptIn : articleId);
      }
    }
    int last = n - 1;
    if (last >= 0 && removed[last] == null && !signOffs.isEmpty()) {
      int cut = gluedSignOffStart(text.sentence(last), signOffs);
      if (cut > 0) {
        removed[last] =
            new RemovedSegment(
                text.originalStart(last, cut),
                text.originalEnd(last),
                RemovedSegment.REPEAT_ACROSS_ARTICLES,
                signOffs.get(text.sentence(last).substring(cut)));
        fromSentenceStart[last] = false;
      }
    }
    // Short sentences between two sentences kept in the same other article go with them
    // ("Copyright Acme. All rights reserved. Redistribution is prohibited.").
    for (int i = 1; i < n - 1; i++) {
      if (removed[i] != null || isCandidate(text, i) || removed[i - 1] == null) {
        continue;
      }
      int after = i;
      while (after < n && removed[after] == null && !isCandidate(text, after)) {
        after++;
      }
      if (after < n
          && removed[after] != null
          && removed[i - 1].reason().equals(RemovedSegment.REPEAT_ACROSS_ARTICLES)
          && removed[i - 1].continuesWith(removed[after])
          && toSentenceEnd[i - 1]
          && fromSentenceStart[after]) {
        for (int k = i; k < after; k++) {
          removed[k] = removed[i - 1].spanning(text.originalStart(k), text.originalEnd(k));
        }
      }
      i = after;
    }

    List<RemovedSegment> spans = new ArrayList<>();
    RemovedSegment open = null;
    boolean openReachesSentenceEnd = false;
    for (int i = 0; i < n; i++) {
      RemovedSegment next = removed[i];
      if (open != null
          && next != null
          && openReachesSentenceEnd
          && fromSentenceStart[i]
          && open.continuesWith(next)) {
        open = open.extendedTo(next.end());
        openReachesSentenceEnd = toSentenceEnd[i];
        continue;
      }
      if (open != null) {
        spans.add(open);
      }
      open = next;
      openReachesSentenceEnd = toSentenceEnd[i];
    }
    if (open != null) {
      spans.add(open);
    }
    return spans;
  }
}
