package org.corpusanalytics.transforms.ner;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

public class LinkShortNamesTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static String entities(AnnotatedArticle a) {
    List<String> names = new ArrayList<>();
    for (ResolvedMention m : a.mentions()) {
      names.add(m.entity());
    }
    return a.id() + ":" + String.join("|", names);
  }

  @Test
  public void aStandaloneShortFormTakesTheCorpusFullName() {
    List<AnnotatedArticle> corpus = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      corpus.add(ShortNamesTest.article("t" + i, "Donald Trump=Donald Trump", "Trump=Donald Trump"));
    }
    corpus.add(ShortNamesTest.article("ivanka", "Ivanka Trump=Ivanka Trump", "Trump=Ivanka Trump"));
    corpus.add(ShortNamesTest.article("alone", "Trump=Trump", "Oslo=Oslo/LOCATION"));
    // Kim is used with two full names in every article that has one: ambiguous.
    corpus.add(ShortNamesTest.article("k1", "Kim Jong-un=Kim Jong-un", "Kim Yo-jong=Kim Yo-jong", "Kim=Kim"));
    corpus.add(ShortNamesTest.article("k2", "Kim=Kim"));

    PCollection<String> entities =
        pipeline
            .apply(Create.of(corpus))
            .apply(LinkShortNames.withMinShare(0.9))
            .apply(
                MapElements.into(TypeDescriptors.strings())
                    .via(LinkShortNamesTest::entities));
    String trump = "Donald Trump|Donald Trump";
    PAssert.that(entities)
        .containsInAnyOrder(
            "t0:" + trump, "t1:" + trump, "t2:" + trump, "t3:" + trump, "t4:" + trump,
            "t5:" + trump, "t6:" + trump, "t7:" + trump, "t8:" + trump,
            "ivanka:Ivanka Trump|Ivanka Trump", // its own full name stays
            "alone:Donald Trump|Oslo", // 9 of the 10 articles using Trump with a longer name
            "k1:Kim Jong-un|Kim Yo-jong|Kim",
            "k2:Kim"); // ambiguous: left alone
    PAssert.that(
            pipeline
                .apply("Alone", Create.of(corpus.subList(10, 11)))
                .apply("Link", LinkShortNames.withMinShare(0.9))
                .apply(
                    "First",
                    MapElements.into(TypeDescriptors.strings()).via(LinkShortNamesTest::entities)))
        .containsInAnyOrder("alone:Trump|Oslo"); // alone in its corpus: nothing to link to
    pipeline.run();
  }

  @Test
  public void nearDuplicatesDoNotVote() {
    List<AnnotatedArticle> corpus = new ArrayList<>();
    corpus.add(ShortNamesTest.article("k1", "Kim Jong-un=Kim Jong-un", "Kim=Kim"));
    corpus.add(ShortNamesTest.article("k2", "Kim Yo-jong=Kim Yo-jong", "Kim=Kim"));
    for (int i = 0; i < 9; i++) {
      corpus.add(nearDuplicateOf("k2", "k2-copy" + i));
    }
    corpus.add(ShortNamesTest.article("alone", "Kim=Kim"));

    PCollection<String> entities =
        pipeline
            .apply(Create.of(corpus))
            .apply(LinkShortNames.withMinShare(0.9))
            .apply(Filter.by(a -> a.id().equals("alone")))
            .apply(
                MapElements.into(TypeDescriptors.strings())
                    .via(LinkShortNamesTest::entities));
    // One of the two counted articles uses Kim with Kim Yo-jong: 50%, no link. With the copies'
    // votes it would be 10 of 11.
    PAssert.that(entities).containsInAnyOrder("alone:Kim");
    pipeline.run();
  }

  private static AnnotatedArticle nearDuplicateOf(String kept, String id) {
    AnnotatedArticle copy = ShortNamesTest.article(id, "Kim Yo-jong=Kim Yo-jong", "Kim=Kim");
    return new AnnotatedArticle(
        id, null, null, null, copy.chars(), 0, kept, copy.sentences(), copy.mentions());
  }
}
