package org.corpusanalytics.pipelines;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.corpusanalytics.transforms.dedup.DedupArticles;
import org.corpusanalytics.transforms.dedup.DedupMode;
import org.corpusanalytics.transforms.dedup.DedupedArticle;
import org.corpusanalytics.transforms.dedup.DropDuplicateIds;
import org.corpusanalytics.transforms.io.FieldMap;
import org.corpusanalytics.transforms.io.InputFormat;
import org.corpusanalytics.transforms.io.ReadArticles;
import org.corpusanalytics.transforms.model.RejectedRecord;
import org.corpusanalytics.transforms.ner.AnnotatedArticle;
import org.corpusanalytics.transforms.ner.EntityRecognizer;
import org.corpusanalytics.transforms.output.AccountInputs;
import org.corpusanalytics.transforms.output.CompleteTables;
import org.corpusanalytics.transforms.output.CountErrorsByReason;
import org.corpusanalytics.transforms.output.OutputFormat;
import org.corpusanalytics.transforms.output.TableRows;
import org.corpusanalytics.transforms.output.Tables;
import org.corpusanalytics.transforms.output.WriteTables;
import org.corpusanalytics.transforms.stats.CountComentions;
import org.corpusanalytics.transforms.stats.CountEntities;
import org.corpusanalytics.transforms.support.LocalMatches;
import org.corpusanalytics.transforms.text.SentenceSplitter;
import org.corpusanalytics.transforms.window.FilterPublished;

/**
 * The corpus report: read articles, remove repeated text, recognize entities, count entities and
 * co-mentions, and write the tables.
 *
 * <pre>
 * ReadArticles -> DropDuplicateIds -> RemoveRepeatedText -> RecognizeEntities
 *   -> CountEntities, CountComentions, articles, segments, repeated_segments, mentions, errors,
 *      summary
 * </pre>
 *
 * <p>The tables are written to a staging folder and published as the run's partition only when the
 * run succeeded and rejected no more than {@code --maxErrorRate} of its records (see {@link
 * ScheduledRun}). Exit codes: 0 done, 1 the run failed, 2 bad options or inputs, 3 too many
 * records rejected.
 */
public final class CorpusReport {
  /** Exit code of a run that rejected more than {@code --maxErrorRate} of its records. */
  static final int TOO_MANY_ERRORS = 3;

  private CorpusReport() {}

  public static void main(String[] args) {
    OptionalInt child = CompilingJvm.runIfUseful(CorpusReport.class, args);
    System.exit(child.isPresent() ? child.getAsInt() : run(args, System.out, System.err));
  }

