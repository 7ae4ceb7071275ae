package org.corpusanalytics.transforms.stats;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.corpusanalytics.transforms.ner.AnnotatedArticle;
import org.corpusanalytics.transforms.ner.EntityType;
import org.corpusanalytics.transforms.ner.ResolvedMention;
import org.corpusanalytics.transforms.output.Tables;
import org.junit.Rule;
import org.junit.Test;

public class CountEntitiesAndComentionsTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  /** Mentions given as "sentence:entity:TYPE". */
  private static AnnotatedArticle article(String id, String... mentions) {
    List<ResolvedMention> list = new ArrayList<>();
    int offset = 0;
    for (String m : mentions) {
      String[] p = m.split(":");
      list.add(
          new ResolvedMention(
              Integer.parseInt(p[0]), offset, offset + 3, p[1], EntityType.valueOf(p[2]), p[1]));
      offset += 10;
    }
    return new AnnotatedArticle(id, null, null, null, 100, 0, null, 3, list);
  }

  private static final List<AnnotatedArticle> CORPUS =
      List.of(
          article("a1", "0:Oslo:LOCATION", "0:Helen Carter:PERSON", "1:Helen Carter:PERSON"),
          article("a2", "0:Oslo:LOCATION", "1:Helen Carter:PERSON", "2:Acme:ORGANIZATION"),
          article("a3", "0:Acme:ORGANIZATION"),
          article("a4"));

  @Test
  public void entitiesCountMentionsAndArticles() {
    PCollection<Row> rows =
        pipeline.apply(Create.of(CORPUS)).apply(CountEntities.create());
    PAssert.that(rows)
        .containsInAnyOrder(
            Row.withSchema(Tables.ENTITIES).addValues("Oslo", "LOCATION", 2L, 2L).build(),
            Row.withSchema(Tables.ENTITIES).addValues("Helen Carter", "PERSON", 3L, 2L).build(),
            Row.withSchema(Tables.ENTITIES).addValues("Acme", "ORGANIZATION", 2L, 2L).build());
    pipeline.run();
  }

  @Test
  public void comentionsCountArticlesSentencesAndScores() {
    PCollection<Row> rows = pipeline.apply(Create.of(CORPUS)).apply(CountComentions.create());
    double n = 4;
    Row carterOslo =
        Row.withSchema(Tables.COMENTIONS)
            .addValues(
                "Helen Carter", "Oslo", 2L, 1L,
                Math.log(2 * n / (2 * 2)), Math.log(2 * n / 4) / -Math.log(2 / n))
            .build();
    Row acmeCarter =
        Row.withSchema(Tables.COMENTIONS)
            .addValues("Acme", "Helen Carter", 1L, 0L,
                Math.log(1 * n / (2 * 2)), Math.log(n / 4) / -Math.log(1 / n))
            .build();
    Row acmeOslo =
        Row.withSchema(Tables.COMENTIONS)
            .addValues("Acme", "Oslo", 1L, 0L,
                Math.log(1 * n / (2 * 2)), Math.log(n / 4) / -Math.log(1 / n))
            .build();
    PAssert.that(rows).containsInAnyOrder(carterOslo, acmeCarter, acmeOslo);
    pipeline.run();
  }

  @Test
  public void pairsOfACappedArticleUseItsMostMentionedEntities() {
    AnnotatedArticle big =
        article("big", "0:A:PERSON", "0:A:PERSON", "0:B:PERSON", "1:B:PERSON", "1:C:PERSON",
            "2:D:PERSON");
    assertThat(
        ArticleEntities.pairCandidates(big, 2), containsInAnyOrder("A", "B"));
    // Ties (C and D have one mention each) break by name.
    assertThat(
        ArticleEntities.pairCandidates(big, 3), containsInAnyOrder("A", "B", "C"));
    Map<KV<String, String>, Long> pairs =
        ArticleEntities.pairs(big, ArticleEntities.pairCandidates(big, 3));
    Map<String, Long> flat = new HashMap<>();
    pairs.forEach((k, v) -> flat.put(k.getKey() + "|" + k.getValue(), v));
    assertThat(flat, equalTo(Map.of("A|B", 1L, "A|C", 0L, "B|C", 1L)));
  }
}
