package org.corpusanalytics.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.Validation;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.corpusanalytics.transforms.dedup.DedupArticles;
import org.corpusanalytics.transforms.dedup.DedupMode;
import org.corpusanalytics.transforms.dedup.DedupedArticle;
import org.corpusanalytics.transforms.dedup.DropDuplicateIds;
import org.corpusanalytics.transforms.dedup.RemoveRepeatedSegments;
import org.corpusanalytics.transforms.dedup.RemovedSegment;
import org.corpusanalytics.transforms.io.ArticleParser;
import org.corpusanalytics.transforms.io.DateParser;
import org.corpusanalytics.transforms.io.FieldMap;
import org.corpusanalytics.transforms.io.FileIds;
import org.corpusanalytics.transforms.io.InputFormat;
import org.corpusanalytics.transforms.io.ReadArticles;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.text.SentenceSplitter;

/**
 * Measures dedup on a real corpus: injects known duplicates (see {@link DuplicateInjector}), runs
 * the report's dedup stage ({@link DropDuplicateIds} then {@link DedupArticles}, configured as the
 * report configures it) on the Direct runner, and prints character-level precision and recall of
 * the removed segments and pair-level precision and recall of near-duplicate articles (see {@link
 * DedupScores}).
 *
 * <pre>
 * java -cp pipelines/target/corpus-analytics.jar org.corpusanalytics.pipelines.EvaluateDedup \
 *   --input='corpus/*.jsonl' --fieldMap=published=date --dateFormat='d-MMM-yyyy HH:mm:ss.SS'
 * </pre>
 *
 * The injected corpus is written to a temporary folder that is deleted afterwards.
 */
public final class EvaluateDedup {
  private EvaluateDedup() {}

  /** Options: the report's input and dedup options, plus the injection's. */
  public interface Options extends PipelineOptions {
    @Description("Input file globs, comma-separated (as for the report).")
    @Validation.Required
    String getInput();

    void setInput(String value);

    @Description("Input format: text, jsonl or csv; empty: detected from each file's extension.")
    @Default.String("")
    String getInputFormat();

    void setInputFormat(String value);

    @Description("Input field names as canonical=input pairs, e.g. published=date.")
    @Default.String("")
    String getFieldMap();

    void setFieldMap(String value);

    @Description("Extra java.time pattern for the published field, e.g. d-MMM-yyyy HH:mm:ss.SS.")
    @Default.String("")
    String getDateFormat();

    void setDateFormat(String value);

    @Description("As for the report: shortest sentence removed as a repeat.")
    @Default.Integer(RemoveRepeatedSegments.DEFAULT_MIN_SEGMENT_CHARS)
    int getMinSegmentChars();

    void setMinSegmentChars(int value);

    @Description("As for the report: articles a short last sentence ends to be a sign-off.")
    @Default.Long(RemoveRepeatedSegments.DEFAULT_MIN_SIGN_OFF_ARTICLES)
    long getMinSignOffArticles();

    void setMinSignOffArticles(long value);

    @Description("As for the report: longest sentence before it is cut.")
    @Default.Integer(1000)
    int getMaxSentenceChars();

    void setMaxSentenceChars(int value);

    @Description("As for the report: Jaccard threshold of near-duplicate articles.")
    @Default.Double(0.8)
    double getNearDuplicateThreshold();

    void setNearDuplicateThreshold(double value);

    @Description(
        "Use only the first this many articles in canonical order (0: all), for a quicker"
            + " look at a large corpus.")
    @Default.Integer(0)
    int getMaxArticles();

    void setMaxArticles(int value);

    @Description("Seed of the injection.")
    @Default.Long(20240601L)
    long getSeed();

    void setSeed(long value);

    @Description("Share of articles whose body is doubled and glued.")
    @Default.Double(0.02)
    double getDoubledRate();

    void setDoubledRate(double value);

    @Description("Share of articles with a paragraph repeated later.")
    @Default.Double(0.03)
    double getRepeatedParagraphRate();

    void setRepeatedParagraphRate(double value);

    @Description("Share of articles that get a syndicated copy.")
    @Default.Double(0.02)
    double getSyndicatedRate();

    void setSyndicatedRate(double value);

    @Description("Share of articles that get a boilerplate line.")
    @Default.Double(0.05)
    double getBoilerplateRate();

