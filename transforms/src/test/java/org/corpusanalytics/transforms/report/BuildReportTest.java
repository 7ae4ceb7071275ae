package org.corpusanalytics.transforms.report;

import java.time.LocalDate;
import java.util.List;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.corpusanalytics.transforms.dedup.DedupedArticle;
import org.corpusanalytics.transforms.dedup.RemovedSegment;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.output.Tables;
import org.corpusanalytics.transforms.report.ReportData.DailyCount;
import org.corpusanalytics.transforms.report.ReportData.EntityCount;
import org.corpusanalytics.transforms.report.ReportData.Meta;
import org.corpusanalytics.transforms.report.ReportData.Mover;
import org.corpusanalytics.transforms.report.ReportData.Pair;
import org.corpusanalytics.transforms.report.ReportData.RemovedByReason;
import org.corpusanalytics.transforms.report.ReportData.RepeatedSentence;
import org.corpusanalytics.transforms.text.SentenceSplitter;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;

/** The report's aggregates in the pipeline give the page the renderer makes of them by hand. */
public class BuildReportTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static final Meta META =
      new Meta("2024-03-10", null, null, null, "DirectRunner", "corpus", "in/*.jsonl");
  private static final LocalDate DAY = LocalDate.parse("2024-03-05");

  /** A summary row: every count is {@code n}. */
  private static Row summary(long n) {
    Row.Builder row = Row.withSchema(Tables.SUMMARY);
    for (Schema.Field f : Tables.SUMMARY.getFields()) {
      switch (f.getType().getTypeName()) {
        case INT64:
          row.addValue(n);
          break;
        case STRING:
          row.addValue("DirectRunner");
          break;
        default:
          row.addValue(new Instant(0));
      }
    }
    return row.build();
  }

  private PCollectionTuple input(
      Row summary,
      List<DedupedArticle> deduped,
      List<Row> entities,
      List<Row> comentions,
      List<Row> daily,
      List<Row> movers) {
    PCollectionTuple tuple =
        PCollectionTuple.of(
                BuildReport.SUMMARY,
                pipeline.apply(
                    "Summary", Create.of(summary).withCoder(RowCoder.of(Tables.SUMMARY))))
            .and(
                BuildReport.DEDUPED,
                pipeline.apply(
                    "Deduped",
                    Create.of(deduped).withCoder(DedupedArticle.DedupedArticleCoder.of())))
            .and(BuildReport.ENTITIES, rows("Entities", entities, Tables.ENTITIES))
            .and(BuildReport.COMENTIONS, rows("Comentions", comentions, Tables.COMENTIONS))
            .and(BuildReport.ENTITY_DAILY, rows("Daily", daily, Tables.ENTITY_DAILY));
    return movers == null
        ? tuple
        : tuple.and(BuildReport.MOVERS, rows("Movers", movers, Tables.MOVERS));
  }

  private PCollection<Row> rows(String name, List<Row> rows, Schema schema) {
    return pipeline.apply(name, Create.of(rows).withCoder(RowCoder.of(schema)));
  }

  @Test
  public void aRunWithNothingButItsSummaryStillGetsItsPage() {
    PCollection<String> page =
        input(summary(0), List.of(), List.of(), List.of(), List.of(), null)
            .apply(BuildReport.of(META, new SentenceSplitter()));
    String expected =
        ReportHtml.render(
            new ReportData(
                META, BuildReport.totals(summary(0)), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), null, null, List.of()));
    PAssert.that(page).containsInAnyOrder(expected);
    pipeline.run();
  }

  @Test
  public void everyAggregateReachesThePage() {
    String body = "Ann Lee spoke in Oslo. Reporting by Ann Lee.";
    int signOff = body.indexOf("Reporting");
    List<DedupedArticle> deduped =
        List.of(
            new DedupedArticle(
                new Article("a", null, body, null, null, null, "f.jsonl", 1),
                List.of(
                    new RemovedSegment(
                        signOff, body.length(), RemovedSegment.REPEAT_ACROSS_ARTICLES, "c"))),
            new DedupedArticle(
                new Article("b", null, body, null, null, null, "f.jsonl", 2),
                List.of(
                    new RemovedSegment(
                        signOff, body.length(), RemovedSegment.REPEAT_ACROSS_ARTICLES, "c"))),
            new DedupedArticle(
                new Article("c", null, body, null, null, null, "f.jsonl", 3), List.of()));
    Row ann = Row.withSchema(Tables.ENTITIES).addValues("Ann Lee", "PERSON", 3L, 3L).build();
    Row oslo = Row.withSchema(Tables.ENTITIES).addValues("Oslo", "LOCATION", 2L, 2L).build();
    Row pair =
        Row.withSchema(Tables.COMENTIONS).addValues("Ann Lee", "Oslo", 2L, 2L, 0.4, 0.3).build();
    Row day1 =
        Row.withSchema(Tables.ENTITY_DAILY).addValues(DAY, "Ann Lee", "PERSON", 1L, 1L).build();
    Row day2 =
        Row.withSchema(Tables.ENTITY_DAILY)
            .addValues(DAY.plusDays(3), "Oslo", "LOCATION", 2L, 2L)
            .build();
    Row rising =
        Row.withSchema(Tables.MOVERS).addValues("Ann Lee", "PERSON", 0L, 3L, 0.5, 4.0).build();
    Row falling =
        Row.withSchema(Tables.MOVERS).addValues("Oslo", "LOCATION", 4L, 2L, -0.2, 1.5).build();

    PCollection<String> page =
        input(summary(7), deduped, List.of(ann, oslo), List.of(pair), List.of(day1, day2),
                List.of(rising, falling))
            .apply(BuildReport.of(META, new SentenceSplitter()));

    List<EntityCount> entities =
        List.of(
            new EntityCount("Ann Lee", "PERSON", 3, 3), new EntityCount("Oslo", "LOCATION", 2, 2));
    List<Pair> pairs = List.of(new Pair("Ann Lee", "Oslo", 2, 2, 0.3));
    String expected =
        ReportHtml.render(
            new ReportData(
                META,
                BuildReport.totals(summary(7)),
                List.of(
                    new RemovedByReason(
                        RemovedSegment.REPEAT_ACROSS_ARTICLES, 2, 2L * (body.length() - signOff))),
                List.of(new RepeatedSentence("Reporting by Ann Lee.", 2)),
                entities,
                entities,
                pairs,
                pairs,
                List.of(
                    new DailyCount(DAY, "Ann Lee", "PERSON", 1, 1),
                    new DailyCount(DAY.plusDays(3), "Oslo", "LOCATION", 2, 2)),
                DAY,
                DAY.plusDays(3),
                List.of(
                    new Mover("Ann Lee", "PERSON", 0, 3, 0.5, 4.0),
                    new Mover("Oslo", "LOCATION", 4, 2, -0.2, 1.5))));
    PAssert.that(page).containsInAnyOrder(expected);
    pipeline.run();
  }
}