  /** Runs the report; returns the process exit code. Errors are reported in one line, no trace. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (Arrays.asList(args).contains("--help")) {
      PipelineOptionsFactory.printHelp(out, CorpusReportOptions.class);
      return 0;
    }
    CorpusReportOptions options;
    Pipeline pipeline;
    ScheduledRun schedule = null;
    try {
      PipelineOptionsFactory.register(CorpusReportOptions.class);
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(CorpusReportOptions.class);
      configureDirectRunner(options);
      RunAccounting.checkMaxErrorRate(options.getMaxErrorRate());
      FlinkSubmission.configure(options, args);
      schedule = ScheduledRun.prepare(options);
      pipeline = Pipeline.create(options);
      build(pipeline, options, EntityStage.recognizer(options), schedule.outputDir());
      DirectRunnerGrouping.applyIfDirect(pipeline);
    } catch (IllegalArgumentException | IllegalStateException | IOException e) {
      if (schedule != null) {
        schedule.abort();
      }
      err.println("corpus-analytics: " + describe(e));
      err.println("Run with --help to list the options.");
      return 2;
    }
    try {
      PipelineResult.State state = schedule.run(pipeline, out);
      if (state != PipelineResult.State.DONE) {
        schedule.abort();
        err.println("corpus-analytics: the run ended " + state);
        return 1;
      }
      completeTables(options, schedule.outputDir());
      RunAccounting accounting =
          RunAccounting.read(schedule.outputDir(), OutputFormat.parse(options.getOutputFormat()));
      String noFileRead = accounting.checkAnyFileRead(options.getInput());
      if (noFileRead != null) {
        schedule.abort();
        err.println("corpus-analytics: " + noFileRead);
        return 1;
      }
      String tooManyErrors =
          accounting.checkErrorRate(options.getMaxErrorRate(), schedule.partitionDir().toString());
      if (tooManyErrors != null) {
        schedule.abort();
        err.println("corpus-analytics: " + tooManyErrors);
        return TOO_MANY_ERRORS;
      }
      schedule.publish(options, tables(options).keySet());
      out.println(
          "corpus-analytics: done; "
              + accounting.describe()
              + "; tables in "
              + schedule.partitionDir());
      return 0;
    } catch (IOException e) {
      schedule.abort();
      err.println("corpus-analytics: could not finish the tables: " + describe(e));
      return 1;
    } catch (RuntimeException e) {
      schedule.abort();
      err.println("corpus-analytics: the run failed: " + rootMessage(e));
      return 1;
    }
  }

  /** Builds the report's graph on {@code pipeline}, writing every table under {@code outputDir}. */
  public static void build(
      Pipeline pipeline, CorpusReportOptions options, EntityRecognizer recognizer, String outputDir) {
    OutputFormat format = OutputFormat.parse(options.getOutputFormat());
    DedupMode dedup = DedupMode.parse(options.getDedup());
    SentenceSplitter splitter =
        new SentenceSplitter().withMaxSentenceChars(options.getMaxSentenceChars());
    long startedAt = System.currentTimeMillis();

    ReadArticles.Result read =
        pipeline.apply(
            "ReadArticles",
            ReadArticles.from(splitGlobs(options.getInput()))
                .withFormat(
                    options.getInputFormat().isEmpty()
                        ? null
                        : InputFormat.parse(options.getInputFormat()))
                .withFieldMap(FieldMap.parse(options.getFieldMap()))
                .withDateFormat(options.getDateFormat().isEmpty() ? null : options.getDateFormat())
                .withMaxArticleChars(options.getMaxArticleChars())
                // DropDuplicateIds groups them by id, which spreads them.
                .withoutSpreading());

    PCollectionTuple windowed =
        read.articles()
            .apply("FilterPublished", FilterPublished.in(ScheduledOutputs.window(options)));
    PCollectionTuple unique =
        windowed.get(FilterPublished.KEPT).apply("DropDuplicateIds", DropDuplicateIds.create());
    DedupArticles.Result dedupResult =
        unique
            .get(DropDuplicateIds.UNIQUE)
            .apply(
                "RemoveRepeatedText",
                DedupArticles.create()
                    .withMode(dedup)
                    .withMinSegmentChars(options.getMinSegmentChars())
                    .withMinSignOffArticles(options.getMinSignOffArticles())
                    .withSplitter(splitter)
                    .withNearDuplicateThreshold(options.getNearDuplicateThreshold()));
    PCollection<DedupedArticle> deduped = dedupResult.articles();
    PCollection<AnnotatedArticle> annotated =
        EntityStage.recognize(deduped, options, recognizer, splitter);

    PCollection<Row> entities = annotated.apply("CountEntities", CountEntities.create());
    PCollection<Row> comentions =
        annotated.apply(
            "CountComentions",
            CountComentions.create().withMaxEntitiesPerArticle(options.getMaxEntitiesPerArticle()));
    PCollection<RejectedRecord> errors =
        PCollectionList.of(read.errors())
            .and(unique.get(DropDuplicateIds.DUPLICATES))
            .apply("AllErrors", Flatten.pCollections());

    PCollection<Row> summary =
        PCollectionList.of(
                annotated.apply(
                    "ArticleTotals",
                    ParDo.of(new SummarizeRun.ArticleTotalsFn(options.getMaxEntitiesPerArticle()))))
            .and(errors.apply("CountErrors", SummarizeRun.countAs(SummarizeRun.ARTICLES_FAILED)))
            .and(errors.apply("CountErrorsPerReason", SummarizeRun.countPerReason()))
            .and(windowed.get(FilterPublished.EXCLUDED))
            .and(dedupResult.totals())
            .and(
                entities.apply(
                    "CountDistinctEntities", SummarizeRun.countAs(SummarizeRun.DISTINCT_ENTITIES)))
            .apply(
                "Summarize",
                new SummarizeRun(options.getRunner().getSimpleName(), startedAt));

    Writer writer = new Writer(outputDir, format, options.getNumShards());
    writer.write("entities", Tables.ENTITIES, entities);
    writer.write("comentions", Tables.COMENTIONS, comentions);
    writer.write(
        "articles",
        Tables.ARTICLES,
        annotated.apply("ArticleRows", ParDo.of(new TableRows.ArticleRowsFn())));
    writer.write(
        "segments",
        Tables.SEGMENTS,
        deduped.apply("SegmentRows", ParDo.of(new TableRows.SegmentRowsFn())));
    writer.write(
        "repeated_segments",
        Tables.REPEATED_SEGMENTS,
        dedupResult
            .repeatedSegments()
            .apply("RepeatedSegmentRows", ParDo.of(new TableRows.RepeatedSegmentRowsFn())));
    if (options.getEmitMentions()) {
      writer.write(
          "mentions",
          Tables.MENTIONS,
          annotated.apply("MentionRows", ParDo.of(new TableRows.MentionRowsFn())));
    }
    writer.write(
        "errors", Tables.ERRORS, errors.apply("ErrorRows", ParDo.of(new TableRows.ErrorRowsFn())));
    writer.write("summary", Tables.SUMMARY, summary);
    writer.write(
        "inputs",
        Tables.INPUTS,
        read.fileAccounts()
            .apply(
                "AccountInputs",
                AccountInputs.create().withLaterRejections(unique.get(DropDuplicateIds.DUPLICATES))));
    writer.write(
        "errors_by_reason",
        Tables.ERRORS_BY_REASON,
        errors.apply("CountErrorsByReason", CountErrorsByReason.create()));
    ScheduledOutputs.expand(
            options, outputDir, splitter, deduped, annotated, entities, comentions, summary)
        .forEach((table, rows) -> writer.write(table, rows.getSchema(), rows));
    writer.finish();
  }

