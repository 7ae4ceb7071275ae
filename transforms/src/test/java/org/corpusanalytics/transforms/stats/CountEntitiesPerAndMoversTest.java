package org.corpusanalytics.transforms.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.corpusanalytics.transforms.ner.AnnotatedArticle;
import org.corpusanalytics.transforms.ner.EntityType;
import org.corpusanalytics.transforms.ner.ResolvedMention;
import org.corpusanalytics.transforms.output.Tables;
import org.junit.Rule;
import org.junit.Test;

public class CountEntitiesPerAndMoversTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  /** Mentions given as "entity:TYPE". */
  private static AnnotatedArticle article(
      String id, String published, String source, String... mentions) {
    List<ResolvedMention> list = new ArrayList<>();
    int offset = 0;
    for (String m : mentions) {
      String[] p = m.split(":");
      list.add(new ResolvedMention(0, offset, offset + 3, p[0], EntityType.valueOf(p[1]), p[0]));
      offset += 10;
    }
    Long millis = published == null ? null : Instant.parse(published).toEpochMilli();
    return new AnnotatedArticle(id, null, millis, source, 100, 0, null, 1, list);
  }

  private static final List<AnnotatedArticle> CORPUS =
      List.of(
          article("a1", "2024-03-05T09:00:00Z", "Wire", "Oslo:LOCATION", "Oslo:LOCATION", "Acme:ORGANIZATION"),
          article("a2", "2024-03-05T23:59:00Z", null, "Oslo:LOCATION"),
          article("a3", "2024-03-06T00:01:00Z", "Wire", "Oslo:LOCATION"),
          article("undated", null, "Wire", "Acme:ORGANIZATION"));

  private static Row daily(String date, String entity, String type, long mentions, long articles) {
    return Row.withSchema(Tables.ENTITY_DAILY)
        .addValues(LocalDate.parse(date), entity, type, mentions, articles)
        .build();
  }

  private static Row source(String source, String entity, String type, long mentions, long articles) {
    return Row.withSchema(Tables.ENTITY_SOURCES)
        .addValues(source, entity, type, mentions, articles)
        .build();
  }

  @Test
  public void perDayCountsByUtcDateAndLeavesOutUndatedArticles() {
    PCollection<Row> rows = pipeline.apply(Create.of(CORPUS)).apply(CountEntitiesPer.perDay());
    PAssert.that(rows)
        .containsInAnyOrder(
            daily("2024-03-05", "Oslo", "LOCATION", 3, 2),
            daily("2024-03-05", "Acme", "ORGANIZATION", 1, 1),
            daily("2024-03-06", "Oslo", "LOCATION", 1, 1));
    pipeline.run();
  }

  @Test
  public void perSourceGroupsArticlesWithoutSourceUnderNull() {
    PCollection<Row> rows = pipeline.apply(Create.of(CORPUS)).apply(CountEntitiesPer.perSource());
    PAssert.that(rows)
        .containsInAnyOrder(
            source("Wire", "Oslo", "LOCATION", 3, 2),
            source("Wire", "Acme", "ORGANIZATION", 2, 2),
            source(null, "Oslo", "LOCATION", 1, 1));
    pipeline.run();
  }

  @Test
  public void moversCompareArticleSharesOfBothRuns() {
    PCollection<KV<KV<String, String>, Long>> before =
        pipeline.apply(
            "Before",
            Create.of(
                KV.of(KV.of("Oslo", "LOCATION"), 10L), KV.of(KV.of("Gone", "PERSON"), 3L)));
    PCollection<Row> now =
        pipeline.apply(
            "Now",
            Create.of(
                    Row.withSchema(Tables.ENTITIES).addValues("Oslo", "LOCATION", 40L, 30L).build(),
                    Row.withSchema(Tables.ENTITIES).addValues("New", "MISC", 5L, 5L).build())
                .withRowSchema(Tables.ENTITIES));
    PCollection<Row> movers =
        PCollectionTuple.of(CountMovers.BEFORE, before)
            .and(CountMovers.BEFORE_TOTAL, pipeline.apply("NBefore", Create.of(100L)))
            .and(CountMovers.NOW, now)
            .and(CountMovers.NOW_TOTAL, pipeline.apply("NNow", Create.of(60L, 40L)))
            .apply(CountMovers.create());
    PAssert.that(movers)
        .containsInAnyOrder(
            mover("Oslo", "LOCATION", 10, 30, LogLikelihood.g2(10, 100, 30, 100)),
            mover("Gone", "PERSON", 3, 0, LogLikelihood.g2(3, 100, 0, 100)),
            mover("New", "MISC", 0, 5, LogLikelihood.g2(0, 100, 5, 100)));
    pipeline.run();
  }

  private static Row mover(String e, String t, long before, long now, double g2) {
    return Row.withSchema(Tables.MOVERS)
        .addValues(e, t, before, now, LogLikelihood.shareChange(before, 100, now, 100), g2)
        .build();
  }
}
