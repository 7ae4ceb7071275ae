package org.corpusanalytics.transforms.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.util.CoderUtils;
import org.corpusanalytics.transforms.model.CanonicalPosition;
import org.junit.Test;

public class SegmentStatsTest {
  private static final CanonicalPosition EARLY_UPDATE = new CanonicalPosition(1L, "update", 40);
  private static final CanonicalPosition LATER = new CanonicalPosition(2L, "later", 0);
  private static final CanonicalPosition LAST = new CanonicalPosition(3L, "last", 7);

  private static SegmentStats combine(List<SegmentStats> inputs) {
    Combine.CombineFn<SegmentStats, SegmentStats, SegmentStats> fn = SegmentStats.combineFn();
    // Two partial accumulators merged, as a runner combines bundles.
    SegmentStats left = fn.createAccumulator();
    SegmentStats right = fn.createAccumulator();
    for (int i = 0; i < inputs.size(); i++) {
      if (i % 2 == 0) {
        left = fn.addInput(left, inputs.get(i));
      } else {
        right = fn.addInput(right, inputs.get(i));
      }
    }
    return fn.extractOutput(fn.mergeAccumulators(List.of(right, left)));
  }

  @Test
  public void theFirstCopyIsInACountedArticleWhenOneHasIt() {
    List<SegmentStats> inputs =
        new ArrayList<>(
            List.of(
                SegmentStats.inArticle(EARLY_UPDATE, 1, true),
                SegmentStats.inArticle(LAST, 2, false),
                SegmentStats.inArticle(LATER, 1, false)));
    Random random = new Random(7);
    for (int round = 0; round < 20; round++) {
      Collections.shuffle(inputs, random);
      SegmentStats stats = combine(inputs);
      assertThat(stats.first(), equalTo(LATER));
      assertThat(stats.firstInNearDuplicate(), is(false));
      assertThat(stats.occurrences(), equalTo(4L));
      assertThat(stats.articles(), equalTo(3L));
    }
  }

  @Test
  public void aSentenceOnlyInNearDuplicatesIsFirstInTheEarliestOfThem() {
    List<SegmentStats> inputs =
        new ArrayList<>(
            List.of(
                SegmentStats.inArticle(LAST, 1, true),
                SegmentStats.inArticle(EARLY_UPDATE, 1, true)));
    for (int round = 0; round < 2; round++) {
      Collections.reverse(inputs);
      SegmentStats stats = combine(inputs);
      assertThat(stats.first(), equalTo(EARLY_UPDATE));
      assertThat(stats.firstInNearDuplicate(), is(true));
    }
  }

  @Test
  public void theCoderKeepsWhereTheFirstCopyIs() throws Exception {
    for (SegmentStats stats :
        List.of(
            SegmentStats.inArticle(EARLY_UPDATE, 3, true),
            SegmentStats.inArticle(LATER, 1, false),
            new SegmentStats(null, 0, 0))) {
      SegmentStats decoded =
          CoderUtils.decodeFromByteArray(
              SegmentStats.SegmentStatsCoder.of(),
              CoderUtils.encodeToByteArray(SegmentStats.SegmentStatsCoder.of(), stats));
      assertThat(decoded, equalTo(stats));
    }
  }
}
