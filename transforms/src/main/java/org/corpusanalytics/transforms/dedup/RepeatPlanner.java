package org.corpusanalytics.transforms.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corpusanalytics.transforms.text.SegmentedText;

/**
 * Decides which sentences of one article are repeats, and turns those decisions into removed spans.
 * A sentence shorter than {@code minSegmentChars} is never removed, so "He said." stays.
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
    boolean[] repeat = new boolean[text.size()];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < text.size(); i++) {
      if (isCandidate(text, i) && !seen.add(text.sentence(i))) {
        repeat[i] = true;
      }
    }
    return repeat;
  }

  /**
   * Removed spans for one article: in-article repeats first, then sentences whose earliest copy in
   * the corpus is in another article ({@code keptElsewhere}: original sentence start to kept article
   * id). Adjacent removed sentences with the same reason and kept article merge into one span, which
   * then also covers the whitespace between them.
   */
  public List<RemovedSegment> removedSpans(
      String articleId, SegmentedText text, Map<Integer, String> keptElsewhere) {
    boolean[] inArticle = repeatsInArticle(text);
    List<RemovedSegment> spans = new ArrayList<>();
    RemovedSegment open = null;
    for (int i = 0; i < text.size(); i++) {
      int start = text.originalStart(i);
      RemovedSegment next = null;
      if (inArticle[i]) {
        next =
            new RemovedSegment(start, text.originalEnd(i), RemovedSegment.REPEAT_IN_ARTICLE, articleId);
      } else if (keptElsewhere.containsKey(start)) {
        next =
            new RemovedSegment(
                start,
                text.originalEnd(i),
                RemovedSegment.REPEAT_ACROSS_ARTICLES,
                keptElsewhere.get(start));
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
