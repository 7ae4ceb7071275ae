package org.corpusanalytics.transforms.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.model.CanonicalPosition;
import org.junit.Rule;
import org.junit.Test;

public class FindNearDuplicatesTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  /** Words {@code from} to {@code from + 99}, each distinct: 96 shingles. */
  static String words(String prefix, int from) {
    StringBuilder s = new StringBuilder();
    for (int i = from; i < from + 100; i++) {
      s.append(prefix).append(i).append(i % 17 == 16 ? ". " : " ");
    }
    return s.toString().trim();
  }

  static Article article(String id, Long published, String body) {
    return new Article(id, null, body, published, null, null, "in.jsonl", 1);
  }

  static double jaccard(String a, String b) {
    Shingles s = new Shingles();
    return s.of(a).jaccard(s.of(b));
  }

  @Test
  public void aChainKeepsItsEarliestArticleAndDissimilarArticlesStayApart() {
    String a = words("w", 0);
    String b = words("w", 10);
    String c = words("w", 20);
    StringBuilder half = new StringBuilder(words("w", 0).substring(0, 300));
    half.append(' ').append(words("x", 0));
    String d = half.toString();
    assertThat(jaccard(a, b), greaterThanOrEqualTo(0.8));
    assertThat(jaccard(b, c), greaterThanOrEqualTo(0.8));
    assertThat(jaccard(a, c), lessThan(0.8)); // only connected through b
    assertThat(jaccard(a, d), lessThan(0.5));

    PCollection<KV<String, String>> found =
        pipeline
            .apply(
                Create.of(
                    article("c", 3_000L, c),
                    article("b", 2_000L, b),
                    // Dated earliest but with an id that sorts last: the date decides.
                    article("zz-a", 1_000L, a),
                    article("d", 500L, d)))
            .apply(FindNearDuplicates.create());
    PAssert.that(found).containsInAnyOrder(KV.of("b", "zz-a"), KV.of("c", "zz-a"));
    pipeline.run();
  }

  @Test
  public void exactCopiesPointToTheFirstInCanonicalOrderWhateverTheBucketSize() {
    String body = words("copy", 0);
    List<Article> copies = new ArrayList<>();
    copies.add(article("undated", null, body));
    copies.add(article("late", 9_000L, body));
    for (int i = 0; i < 28; i++) {
      copies.add(article(String.format("same-day-%02d", i), 5_000L, body));
    }
    List<KV<String, String>> expected = new ArrayList<>();
    expected.add(KV.of("undated", "same-day-00"));
    expected.add(KV.of("late", "same-day-00"));
    for (int i = 1; i < 28; i++) {
      expected.add(KV.of(String.format("same-day-%02d", i), "same-day-00"));
    }
    // Buckets of 30 with room for 3 heads each, and keys split from 4 elements on.
    PCollection<KV<String, String>> found =
        pipeline
            .apply(Create.of(copies))
            .apply(FindNearDuplicates.create().withBucketFanout(3).withHotKeyThreshold(4));
    PAssert.that(found).containsInAnyOrder(expected);
    pipeline.run();
  }

  @Test
  public void aMemberThatDriftedBelowOneHalfFromTheKeptArticleIsNotMarked() {
    // Each step shares 0.81 with the next; the fifth shares only 0.41 with the first.
    List<Article> chain = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      chain.add(article("step-" + k, (long) k, words("w", 10 * k)));
    }
    assertThat(jaccard(words("w", 0), words("w", 30)), closeTo(0.52, 0.01));
    assertThat(jaccard(words("w", 0), words("w", 40)), lessThan(0.5));
    PCollection<KV<String, String>> found =
        pipeline.apply(Create.of(chain)).apply(FindNearDuplicates.create());
    PAssert.that(found)
        .containsInAnyOrder(
            KV.of("step-1", "step-0"), KV.of("step-2", "step-0"), KV.of("step-3", "step-0"));
    pipeline.run();
  }

  @Test
  public void unionFindRootsAreTheSmallestNodesWhateverTheEdgeOrder() {
    List<CanonicalPosition> nodes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      nodes.add(new CanonicalPosition((long) (10 - i), "n" + i, 0));
    }
    int[][] edges = {{0, 1}, {1, 2}, {3, 4}, {2, 3}, {5, 6}};
    ConnectedComponents.Forest forward = new ConnectedComponents.Forest();
    ConnectedComponents.Forest backward = new ConnectedComponents.Forest();
    for (int i = 0; i < edges.length; i++) {
      int[] e = edges[i];
      int[] r = edges[edges.length - 1 - i];
      forward.union(nodes.get(e[0]), nodes.get(e[1]));
      backward.union(nodes.get(r[1]), nodes.get(r[0]));
    }
    // n4 has the earliest date of 0..4; n6 of 5..6.
    assertThat(forward.roots(), org.hamcrest.Matchers.equalTo(backward.roots()));
    assertThat(forward.find(nodes.get(0)), org.hamcrest.Matchers.equalTo(nodes.get(4)));
    assertThat(forward.find(nodes.get(5)), org.hamcrest.Matchers.equalTo(nodes.get(6)));
  }
}
