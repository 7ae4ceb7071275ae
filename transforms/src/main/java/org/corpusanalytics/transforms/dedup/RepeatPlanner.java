package org.corpusanalytics.transforms.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corpusanalytics.transforms.text.SegmentedText;

/**
 * Decides which sentences of one article are repeats, and turns those decisions into removed spans.
 * A sentence shorter than {@code minSegmentChars} is not evidence of a repeat on its own, so a lone
 * "He said." stays; it goes only as part of a longer repeated run inside the same article.
 */
public final class RepeatPlanner implements Serializable {
  private final int minSegmentChars;

  public RepeatPlanner(int minSegmentChars) {
    this.minSegmentChars = minSegmentChars;
  }

  /** True for each sentence long enough to be a dedup candidate. */
  public boolean isCandidate(SegmentedText text, int i) {
    return text.sentence(i).length() >= minSegmentChars;
  }

  /** Sentences equal to an earlier sentence of the same article; the first copy is kept. */
  public boolean[] repeatsInArticle(SegmentedText text) {
    int[] first = firstCopyInArticle(text);
    boolean[] repeat = new boolean[first.length];
    for (int i = 0; i < first.length; i++) {
      repeat[i] = first[i] >= 0;
    }
    return repeat;
  }

  /**
   * For each sentence, the index of its earlier copy in the same article, or -1. A sentence too
   * short to be a candidate still counts as a copy when it sits inside a repeated run: its
   * neighbour is a copy of the sentence next to its own earlier copy, as when a whole body is
   * scraped twice.
   */
  private int[] firstCopyInArticle(SegmentedText text) {
    int n = text.size();
    int[] first = new int[n];
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < n; i++) {
      first[i] = -1;
      if (isCandidate(text, i)) {
        Integer earlier = seen.putIfAbsent(text.sentence(i), i);
        if (earlier != null) {
          first[i] = earlier;
        }
      }
    }
    for (int i = 1; i < n; i++) {
      if (first[i] < 0 && first[i - 1] >= 0) {
        int j = first[i - 1] + 1;
        if (j < i && text.sentence(j).equals(text.sentence(i))) {
          first[i] = j;
        }
      }
    }
    for (int i = n - 2; i >= 0; i--) {
      if (first[i] < 0 && first[i + 1] >= 0) {
        int j = first[i + 1] - 1;
        if (j >= 0 && j < i && text.sentence(j).equals(text.sentence(i))) {
          first[i] = j;
        }
      }
    }
    return first;
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
    int[] firstCopy = firstCopyInArticle(text);
    List<RemovedSegment> spans = new ArrayList<>();
    RemovedSegment open = null;
    for (int i = 0; i < text.size(); i++) {
      int original = firstCopy[i] >= 0 ? firstCopy[i] : i;
      String keptIn = keptElsewhere.get(text.originalStart(original));
      RemovedSegment next = null;
      if (keptIn != null) {
        next =
            new RemovedSegment(
                text.originalStart(i),
                text.originalEnd(i),
                RemovedSegment.REPEAT_ACROSS_ARTICLES,
                keptIn);
      } else if (firstCopy[i] >= 0) {
        next =
            new RemovedSegment(
                text.originalStart(i),
                text.originalEnd(i),
                RemovedSegment.REPEAT_IN_ARTICLE,
                articleId);
      }
      if (open != null && next != null && open.continuesWith(next)) {
        open = open.extendedTo(next.end());
        continue;
      }
      if (open != null) {
        spans.add(open);
      }
      open = next;
    }
    if (open != null) {
      spans.add(open);
    }
    return spans;
  }
}