  /** Gathers the tables, then writes them all through one file write. */
  private static final class Writer {
    private final String outputDir;
    private final OutputFormat format;
    private final int numShards;
    private PCollectionTuple tables;
    private PCollectionTuple oneFileTables;

    Writer(String outputDir, OutputFormat format, int numShards) {
      this.outputDir = outputDir;
      this.format = format;
      this.numShards = numShards;
    }

    void write(String table, Schema schema, PCollection<Row> rows) {
      if (!rows.hasSchema()) {
        rows.setRowSchema(schema);
      }
      // The summary is one row: always one file, in a write of its own unless all are one file.
      if (table.equals("summary") && numShards != 1) {
        oneFileTables = add(oneFileTables, table, rows);
      } else {
        tables = add(tables, table, rows);
      }
    }

    private static PCollectionTuple add(
        PCollectionTuple tuple, String table, PCollection<Row> rows) {
      return tuple == null
          ? WriteTables.table(table, rows)
          : tuple.and(new TupleTag<>(table), rows);
    }

    void finish() {
      tables.apply(
          "WriteTables", WriteTables.to(outputDir).withFormat(format).withNumShards(numShards));
      if (oneFileTables != null) {
        oneFileTables.apply(
            "WriteOneFileTables", WriteTables.to(outputDir).withFormat(format).withNumShards(1));
      }
    }
  }

  /** Gives every table written by this run a file, even when it has no rows. */
  private static void completeTables(CorpusReportOptions options, String outputDir)
      throws IOException {
    OutputFormat format = OutputFormat.parse(options.getOutputFormat());
    for (Map.Entry<String, Schema> table : tables(options).entrySet()) {
      CompleteTables.writeEmptyIfMissing(outputDir, table.getKey(), table.getValue(), format);
    }
  }

  /** The tables a run with these options writes, by folder name. */
  static Map<String, Schema> tables(CorpusReportOptions options) {
    Map<String, Schema> tables = new LinkedHashMap<>();
    tables.put("entities", Tables.ENTITIES);
    tables.put("comentions", Tables.COMENTIONS);
    tables.put("articles", Tables.ARTICLES);
    tables.put("segments", Tables.SEGMENTS);
    tables.put("repeated_segments", Tables.REPEATED_SEGMENTS);
    if (options.getEmitMentions()) {
      tables.put("mentions", Tables.MENTIONS);
    }
    tables.put("errors", Tables.ERRORS);
    tables.put("summary", Tables.SUMMARY);
    tables.put("inputs", Tables.INPUTS);
    tables.put("errors_by_reason", Tables.ERRORS_BY_REASON);
    tables.putAll(ScheduledOutputs.tables(options));
    return tables;
  }

  /**
   * The comma-separated globs of {@code --input}, each local one made absolute against this
   * process's working folder: a Flink cluster's TaskManagers match the globs in their own working
   * folders, where a relative glob would match nothing.
   */
  static List<String> splitGlobs(String input) {
    List<String> globs = new ArrayList<>();
    for (String glob : input.split(",")) {
      if (!glob.isBlank()) {
        globs.add(absoluteIfLocal(glob.trim()));
      }
    }
    if (globs.isEmpty()) {
      throw new IllegalArgumentException("--input names no files");
    }
    return globs;
  }

  /** A path with no URI scheme (a local file), made absolute; anything else as given. */
  static String absoluteIfLocal(String spec) {
    if (LocalMatches.hasScheme(spec)) {
      return spec;
    }
    return Paths.get(spec).toAbsolutePath().toString();
  }

  /** Outside tests the Direct runner need not re-check every element's immutability and coding. */
  private static void configureDirectRunner(CorpusReportOptions options) {
    if (options.getRunner() == DirectRunner.class) {
      DirectOptions direct = options.as(DirectOptions.class);
      direct.setEnforceImmutability(false);
      direct.setEnforceEncodability(false);
      direct.setBlockOnRun(false); // so RunProgress can print progress while the run goes on
    }
  }

  /**
   * The exception's message; for a file system's refusal, whose message is only the path, the path
   * and what was wrong with it.
   */
  static String describe(Exception e) {
    if (!(e instanceof java.nio.file.FileSystemException)) {
      return e.getMessage();
    }
    java.nio.file.FileSystemException fs = (java.nio.file.FileSystemException) e;
    String what;
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      what = "a file is there where a folder is needed";
    } else if (e instanceof java.nio.file.NoSuchFileException) {
      what = "no such file or folder";
    } else if (e instanceof java.nio.file.NotDirectoryException) {
      what = "not a folder";
    } else if (e instanceof java.nio.file.AccessDeniedException) {
      what = "permission denied";
    } else {
      what = fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
    }
    return fs.getFile() + (fs.getOtherFile() != null ? " -> " + fs.getOtherFile() : "") + ": " + what;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
