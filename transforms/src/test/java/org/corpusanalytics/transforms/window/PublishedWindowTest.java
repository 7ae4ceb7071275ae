package org.corpusanalytics.transforms.window;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.window.PublishedWindow.Verdict;
import org.junit.Rule;
import org.junit.Test;

public class PublishedWindowTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static Long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  private static Article article(String id, Long published) {
    return new Article(id, null, "Body of " + id + ".", published, null, null, "f.jsonl", 1);
  }

  @Test
  public void bothEndsAreInclusiveUtcDates() {
    PublishedWindow w = PublishedWindow.parse("2024-03-05", "2024-03-07");
    assertThat(w.classify(millis("2024-03-05T00:00:00Z")), equalTo(Verdict.INSIDE));
    assertThat(w.classify(millis("2024-03-07T23:59:59.999Z")), equalTo(Verdict.INSIDE));
    assertThat(w.classify(millis("2024-03-04T23:59:59.999Z")), equalTo(Verdict.OUTSIDE));
    assertThat(w.classify(millis("2024-03-08T00:00:00Z")), equalTo(Verdict.OUTSIDE));
    assertThat(w.classify(null), equalTo(Verdict.UNDATED));
  }

  @Test
  public void oneEndAloneBoundsOneSideAndStillDropsUndatedArticles() {
    PublishedWindow from = PublishedWindow.parse("2024-03-05", "");
    assertThat(from.classify(millis("2030-01-01T00:00:00Z")), equalTo(Verdict.INSIDE));
    assertThat(from.classify(millis("2024-03-04T12:00:00Z")), equalTo(Verdict.OUTSIDE));
    assertThat(from.classify(null), equalTo(Verdict.UNDATED));
    PublishedWindow to = PublishedWindow.parse(null, "2024-03-05");
    assertThat(to.classify(millis("1987-02-26T15:01:01Z")), equalTo(Verdict.INSIDE));
  }

  @Test
  public void noWindowKeepsEverythingIncludingUndatedArticles() {
    PublishedWindow none = PublishedWindow.parse("", " ");
    assertThat(none.isUnbounded(), equalTo(true));
    assertThat(none.classify(null), equalTo(Verdict.INSIDE));
    assertThat(none.classify(0L), equalTo(Verdict.INSIDE));
  }

  @Test
  public void badDatesAndReversedWindowsFailNamingTheOption() {
    try {
      PublishedWindow.parse("2024-3-5", "");
      throw new AssertionError("expected a failure");
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage(), containsString("--publishedFrom must be a date YYYY-MM-DD"));
    }
    try {
      PublishedWindow.parse("2024-03-09", "2024-03-05");
      throw new AssertionError("expected a failure");
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage(), containsString("is after --publishedTo"));
    }
  }

  @Test
  public void filterKeepsTheWindowAndCountsWhatItLeavesOut() {
    List<Article> articles = new ArrayList<>();
    articles.add(article("in-1", millis("2024-03-05T09:30:00Z")));
    articles.add(article("in-2", millis("2024-03-06T23:30:00Z")));
    articles.add(article("early", millis("2024-03-04T23:59:00Z")));
    articles.add(article("late", millis("2024-03-07T00:00:00Z")));
    articles.add(article("undated-1", null));
    articles.add(article("undated-2", null));
    PCollectionTuple out =
        pipeline
            .apply(Create.of(articles))
            .apply(FilterPublished.in(PublishedWindow.parse("2024-03-05", "2024-03-06")));
    PCollection<String> kept =
        out.get(FilterPublished.KEPT)
            .apply(MapElements.into(TypeDescriptors.strings()).via(Article::id));
    PAssert.that(kept).containsInAnyOrder("in-1", "in-2");
    PAssert.that(out.get(FilterPublished.EXCLUDED).apply(Sum.longsPerKey()))
        .containsInAnyOrder(
            KV.of(FilterPublished.ARTICLES_UNDATED, 2L),
            KV.of(FilterPublished.ARTICLES_OUTSIDE_WINDOW, 2L));
    pipeline.run();
  }
}
