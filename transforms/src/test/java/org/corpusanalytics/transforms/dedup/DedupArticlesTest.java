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
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.text.SegmentedText;
import org.corpusanalytics.transforms.text.SentenceSplitter;
import org.corpusanalytics.transforms.text.TextNormalizer;
import org.junit.Rule;
import org.junit.Test;

public class DedupArticlesTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static final String FOOTER = "Reporting by Ana Ruiz; Editing by Tom Hale.";

  private static Article article(String id, Long published, String body) {
    return new Article(id, null, body, published, null, null, "in.jsonl", 1);
  }

  private static SegmentedText segment(String body) {
    return SegmentedText.of(body, new TextNormalizer(), new SentenceSplitter());
  }

  private static List<Article> footerCorpus() {
    List<Article> corpus = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String lead = "Story number " + i + " is about a different harbour in the north.";
      corpus.add(article(String.format("a%02d", i), 1_000L + i, lead + "\n\n" + FOOTER));
    }
    // The footer twice in one article: 13 occurrences in 12 articles.
    corpus.set(5, article("a05", 1_005L, "Story five is also about ferries and tides.\n\n" + FOOTER + " " + FOOTER));
    return corpus;
  }

  private static PCollection<String> describe(String name, PCollection<DedupedArticle> deduped) {
    return deduped.apply(
        name,
        MapElements.into(TypeDescriptors.strings())
            .via(
                d -> {
                  List<String> parts = new ArrayList<>();
                  for (RemovedSegment r : d.removed()) {
                    parts.add(r.reason() + ":" + r.keptArticleId() + ":" + r.start() + "-" + r.end());
                  }
                  return d.article().id() + " " + parts + " dup=" + d.duplicateOf();
                }));
  }

  private static List<String> expectedFooterRemovals() {
    List<String> expected = new ArrayList<>();
    for (Article a : footerCorpus()) {
      int at = a.body().indexOf(FOOTER);
      String id = a.id();
      if (id.equals("a00")) {
        expected.add("a00 [] dup=null");
      } else {
        expected.add(
            id + " [repeat_across_articles:a00:" + at + "-" + a.body().length() + "] dup=null");
      }
    }
    return expected;
  }

  @Test
  public void aHotFooterSplitOverSaltedSubKeysGivesTheSameRemovals() {
    // Any sentence in more than 2 articles is hot here: the footer goes to 6 sub-keys.
    DedupArticles.Result hot =
        pipeline
            .apply("Hot", Create.of(footerCorpus()))
            .apply("DedupHot", DedupArticles.create().withHotKeyThreshold(2));
    DedupArticles.Result plain =
        pipeline
            .apply("Plain", Create.of(footerCorpus()))
            .apply("DedupPlain", DedupArticles.create());
    PAssert.that(describe("DescribeHot", hot.articles())).containsInAnyOrder(expectedFooterRemovals());
    PAssert.that(describe("DescribePlain", plain.articles())).containsInAnyOrder(expectedFooterRemovals());
    pipeline.run();
  }

  @Test
  public void repeatedSegmentsCountOccurrencesArticlesAndTheFirstArticle() {
    DedupArticles.Result result =
        pipeline.apply(Create.of(footerCorpus())).apply(DedupArticles.create());
    PAssert.that(result.repeatedSegments())
        .containsInAnyOrder(new RepeatedSegment(FOOTER, FOOTER.length(), 13, 12, "a00"));
    PAssert.that(result.totals().apply(Sum.longsPerKey()))
        .containsInAnyOrder(
            KV.of(DedupArticles.CHARS_REMOVED_ACROSS_ARTICLES, 11L * FOOTER.length() + FOOTER.length() + 1));
    pipeline.run();
  }

  @Test
  public void nearDuplicatesAreMarkedAndCounted() {
    String body = FindNearDuplicatesTest.words("w", 0);
    DedupArticles.Result result =
        pipeline
            .apply(
                Create.of(
                    article("first", 1L, body),
                    article("copy", 2L, body.replace("w50 ", "changed ")),
                    article("other", 3L, FindNearDuplicatesTest.words("x", 0))))
            .apply(DedupArticles.create());
    PAssert.that(
            result
                .articles()
                .apply(
                    MapElements.into(TypeDescriptors.strings())
                        .via(d -> d.article().id() + "->" + d.duplicateOf())))
        .containsInAnyOrder("first->null", "copy->first", "other->null");
    PAssert.that(result.totals().apply(Sum.longsPerKey()))
        .satisfies(
            totals -> {
              for (KV<String, Long> kv : totals) {
                if (kv.getKey().equals(DedupArticles.NEAR_DUPLICATE_ARTICLES)) {
                  assertThat(kv.getValue(), org.hamcrest.Matchers.equalTo(1L));
                  return null;
                }
              }
              throw new AssertionError("no near_duplicate_articles total in " + totals);
            });
    pipeline.run();
  }

  @Test
  public void longSegmentsAreCutTo200CharsInTheTable() {
    String sentence = "x".repeat(250);
    RepeatedSegment r =
        RepeatedSegment.of(
            sentence,
            new SegmentStats(new org.corpusanalytics.transforms.model.CanonicalPosition(1L, "a", 0), 2, 2));
    assertThat(r.segment().length(), org.hamcrest.Matchers.equalTo(200));
    assertThat(r.chars(), org.hamcrest.Matchers.equalTo(250L));
  }

  // The planner's handling of copies whose sentence boundaries do not line up.

  @Test
  public void aBodyGluedAfterAnUnpunctuatedSignOffLosesExactlyItsSecondCopy() {
    String body =
        "Sandoz AG said it planned a joint venture to produce herbicides.\n"
            + "    The ministry and Sandoz will each have a 50 pct stake in the venture.\n"
            + " Reuter\n\u0003";
    String twice = body + body;
    // "Reuter Sandoz AG said ..." is one sentence: its tail is the start of the second copy.
    List<RemovedSegment> removed =
        new RepeatPlanner(30).removedSpans("a", segment(twice), Map.of());
    assertThat(
        removed,
        contains(
            new RemovedSegment(
                body.length(), twice.length() - 2, RemovedSegment.REPEAT_IN_ARTICLE, "a")));
  }

  @Test
  public void aDoubledTableWithoutFullStopsLosesItsSecondCopy() {
    String table = "Shr 10 cts vs 12 cts\n    Net 1.2 mln vs 1.4 mln\n    Revs 40 mln vs 38 mln\n";
    String twice = table + table;
    List<RemovedSegment> removed =
        new RepeatPlanner(30).removedSpans("a", segment(twice), Map.of());
    assertThat(
        removed,
        contains(
            new RemovedSegment(
                table.length(), twice.length() - 1, RemovedSegment.REPEAT_IN_ARTICLE, "a")));
  }

  @Test
  public void aRepeatedParagraphGluedIntoAnotherSentenceIsCutOutOfIt() {
    String note = "NOTE: Net excludes gains of 40,000 dlrs from the sale of a unit.";
    String body = note + "\n    Revs 1.2 mln vs 1.1 mln\n    " + note + "\n    Reuter";
    List<RemovedSegment> removed =
        new RepeatPlanner(30).removedSpans("a", segment(body), Map.of());
    int second = body.lastIndexOf(note);
    assertThat(
        removed,
        contains(
            new RemovedSegment(
                second, second + note.length(), RemovedSegment.REPEAT_IN_ARTICLE, "a")));
  }

  @Test
  public void aShortSentenceBetweenTwoRepeatsFromTheSameArticleGoesWithThem() {
    String body =
        "Lead story here, long enough to be counted. Copyright Example News Service."
            + " All rights reserved. Redistribution of this material is strictly prohibited.";
    SegmentedText text = segment(body);
    int copyright = body.indexOf("Copyright");
    int redistribution = body.indexOf("Redistribution");
    List<RemovedSegment> removed =
        new RepeatPlanner(30)
            .removedSpans("b", text, Map.of(copyright, "a", redistribution, "a"));
    assertThat(
        removed,
        contains(
            new RemovedSegment(
                copyright, body.length(), RemovedSegment.REPEAT_ACROSS_ARTICLES, "a")));
    // Not between two repeats kept in the same article: it stays.
    assertThat(
        new RepeatPlanner(30)
            .removedSpans("b", text, Map.of(copyright, "a", redistribution, "c"))
            .size(),
        org.hamcrest.Matchers.equalTo(2));
    assertThat(new RepeatPlanner(30).removedSpans("b", text, Map.of()), empty());
  }
}
