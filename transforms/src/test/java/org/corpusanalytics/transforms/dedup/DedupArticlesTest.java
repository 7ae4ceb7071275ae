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
  public void aSentenceAddedByAnUpdateIsKeptInTheNextCountedArticle() {
    // Long enough that one added sentence keeps the update above the 0.8 similarity threshold.
    String story =
        "The port authority announced a new ferry timetable for the northern islands on Monday. "
            + "Harbour master Lena Brandt said the plan would be financed by regional funds. "
            + "Fares on the longest routes have risen by more than forty percent in five years. "
            + "Two of the older vessels will be taken out of service before the winter storms. "
            + "A leased catamaran is expected to cover the outer route from the first of March. "
            + "Island schools had asked for an earlier morning departure on weekdays. "
            + "Fishermen on the outer islands have complained about the late evening crossing. "
            + "Opposition councillors called the timetable too little and far too late. "
            + "Ferry crews welcomed the announcement but warned of a shortage of engineers. "
            + "The union said it would seek talks on overtime during the summer season. "
            + "Tourism operators expect the number of summer visitors to grow again this year. "
            + "The timetable will be debated by the regional council next month.";
    String added = "Mayor Tomas Lind of Vasby said the town would pay for a new pier. ";
    int at = story.indexOf("Opposition");
    String update = story.substring(0, at) + added + story.substring(at);
    String other =
        "Town officials met ferry operators on Wednesday about the harbour. " + added
            + "Operators from two other towns attended the meeting.";
    List<Article> corpus =
        List.of(
            article("p", 1_000L, story),
            article("p-update", 2_000L, update),
            article("q", 3_000L, other));
    DedupArticles.Result result = pipeline.apply(Create.of(corpus)).apply(DedupArticles.create());
    // The update is a near duplicate of p, so it is not counted: the added sentence is kept in q,
    // the first counted article that has it, and the update loses all its sentences.
    int inUpdate = update.indexOf(added);
    int afterAdded = inUpdate + added.length();
    PAssert.that(describe("Describe", result.articles()))
        .containsInAnyOrder(
            "p [] dup=null",
            String.format(
                "p-update [repeat_across_articles:p:0-%d, repeat_across_articles:q:%d-%d,"
                    + " repeat_across_articles:p:%d-%d] dup=p",
                inUpdate - 1, inUpdate, afterAdded - 1, afterAdded, update.length()),
            "q [] dup=null");
    PAssert.that(
            result
                .repeatedSegments()
                .apply(
                    MapElements.into(TypeDescriptors.strings())
                        .via(r -> r.firstArticleId() + ": " + r.segment())))
        .satisfies(
            rows -> {
              assertThat(rows, org.hamcrest.Matchers.hasItem("q: " + added.trim()));
              assertThat(rows, org.hamcrest.Matchers.hasItem("p: " + story.substring(0, 86)));
              return null;
            });
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

  private static final String PERU =
      "The central bank of Peru kept its key rate unchanged in Lima on Thursday, as expected."
          + " Inflation slowed for a third month in the EU.";

  @Test
  public void aBodyScrapedTwiceAroundAReportingLineLosesItsSecondCopy() {
    String body = PERU + " (Reporting by Marco Aquino; Editing by Sandra Maler)" + PERU;
    List<RemovedSegment> removed =
        new RepeatPlanner(30).removedSpans("a", segment(body), Map.of());
    int second = body.lastIndexOf(PERU);
    assertThat(
        removed,
        contains(
            new RemovedSegment(second, body.length(), RemovedSegment.REPEAT_IN_ARTICLE, "a")));
  }

  @Test
  public void aBodyGluedAfterACapitalOrADigitLosesItsSecondCopyNotWhatFollows() {
    for (String glue : List.of("", " ")) {
      for (String first : List.of(PERU, PERU.replace("the EU.", "the U.S."), PERU.replace(
          "the EU.", "February 2024"))) {
        String body = first + glue + first + " (Editing by Gareth Jones)";
        List<RemovedSegment> removed =
            new RepeatPlanner(30).removedSpans("a", segment(body), Map.of());
        int second = first.length() + glue.length();
        assertThat(
            body,
            removed,
            contains(
                new RemovedSegment(
                    second, second + first.length(), RemovedSegment.REPEAT_IN_ARTICLE, "a")));
      }
    }
  }

  @Test
  public void anOpeningThatRecursInAShortPhraseIsNoCopy() {
    String body =
        "The central bank of Peru kept its key rate unchanged on Thursday. Analysts had expected"
            + " a cut after inflation slowed for a third month. The central bank of Peru said it"
            + " would watch food prices closely.";
    assertThat(new RepeatPlanner(30).removedSpans("a", segment(body), Map.of()), empty());
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

  // Sign-offs: short last sentences that end many articles.

  private static final String SIGN_OFF = "Nordwire";

  /**
   * Five stories signed off by the wire, one with the sign-off glued on, one quoting it mid-text,
   * two ending "He declined."
   */
  private static List<Article> signedOffCorpus() {
    List<Article> corpus = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      corpus.add(
          article(
              "w" + i,
              2_000L - i, // canonical order is w4, w3, w2, w1, w0
              "Ferry traffic at harbour " + i + " rose for the third month.\n" + SIGN_OFF));
    }
    corpus.add(
        article("quote", 1L, "The story was first carried by the agency.\n" + SIGN_OFF + "\nMore to come later today."));
    // Glued to the last sentence without a full stop: cut off that sentence.
    corpus.add(
        article("glued", 2_500L, "Ferry fares were unchanged at 12 crowns " + SIGN_OFF));
    corpus.add(article("d1", 3L, "The mayor was asked about the tunnel plan. He declined."));
    corpus.add(article("d2", 4L, "The harbour master was asked about the delay. He declined."));
    return corpus;
  }

  private static List<String> expectedSignOffRemovals() {
    List<String> expected = new ArrayList<>();
    for (Article a : signedOffCorpus()) {
      boolean removed =
          (a.id().startsWith("w") && !a.id().equals("w4")) || a.id().equals("glued");
      int at = a.body().lastIndexOf(SIGN_OFF);
      expected.add(
          a.id()
              + (removed
                  ? " [repeat_across_articles:w4:" + at + "-" + a.body().length() + "]"
                  : " []")
              + " dup=null");
    }
    return expected;
  }

  @Test
  public void aShortLastSentenceEndingEnoughArticlesIsASignOffKeptOnlyInTheFirst() {
    DedupArticles.Result result =
        pipeline
            .apply(Create.of(signedOffCorpus()))
            .apply(DedupArticles.create().withMinSignOffArticles(3));
    // Not "Nordwire" in the middle of "quote", nor "He declined." which ends only two articles.
    PAssert.that(describe("Describe", result.articles()))
        .containsInAnyOrder(expectedSignOffRemovals());
    PAssert.that(result.repeatedSegments())
        .containsInAnyOrder(new RepeatedSegment(SIGN_OFF, SIGN_OFF.length(), 5, 5, "w4"));
    pipeline.run();
  }

  @Test
  public void aHotSignOffSplitOverSaltedSubKeysGivesTheSameRemovals() {
    DedupArticles.Result result =
        pipeline
            .apply(Create.of(signedOffCorpus()))
            .apply(DedupArticles.create().withMinSignOffArticles(3).withHotKeyThreshold(2));
    PAssert.that(describe("Describe", result.articles()))
        .containsInAnyOrder(expectedSignOffRemovals());
    pipeline.run();
  }

  @Test
  public void signOffsBelowTheThresholdOrTurnedOffStay() {
    List<String> nothingRemoved = new ArrayList<>();
    for (Article a : signedOffCorpus()) {
      nothingRemoved.add(a.id() + " [] dup=null");
    }
    DedupArticles.Result tooFew =
        pipeline
            .apply("TooFew", Create.of(signedOffCorpus()))
            .apply("DedupTooFew", DedupArticles.create().withMinSignOffArticles(6));
    DedupArticles.Result off =
        pipeline
            .apply("Off", Create.of(signedOffCorpus()))
            .apply("DedupOff", DedupArticles.create().withMinSignOffArticles(0));
    PAssert.that(describe("DescribeTooFew", tooFew.articles())).containsInAnyOrder(nothingRemoved);
    PAssert.that(describe("DescribeOff", off.articles())).containsInAnyOrder(nothingRemoved);
    PAssert.that(tooFew.repeatedSegments()).empty();
    PAssert.that(off.repeatedSegments()).empty();
    pipeline.run();
  }

  @Test
  public void theLastSentenceIsASignOffCandidateOnlyWhenShortAndNotACopy() {
    RepeatPlanner planner = new RepeatPlanner(30, 3);
    SegmentedText signed = segment("Ferry traffic at the harbour rose for the third month.\nNordwire");
    assertThat(planner.distinctCandidates(signed), org.hamcrest.Matchers.equalTo(Map.of(0, 1, 1, 1)));
    assertThat(
        new RepeatPlanner(30).distinctCandidates(signed),
        org.hamcrest.Matchers.equalTo(Map.of(0, 1)));
    // A body scraped twice: its second sign-off is a copy inside the article, not a candidate.
    String once = "Ferry traffic at the harbour rose for the third month. Nordwire";
    SegmentedText twice = segment(once + once);
    assertThat(planner.distinctCandidates(twice).keySet(), org.hamcrest.Matchers.not(
        org.hamcrest.Matchers.hasItem(twice.size() - 1)));
    SegmentStats inThree = new SegmentStats(null, 3, 3);
    SegmentStats inTwo = new SegmentStats(null, 2, 2);
    assertThat(planner.isRepeatAcrossArticles("Nordwire", inThree), org.hamcrest.Matchers.is(true));
    assertThat(planner.isRepeatAcrossArticles("Nordwire", inTwo), org.hamcrest.Matchers.is(false));
    assertThat(planner.isRepeatAcrossArticles(once, inTwo), org.hamcrest.Matchers.is(true));
    assertThat(
        new RepeatPlanner(30).isRepeatAcrossArticles("Nordwire", inThree),
        org.hamcrest.Matchers.is(false));
  }

  @Test
  public void onlyTheLastSentenceLosesAGluedSignOffAndNeverWhole() {
    RepeatPlanner planner = new RepeatPlanner(30, 3);
    Map<String, String> signOffs = Map.of(SIGN_OFF, "w4", "Nordwire Oslo", "w7");
    String body = "Fares rose, said Nordwire. Ferry fares were unchanged at 12 crowns Nordwire Oslo";
    assertThat(
        planner.removedSpans("a", segment(body), Map.of(), signOffs),
        contains(
            new RemovedSegment(
                body.indexOf("Nordwire Oslo"),
                body.length(),
                RemovedSegment.REPEAT_ACROSS_ARTICLES,
                "w7")));
    // A last sentence that is only the sign-off is left to the join, which keeps the first copy.
    assertThat(planner.removedSpans("a", segment("Fares rose.\nNordwire"), Map.of(), signOffs), empty());
  }

  @Test(expected = IllegalArgumentException.class)
  public void aSignOffInOneArticleIsNotAThreshold() {
    new RepeatPlanner(30, 1);
  }
}
