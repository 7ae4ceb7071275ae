package org.corpusanalytics.transforms.ner;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.corpusanalytics.transforms.dedup.DedupedArticle;
import org.corpusanalytics.transforms.dedup.RemovedSegment;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.ner.gazetteer.Gazetteer;
import org.corpusanalytics.transforms.ner.gazetteer.GazetteerRecognizer;
import org.junit.Rule;
import org.junit.Test;

public class RecognizeEntitiesTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  /** Calls per sentence, shared by every deserialized copy of the recognizer in this JVM. */
  static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

  /** Counts how often each text is tagged; the tags come from a small watchlist. */
  static final class CountingRecognizer implements EntityRecognizer {
    private final EntityRecognizer delegate;

    CountingRecognizer(EntityRecognizer delegate) {
      this.delegate = delegate;
    }

    @Override
    public List<Mention> recognize(String sentence) {
      CALLS.computeIfAbsent(sentence, k -> new AtomicInteger()).incrementAndGet();
      return delegate.recognize(sentence);
    }
  }

  static EntityRecognizer names() throws IOException {
    return new GazetteerRecognizer(
        Gazetteer.parse(
            new StringReader(
                "Helen Carter,PERSON,\nOslo,LOCATION,\nNorthwind Motors,ORGANIZATION,\n"),
            "names"));
  }

  static DedupedArticle article(String id, String body, RemovedSegment... removed) {
    return new DedupedArticle(
        new Article(id, null, body, null, null, null, "test.jsonl", id.hashCode()),
        List.of(removed));
  }

  @Test
  public void eachDistinctSentenceIsTaggedOnce() throws IOException {
    String wire = "Helen Carter visited Oslo on Monday. Northwind Motors shares rose 4 percent.";
    List<DedupedArticle> articles =
        List.of(
            article("wire-1", wire),
            article("wire-2", wire + " Carter left for Bergen."),
            article("paper", "Shares fell. Shares fell. Helen Carter visited Oslo on Monday."),
            // Everything removed: no unit to tag, but the article still comes out.
            article("empty", "Shares fell.", new RemovedSegment(0, 12, "repeat_across_articles", "paper")));
    EntityRecognizer counting = new CountingRecognizer(names());
    CALLS.clear();

    RecognizeEntities transform = RecognizeEntities.with(counting);
    PCollection<AnnotatedArticle> annotated =
        pipeline.apply(Create.of(articles)).apply(transform);

    // The same result as tagging each article on its own.
    List<AnnotatedArticle> expected = new ArrayList<>();
    for (DedupedArticle a : articles) {
      expected.add(transform.articleRecognition().annotate(a, names()));
    }
    PAssert.that(annotated).containsInAnyOrder(expected);
    pipeline.run().waitUntilFinish();

    Map<String, Integer> calls = new TreeMap<>();
    CALLS.forEach((k, v) -> calls.put(k, v.get()));
    assertThat(
        calls,
        equalTo(
            Map.of(
                "Helen Carter visited Oslo on Monday.", 1,
                "Northwind Motors shares rose 4 percent.", 1,
                "Carter left for Bergen.", 1,
                "Shares fell.", 1)));
  }
}