    void setBoilerplateRate(double value);
  }

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (Arrays.asList(args).contains("--help")) {
      PipelineOptionsFactory.printHelp(out, Options.class);
      return 0;
    }
    Options options;
    List<Article> corpus;
    try {
      PipelineOptionsFactory.register(Options.class);
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(Options.class);
      FlinkSubmission.configure(options, args);
      corpus = read(options);
    } catch (IllegalArgumentException | IllegalStateException | IOException e) {
      err.println("evaluate-dedup: " + e.getMessage());
      return 2;
    }
    DuplicateInjector injector =
        new DuplicateInjector(
            options.getDoubledRate(),
            options.getRepeatedParagraphRate(),
            options.getSyndicatedRate(),
            options.getBoilerplateRate());
    DuplicateInjector.Injected injected = injector.inject(corpus, options.getSeed());
    out.printf(
        "corpus: %d articles read; injected %d doubled bodies, %d repeated paragraphs, %d"
            + " boilerplate lines, %d syndicated copies (seed %d)%n",
        corpus.size(),
        injected.doubled,
        injected.repeatedParagraphs,
        injected.boilerplateLines,
        injected.syndicatedFrom.size(),
        options.getSeed());

    Path work = Files.createTempDirectory("evaluate-dedup");
    try {
      long started = System.nanoTime();
      Map<String, DedupScores.Output> outputs = runDedup(injected.articles, options, work);
      out.printf(
          "dedup stage: %.1f s on %s%n",
          (System.nanoTime() - started) / 1e9,
          options.getRunner().getSimpleName());
      DedupScores scores = new DedupScores();
      SentenceSplitter splitter =
          new SentenceSplitter().withMaxSentenceChars(options.getMaxSentenceChars());
      scores.scoreSegments(injected, outputs, splitter);
      scores.scorePairs(injected, outputs, options.getNearDuplicateThreshold());
      print(scores, options, out);
    } finally {
      PartitionPublisher.deleteRecursively(work);
    }
    return 0;
  }

  private static void print(DedupScores s, Options options, PrintStream out) {
    out.println();
    out.println("removed segments (non-space chars)");
    out.printf(
        "  precision %.4f  (%d removed: %d injected repeats, %d repeats of earlier text, %d other)%n",
        s.segmentPrecision(),
        s.removedChars,
        s.removedInTruth,
        s.removedJustified,
        s.removedChars - s.removedInTruth - s.removedJustified);
    out.printf(
        "  recall    %.4f  (%d of %d injected repeat chars removed)%n",
        s.segmentRecall(), s.countedTruthRemoved, s.truthChars);
    for (String m : s.missedSegmentExamples) {
      out.println("    missed: " + m.replace("\n", "\\n"));
    }
    out.println();
    out.printf(
        "near-duplicate pairs (Jaccard >= %.2f of word 5-gram shingles)%n",
        options.getNearDuplicateThreshold());
    out.printf(
        "  precision %.4f  (%d of %d marked pairs article->duplicate_of correct; %d at or above the"
            + " threshold, %d below 0.5, lowest Jaccard %.3f)%n",
        s.pairPrecision(),
        s.markedCorrect,
        s.markedPairs,
        s.markedAtThreshold,
        s.markedBelowHalf,
        s.markedPairs == 0 ? 1.0 : s.minMarkedJaccard);
    out.printf(
        "  recall    %.4f  (%d of %d true pairs in one cluster)%n",
        s.pairRecall(), s.truePairsFound, s.truePairs);
    out.printf(
        "    natural   %d of %d; injected syndicated copies %d of %d (of %d copies, the rest fell"
            + " below the threshold)%n",
        s.truePairsFound - s.injectedTruePairsFound,
        s.truePairs - s.injectedTruePairs,
        s.injectedTruePairsFound,
        s.injectedTruePairs,
        s.injectedCopies);
    if (!s.missedExamples.isEmpty()) {
      out.println("  missed, e.g.: " + s.missedExamples);
    }
    if (!s.wrongExamples.isEmpty()) {
      out.println("  wrong, e.g.: " + s.wrongExamples);
    }
  }

  /** Reads the corpus as the report does. */
  static List<Article> read(Options options) throws IOException {
    ArticleParser parser =
        new ArticleParser(
            options.getInputFormat().isEmpty() ? null : InputFormat.parse(options.getInputFormat()),
            FieldMap.parse(options.getFieldMap()),
            new DateParser(options.getDateFormat()),
            ArticleParser.DEFAULT_MAX_ARTICLE_CHARS);
    List<String> globs = CorpusReport.splitGlobs(options.getInput());
    List<Article> articles =
        CorpusFiles.readAll(parser, CorpusFiles.match(globs), FileIds.root(globs));
    // Same-id copies are dropped by the pipeline; keep the first, as it does.
    Map<String, Article> byId = new HashMap<>();
    for (Article a : articles) {
      byId.merge(a.id(), a, (x, y) -> DuplicateInjector.CANONICAL.compare(x, y) <= 0 ? x : y);
    }
    List<Article> unique = new ArrayList<>(byId.values());
    unique.sort(DuplicateInjector.CANONICAL);
    if (options.getMaxArticles() > 0 && unique.size() > options.getMaxArticles()) {
      return new ArrayList<>(unique.subList(0, options.getMaxArticles()));
    }
    return unique;
  }

  /** Runs the report's dedup stage on the articles; returns each article's output by id. */
  static Map<String, DedupScores.Output> runDedup(
      List<Article> articles, Options options, Path work) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Path in = work.resolve("in");
    Files.createDirectories(in);
    try (BufferedWriter w = Files.newBufferedWriter(in.resolve("corpus.jsonl"))) {
      for (Article a : articles) {
        ObjectNode o = json.createObjectNode();
        o.put("id", a.id());
        o.put("title", a.title());
        o.put("body", a.body());
        if (a.publishedMillis() != null) {
          o.put("published", Instant.ofEpochMilli(a.publishedMillis()).toString());
        }
        w.write(json.writeValueAsString(o));
        w.write('\n');
      }
    }

    if (options.getRunner() == DirectRunner.class) {
      DirectOptions direct = options.as(DirectOptions.class);
      direct.setEnforceImmutability(false);
      direct.setEnforceEncodability(false);
    }
    Pipeline p = Pipeline.create(options);
    SentenceSplitter splitter =
        new SentenceSplitter().withMaxSentenceChars(options.getMaxSentenceChars());
    p.apply(
            "ReadArticles",
            ReadArticles.from(List.of(in.resolve("*.jsonl").toString())).withoutSpreading())
        .articles()
        .apply("DropDuplicateIds", DropDuplicateIds.create())
        .get(DropDuplicateIds.UNIQUE)
        .apply(
            "RemoveRepeatedText",
            DedupArticles.create()
                .withMode(DedupMode.CORPUS)
                .withMinSegmentChars(options.getMinSegmentChars())
                .withMinSignOffArticles(options.getMinSignOffArticles())
                .withSplitter(splitter)
                .withNearDuplicateThreshold(options.getNearDuplicateThreshold()))
        .articles()
        .apply("ToJson", MapElements.into(TypeDescriptors.strings()).via(EvaluateDedup::toJson))
        .apply("WriteResults", TextIO.write().to(work.resolve("out").resolve("part").toString()));
    DirectRunnerGrouping.applyIfDirect(p);
    PipelineResult.State state = p.run().waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the dedup run ended " + state);
    }

    Map<String, DedupScores.Output> outputs = new HashMap<>();
    try (Stream<Path> files = Files.list(work.resolve("out"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          JsonNode o = json.readTree(line);
          List<int[]> removed = new ArrayList<>();
          List<String> kept = new ArrayList<>();
          for (JsonNode r : o.get("removed")) {
            removed.add(new int[] {r.get(0).asInt(), r.get(1).asInt()});
            kept.add(r.get(3).asText());
          }
          JsonNode dup = o.get("duplicate_of");
          outputs.put(
              o.get("id").asText(),
              new DedupScores.Output(dup == null || dup.isNull() ? null : dup.asText(), removed, kept));
        }
      }
    }
    return outputs;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  static String toJson(DedupedArticle d) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", d.article().id());
    o.put("duplicate_of", d.duplicateOf());
    ArrayNode removed = o.putArray("removed");
    for (RemovedSegment r : d.removed()) {
      removed.addArray().add(r.start()).add(r.end()).add(r.reason()).add(r.keptArticleId());
    }
    try {
      return JSON.writeValueAsString(o);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

}
