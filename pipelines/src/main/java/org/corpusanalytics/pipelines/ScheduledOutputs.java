package org.corpusanalytics.pipelines;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.corpusanalytics.transforms.dedup.DedupedArticle;
import org.corpusanalytics.transforms.ner.AnnotatedArticle;
import org.corpusanalytics.transforms.output.ReadPartition;
import org.corpusanalytics.transforms.output.Tables;
import org.corpusanalytics.transforms.output.WriteSingleFile;
import org.corpusanalytics.transforms.report.BuildReport;
import org.corpusanalytics.transforms.report.ReportData;
import org.corpusanalytics.transforms.stats.CountEntities;
import org.corpusanalytics.transforms.stats.CountEntitiesPer;
import org.corpusanalytics.transforms.stats.CountMovers;
import org.corpusanalytics.transforms.text.SentenceSplitter;
import org.corpusanalytics.transforms.window.PublishedWindow;

/**
 * The parts of the graph that scheduled reports add: the {@code entity_daily},
 * {@code entity_sources} and (with {@code --compareTo}) {@code movers} tables, and
 * {@code report.html}.
 */
final class ScheduledOutputs {
  static final String REPORT_FILE = "report.html";

  private ScheduledOutputs() {}

  /** The run date: {@code --runDate}, or today in UTC when it is empty. */
  static LocalDate runDate(ScheduledReportOptions options) {
    String value = options.getRunDate();
    if (value == null || value.isBlank()) {
      return LocalDate.now(ZoneOffset.UTC);
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--runDate must be a date YYYY-MM-DD; got '" + value + "'");
    }
  }

  static PublishedWindow window(ScheduledReportOptions options) {
    return PublishedWindow.parse(options.getPublishedFrom(), options.getPublishedTo());
  }

  static boolean compares(ScheduledReportOptions options) {
    return !options.getCompareTo().isBlank();
  }

  /**
   * Fails before the run, naming the folder, when {@code --compareTo} holds no usable tables; makes
   * a local folder absolute, as the tables are read where the pipeline runs.
   */
  static void checkCompareTo(ScheduledReportOptions options) throws IOException {
    if (compares(options)) {
      options.setCompareTo(CorpusReport.absoluteIfLocal(options.getCompareTo().trim()));
      ReadPartition.detectFormat(options.getCompareTo().trim(), "entities");
      ReadPartition.detectFormat(options.getCompareTo().trim(), "summary");
    }
  }

  /** The tables added for these options, by folder name. */
  static Map<String, Schema> tables(ScheduledReportOptions options) {
    Map<String, Schema> tables = new LinkedHashMap<>();
    tables.put("entity_daily", Tables.ENTITY_DAILY);
    tables.put("entity_sources", Tables.ENTITY_SOURCES);
    if (compares(options)) {
      tables.put("movers", Tables.MOVERS);
    }
    return tables;
  }

  /**
   * Adds the new tables and the report to the graph. The report is written to
   * {@code OUTPUT_DIR/report.html}; the tables' rows are returned, by folder name, for the caller
   * to write like every other table.
   */
  static Map<String, PCollection<Row>> expand(
      CorpusReportOptions options,
      String outputDir,
      SentenceSplitter splitter,
      PCollection<DedupedArticle> deduped,
      PCollection<AnnotatedArticle> annotated,
      PCollection<Row> entities,
      PCollection<Row> comentions,
      PCollection<Row> summary) {
    Map<String, PCollection<Row>> tables = new LinkedHashMap<>();
    PCollection<Row> daily = annotated.apply("CountEntitiesPerDay", CountEntitiesPer.perDay());
    tables.put("entity_daily", daily);
    tables.put(
        "entity_sources", annotated.apply("CountEntitiesPerSource", CountEntitiesPer.perSource()));

    PCollectionTuple report =
        PCollectionTuple.of(BuildReport.SUMMARY, summary)
            .and(BuildReport.DEDUPED, deduped)
            .and(BuildReport.ENTITIES, entities)
            .and(BuildReport.COMENTIONS, comentions)
            .and(BuildReport.ENTITY_DAILY, daily);
    if (compares(options)) {
      String earlier = options.getCompareTo().trim();
      PCollectionTuple runs;
      try {
        runs =
            PCollectionTuple.of(
                    CountMovers.BEFORE,
                    annotated
                        .getPipeline()
                        .apply("ReadEarlierEntities", ReadPartition.entityArticles(earlier)))
                .and(
                    CountMovers.BEFORE_TOTAL,
                    annotated
                        .getPipeline()
                        .apply("ReadEarlierSummary", ReadPartition.summaryArticles(earlier)))
                .and(CountMovers.NOW, entities)
                .and(CountMovers.NOW_TOTAL, CountEntities.countedArticles(annotated));
      } catch (IOException e) {
        throw new IllegalArgumentException("--compareTo " + earlier + ": " + e.getMessage(), e);
      }
      PCollection<Row> movers = runs.apply("CountMovers", CountMovers.create());
      tables.put("movers", movers);
      report = report.and(BuildReport.MOVERS, movers);
    }

    PublishedWindow window = window(options);
    ReportData.Meta meta =
        new ReportData.Meta(
            runDate(options).toString(),
            window.from(),
            window.to(),
            compares(options) ? options.getCompareTo().trim() : null,
            options.getRunner().getSimpleName(),
            options.getDedup(),
            options.getInput());
    report
        .apply("BuildReport", BuildReport.of(meta, splitter))
        .apply(
            "WriteReport",
            WriteSingleFile.to(
                outputDir.endsWith("/") ? outputDir + REPORT_FILE : outputDir + "/" + REPORT_FILE));
    return tables;
  }
}
