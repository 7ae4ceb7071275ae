package org.corpusanalytics.transforms.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.text.SegmentedText;
import org.corpusanalytics.transforms.text.SentenceSplitter;
import org.corpusanalytics.transforms.text.TextNormalizer;
import org.junit.Rule;
import org.junit.Test;

public class RemoveRepeatedSegmentsTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static final String COPY =
      "The harbour board approved the new ferry timetable on Monday. "
          + "He said no. "
          + "Ferries to the islands will now leave every forty minutes in summer.";
  private static final String FOOTER = "Reporting by Ana Ruiz; Editing by Tom Hale.";

  private static Article article(String id, Long published, String body) {
    return new Article(id, null, body, published, null, null, "in.jsonl", 1);
  }

  private static SegmentedText segment(String body) {
    return SegmentedText.of(body, new TextNormalizer(), new SentenceSplitter());
  }

  @Test
  public void aGluedSecondCopyIsRemovedWholeIncludingItsShortSentences() {
    String body = COPY + COPY; // glued: "summer.The harbour"
    List<RemovedSegment> removed =
        new RepeatPlanner(30).removedSpans("a", segment(body), Map.of());
    // "He said no." is short, but it sits inside the repeated run, so it goes with it.
    assertThat(
        removed,
        contains(
            new RemovedSegment(
                COPY.length(), body.length(), RemovedSegment.REPEAT_IN_ARTICLE, "a")));
  }

  @Test
  public void aCopyGluedToTheTitleBeforeItIsRemovedWhole() {
    // A page scraped as body, title and body again, without spaces: "summer.New timetable for
    // MullThe harbour board ...".
    String title = "New timetable for Mull";
    String body = COPY + title + COPY;
    List<RemovedSegment> removed =
        new RepeatPlanner(30).removedSpans("a", segment(body), Map.of());
    int second = COPY.length() + title.length();
    assertThat(
        removed,
        contains(new RemovedSegment(second, body.length(), RemovedSegment.REPEAT_IN_ARTICLE, "a")));
  }

  @Test
  public void aShortSentenceRepeatedOutsideARunStays() {
    String body =
        "He said no. The harbour board approved the new ferry timetable on Monday. "
            + "Critics were not convinced by the plan at all. He said no.";
    assertThat(new RepeatPlanner(30).removedSpans("a", segment(body), Map.of()), empty());
  }

  @Test
  public void aShortSentenceAtTheStartOfARepeatedRunGoesWithIt() {
    String first = "Yes. The harbour board approved the new ferry timetable on Monday.";
    String body = first + " Critics were not convinced by the plan at all. " + first;
    int second = body.lastIndexOf("Yes.");
    assertThat(
        new RepeatPlanner(30).removedSpans("a", segment(body), Map.of()),
        contains(
            new RemovedSegment(second, body.length(), RemovedSegment.REPEAT_IN_ARTICLE, "a")));
  }

  @Test
  public void nothingIsRemovedFromAnArticleWithoutRepeats() {
    assertThat(new RepeatPlanner(30).removedSpans("a", segment(COPY), Map.of()), empty());
  }

  private static PCollection<String> describe(PCollection<DedupedArticle> deduped) {
    return deduped.apply(
        MapElements.into(TypeDescriptors.strings())
            .via(
                d -> {
                  List<String> parts = new ArrayList<>();
                  for (RemovedSegment r : d.removed()) {
                    parts.add(
                        r.reason() + ":" + r.keptArticleId() + ":"
                            + d.article().body().substring(r.start(), r.end()));
                  }
                  return d.article().id() + " " + parts;
                }));
  }

  @Test
  public void acrossArticlesTheFirstCopyInCanonicalOrderIsKept() {
    List<Article> corpus =
        List.of(
            // Later date: loses to b although its id sorts first.
            article("a", 2_000L, "Lead story of a, long enough to count.\n\n" + FOOTER),
            article("b", 1_000L, "Lead story of b, long enough to count.\n\n" + FOOTER),
            // Undated articles come last.
            article("0-undated", null, "Lead story of b, long enough to count. " + FOOTER),
            // Same date as b: the id decides.
            article("c", 1_000L, FOOTER + " " + FOOTER));
    PCollection<DedupedArticle> deduped =
        pipeline.apply(Create.of(corpus)).apply(RemoveRepeatedSegments.create());
    PAssert.that(describe(deduped))
        .containsInAnyOrder(
            "a [repeat_across_articles:b:" + FOOTER + "]",
            "b []",
            "0-undated [repeat_across_articles:b:Lead story of b, long enough to count. "
                + FOOTER + "]",
            "c [repeat_across_articles:b:" + FOOTER + " " + FOOTER + "]");
    pipeline.run();
  }

  @Test
  public void articleModeLeavesOtherArticlesAlone() {
    List<Article> corpus =
        List.of(
            article("a", 1L, FOOTER + " " + FOOTER),
            article("b", 2L, FOOTER));
    PCollection<DedupedArticle> deduped =
        pipeline
            .apply(Create.of(corpus))
            .apply(RemoveRepeatedSegments.create().withMode(DedupMode.ARTICLE));
    PAssert.that(describe(deduped))
        .containsInAnyOrder("a [repeat_in_article:a:" + FOOTER + "]", "b []");
    pipeline.run();
  }
}
