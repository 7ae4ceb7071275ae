package org.corpusanalytics.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.text.SentenceSplitter;
import org.junit.Test;

public class DedupScoresTest {
  private static Article article(String id, long published, String body) {
    return new Article(id, null, body, published, null, null, "in.jsonl", 1);
  }

  /** Scores one removed span of {@code later}'s body, with {@code kept} named as the kept article. */
  private static DedupScores scoreRemoval(Article kept, Article later, String removedText) {
    return scoreRemoval(kept, later, removedText, null);
  }

  /** The same, {@code later} being a near duplicate of {@code duplicateOf} when that is not null. */
  private static DedupScores scoreRemoval(
      Article kept, Article later, String removedText, String duplicateOf) {
    DuplicateInjector.Injected injected = new DuplicateInjector.Injected();
    injected.articles.add(kept);
    injected.articles.add(later);
    int start = later.body().lastIndexOf(removedText);
    DedupScores scores = new DedupScores();
    scores.scoreSegments(
        injected,
        Map.of(
            later.id(),
            new DedupScores.Output(
                duplicateOf,
                List.of(new int[] {start, start + removedText.length()}),
                List.of(kept.id()))),
        new SentenceSplitter());
    return scores;
  }

  @Test
  public void aSignOffEndingTheKeptArticleIsJustified() {
    DedupScores scores =
        scoreRemoval(
            article("a", 1L, "Ferry traffic rose.\nNordwire"),
            article("b", 2L, "Ferry fares fell.\nNordwire"),
            "Nordwire");
    assertThat(scores.removedChars, equalTo(8L));
    assertThat(scores.removedJustified, equalTo(8L));
  }

  @Test
  public void aShortRemovalThatEndsNeitherArticleOrOnlyOneIsNot() {
    // Ends the later article, but the kept one only holds it.
    DedupScores inside =
        scoreRemoval(
            article("a", 1L, "Nordwire said ferry traffic rose."),
            article("b", 2L, "Ferry fares fell.\nNordwire"),
            "Nordwire");
    // Ends the kept article, but not the later one.
    DedupScores notLast =
        scoreRemoval(
            article("a", 1L, "Ferry traffic rose.\nNordwire"),
            article("b", 2L, "Ferry fares fell.\nNordwire\nMore later."),
            "Nordwire");
    // The "kept" article comes later in canonical order.
    DedupScores later =
        scoreRemoval(
            article("a", 3L, "Ferry traffic rose.\nNordwire"),
            article("b", 2L, "Ferry fares fell.\nNordwire"),
            "Nordwire");
    for (DedupScores s : List.of(inside, notLast, later)) {
      assertThat(s.removedChars, equalTo(8L));
      assertThat(s.removedJustified, equalTo(0L));
    }
  }

  @Test
  public void aNearDuplicatesCopyMayBeKeptInALaterCountedArticle() {
    String added = "Mayor Tomas Lind of Vasby said the town would pay for a new pier.";
    Article update = article("p-update", 2L, "The ferry timetable changed. " + added);
    Article q = article("q", 3L, "Officials met on Wednesday. " + added);
    long nonSpace = added.replace(" ", "").length();
    assertThat(scoreRemoval(q, update, added, "p").removedJustified, equalTo(nonSpace));
    // Not when the removing article is counted: then the kept copy must come first.
    assertThat(scoreRemoval(q, update, added).removedJustified, equalTo(0L));
  }
}
