package org.corpusanalytics.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.corpusanalytics.pipelines.CompilingJvm;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.ner.AnnotatedArticle;
import org.corpusanalytics.transforms.ner.crf.CrfEntityRecognizer;
import org.corpusanalytics.transforms.ner.crf.HugeMethodCompilation;
import org.corpusanalytics.transforms.text.SegmentedText;

/**
 * The end-to-end benchmark: the component stages one thread at a time (with the bare CRF tagger),
 * then the report as users run it, on the corpus repeated 1x, 2x and 4x (fresh ids, shifted
 * dates), on the Direct runner and on embedded Flink, each in its own JVM. Prints one table. See
 * BENCHMARKS.md for the command.
 */
public final class RunBenchmarks {
  private RunBenchmarks() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = parse(args);
    String input = require(o, "input");
    if (o.containsKey(TAGGER_ONLY)) {
      // A child of the run below: the bare tagger alone, in a JVM with other JIT options.
      Corpus corpus = Corpus.read(input, o.getOrDefault("fieldMap", ""), o.getOrDefault("dateFormat", ""));
      List<String> sentences = Stages.sentences(new Stages().segment(corpus.articles));
      System.out.println(TAGGER_SECONDS + timeBareTagger(sentences));
      return;
    }
    List<Integer> scales = new ArrayList<>();
    for (String s : o.getOrDefault("scales", "1,2,4").split(",")) {
      scales.add(Integer.parseInt(s.trim()));
    }
    List<String> runners = new ArrayList<>();
    for (String r : o.getOrDefault("runners", "direct,flink").split(",")) {
      if (!r.isBlank()) {
        runners.add(r.trim());
      }
    }
    // Options of every report JVM: the heap, and any others to compare (JIT flags, say).
    List<String> jvm = new ArrayList<>();
    jvm.add("-Xmx" + o.getOrDefault("heap", "8g"));
    for (String arg : o.getOrDefault("jvmArgs", "").trim().split("\\s+")) {
      if (!arg.isEmpty()) {
        jvm.add(arg);
      }
    }
    boolean stages = Boolean.parseBoolean(o.getOrDefault("stages", "true"));
    int countSample = Integer.parseInt(o.getOrDefault("countSample", "2000"));
    int watchlistEntries = Integer.parseInt(o.getOrDefault("watchlistEntries", "10000"));
    int fixedCostArticles = Integer.parseInt(o.getOrDefault("fixedCostArticles", "20"));
    String reportArgs = o.getOrDefault("reportArgs", "");
    Path work =
        o.containsKey("work")
            ? Files.createDirectories(Path.of(o.get("work")))
            : Files.createTempDirectory("corpus-analytics-bench");
    PrintStream out = System.out;
    try {
      run(out, input, o.getOrDefault("fieldMap", ""), o.getOrDefault("dateFormat", ""), scales,
          runners, jvm, stages, countSample, watchlistEntries, fixedCostArticles, reportArgs,
          work);
    } finally {
      // A --work folder is the user's: never deleted. The temp folder goes unless --keep=true.
      if (!o.containsKey("work") && !Boolean.parseBoolean(o.getOrDefault("keep", "false"))) {
        deleteTree(work);
      }
    }
  }

  private static void run(
      PrintStream out,
      String input,
      String fieldMap,
      String dateFormat,
      List<Integer> scales,
      List<String> runners,
      List<String> jvm,
      boolean measureStages,
      int countSample,
      int watchlistEntries,
      int fixedCostArticles,
      String reportArgs,
      Path work)
      throws Exception {
    Table table = new Table();
    long t0 = System.nanoTime();
    Corpus corpus = Corpus.read(input, fieldMap, dateFormat);
    double parseSeconds = seconds(t0);
    List<Article> articles = corpus.articles;
    long bodyBytes = 0;
    for (Article a : articles) {
      bodyBytes += a.body().getBytes(StandardCharsets.UTF_8).length;
    }
    Stages stages = new Stages();
    List<SegmentedText> texts = stages.segment(articles);
    List<String> sentences = Stages.sentences(texts);
    long tokens = 0;
    for (String s : sentences) {
      tokens += CrfEntityRecognizer.countTokens(s);
    }
    out.printf(
        Locale.ROOT,
        "corpus: %,d articles, %,d input bytes, %,d body bytes, %,d sentences, %,d tokens%n",
        articles.size(), corpus.inputBytes, bodyBytes, sentences.size(), tokens);
    // The stage rows run in this JVM: say whether its JIT compiles CoreNLP's feature extractor.
    out.println(
        "taggers in this JVM: feature extractor "
            + (HugeMethodCompilation.enabled()
                ? "compiled (" + HugeMethodCompilation.ENABLING_OPTION + ")"
                : "interpreted (the JVM's default)")
            + "; the report's runs: "
            + (jvm.stream().anyMatch(o -> o.contains("DontCompileHugeMethods"))
                ? "as --jvmArgs say"
                : CompilingJvm.toolOption(jvm).isPresent()
                    ? "interpreted (the report stays in one JVM with "
                        + CompilingJvm.toolOption(jvm).get() + ")"
                    : "compiled (the report starts a JVM with its JIT options)"));
    out.flush();

    double taggerTokensPerSecond = Double.NaN;
    double parallelTaggerSpeedup = Double.NaN;
    double stretchTaggerSpeedup = Double.NaN;
    double compiledTaggerSeconds = Double.NaN;
    int cores = Runtime.getRuntime().availableProcessors();
    if (measureStages) {
      table.stage("read + parse (1 thread)", articles.size(), corpus.inputBytes, tokens, parseSeconds);
      t0 = System.nanoTime();
      stages.normalize(articles);
      table.stage("normalize (1 thread)", articles.size(), bodyBytes, tokens, seconds(t0));
      List<String> normalized = Stages.normalizedTexts(texts);
      t0 = System.nanoTime();
      stages.split(normalized);
      table.stage("split sentences (1 thread)", articles.size(), bodyBytes, tokens, seconds(t0));
      t0 = System.nanoTime();
      stages.planDedup(texts, articles);
      table.stage("plan dedup in article (1 thread)", articles.size(), bodyBytes, tokens, seconds(t0));
      stages.signNearDuplicates(articles); // JIT warm-up: this stage is short
      t0 = System.nanoTime();
      stages.signNearDuplicates(articles);
      table.stage("near-duplicate signatures (1 thread)", articles.size(), bodyBytes, tokens,
          seconds(t0));
      double tagSeconds = timeBareTagger(sentences);
      taggerTokensPerSecond = tokens / tagSeconds;
      table.stage("bare CRF tagger (1 thread)", articles.size(), bodyBytes, tokens, tagSeconds);
      CrfEntityRecognizer bare = bareTagger();
      if (cores > 1) {
        t0 = System.nanoTime();
        Stages.tagInParallel(bare, sentences, cores);
        double parallelSeconds = seconds(t0);
        parallelTaggerSpeedup = tagSeconds / parallelSeconds;
        table.stage("bare CRF tagger (" + cores + " threads, one model)", articles.size(),
            bodyBytes, tokens, parallelSeconds);
      }
      // The tagger as the report runs it: lowercase stretches far from capitals left out.
      CrfEntityRecognizer crf = new CrfEntityRecognizer();
      t0 = System.nanoTime();
      Stages.tag(crf, sentences);
      double stretchSeconds = seconds(t0);
      stretchTaggerSpeedup = tagSeconds / stretchSeconds;
      table.stage("CRF tagger, capitalized stretches (1 thread)", articles.size(), bodyBytes,
          tokens, stretchSeconds);
      if (!HugeMethodCompilation.enabled()) {
        compiledTaggerSeconds = timeCompiledBareTagger(input, fieldMap, dateFormat, jvm, work);
        table.stage("bare CRF tagger, feature extractor compiled (1 thread)", articles.size(),
            bodyBytes, tokens, compiledTaggerSeconds);
      }
      List<Article> sample = articles.subList(0, Math.min(countSample, articles.size()));
      List<AnnotatedArticle> annotated = stages.annotate(crf, sample);
      long sampleBytes = 0;
      long sampleTokens = 0;
      for (int i = 0; i < sample.size(); i++) {
        sampleBytes += sample.get(i).body().getBytes(StandardCharsets.UTF_8).length;
        SegmentedText t = texts.get(i);
        for (int s = 0; s < t.size(); s++) {
          sampleTokens += CrfEntityRecognizer.countTokens(t.sentence(s));
        }
      }
      t0 = System.nanoTime();
      for (int r = 0; r < 5; r++) {
        Stages.count(annotated);
      }
      table.stage("count entities + pairs (1 thread)", sample.size() * 5L, sampleBytes * 5,
          sampleTokens * 5, seconds(t0));
    }

    Map<String, Double> wall = new LinkedHashMap<>();
    Map<String, Double> gazetteerMegabytesPerSecond = new LinkedHashMap<>();
    if (fixedCostArticles > 0 && !runners.isEmpty()) {
      // The same report on a handful of articles: JVM start, JIT, graph construction and the
      // runner's start-up, which every run pays whatever its size.
      Path dir = work.resolve("corpus-head");
      long bytes = corpus.head(fixedCostArticles).writeRepeated(dir, 1);
      for (String runner : runners) {
        Result r = runReport(dir, work.resolve("out-" + runner + "-head"), runner, jvm, reportArgs);
        wall.put(runner + "@head", r.wallSeconds);
        table.run(runner + ", first " + fixedCostArticles + " articles (fixed cost)",
            Math.min(fixedCostArticles, articles.size()), bytes, 0, r);
        out.println(table.lastLine());
        out.flush();
      }
      deleteTree(dir);
    }
    for (int scale : scales) {
      Path dir = work.resolve("corpus-" + scale + "x");
      long bytes = corpus.writeRepeated(dir, scale);
      for (String runner : runners) {
        Result r = runReport(dir, work.resolve("out-" + runner + "-" + scale + "x"), runner.trim(),
            jvm, reportArgs);
        wall.put(runner.trim() + "@" + scale, r.wallSeconds);
        table.run(runner.trim() + " " + scale + "x", (long) articles.size() * scale, bytes,
            tokens * scale, r);
        out.println(table.lastLine());
        out.flush();
      }
      if (watchlistEntries > 0 && scale == scales.get(0)) {
        Path watchlist = work.resolve("watchlist.csv");
        Watchlist.write(articles, watchlistEntries, watchlist);
        for (String runner : runners) {
          Result r =
              runReport(dir, work.resolve("out-gazetteer-" + runner + "-" + scale + "x"), runner,
                  jvm, reportArgs + " --recognizer=gazetteer --gazetteer=" + watchlist);
          table.run(runner + " " + scale + "x gazetteer (" + watchlistEntries + " entries)",
              (long) articles.size() * scale, bytes, tokens * scale, r);
          out.println(table.lastLine());
          gazetteerMegabytesPerSecond.put(runner, bytes / 1e6 / r.wallSeconds);
          out.flush();
        }
      }
      deleteTree(dir);
    }

    // A shared machine's speed drifts over a long run: time the bare tagger again after the
    // report runs, so each end-to-end figure has a bare tagger measured on either side of it.
    double taggerAfterTokensPerSecond = Double.NaN;
    if (measureStages && !wall.isEmpty()) {
      double againSeconds = timeBareTagger(sentences);
      taggerAfterTokensPerSecond = tokens / againSeconds;
      table.stage("bare CRF tagger (1 thread), again after the report runs", articles.size(),
          bodyBytes, tokens, againSeconds);
    }

    out.println();
    out.println(table.render());
    out.println("ratios:");
    Double flink1 = wall.get("flink@" + scales.get(0));
    Double direct1 = wall.get("direct@" + scales.get(0));
    if (flink1 != null && !Double.isNaN(taggerTokensPerSecond) && scales.get(0) == 1) {
      out.printf(Locale.ROOT, "  end-to-end Flink 1x / bare tagger (tokens/s): %.2f (target >= 1.6)%n",
          (tokens / flink1) / taggerTokensPerSecond);
      if (!Double.isNaN(taggerAfterTokensPerSecond)) {
        out.printf(Locale.ROOT, "  the same against the bare tagger timed after the runs: %.2f%n",
            (tokens / flink1) / taggerAfterTokensPerSecond);
      }
      Double head = wall.get("flink@head");
      if (head != null && flink1 > head) {
        out.printf(Locale.ROOT,
            "  the same, fixed cost (%.1f s) taken out: %.2f%n", head,
            (tokens / (flink1 - head)) / taggerTokensPerSecond);
      }
    }
    if (flink1 != null && !Double.isNaN(compiledTaggerSeconds) && scales.get(0) == 1) {
      out.printf(Locale.ROOT,
          "  end-to-end Flink 1x / bare tagger with its feature extractor compiled (tokens/s): %.2f%n",
          compiledTaggerSeconds / flink1);
    }
    if (!Double.isNaN(compiledTaggerSeconds)) {
      out.printf(Locale.ROOT,
          "  bare tagger, feature extractor compiled / interpreted, 1 thread: %.2f%n",
          (tokens / compiledTaggerSeconds) / taggerTokensPerSecond);
    }
    if (!Double.isNaN(parallelTaggerSpeedup)) {
      out.printf(Locale.ROOT,
          "  bare tagger, %d threads / 1 thread: %.2f%n", cores, parallelTaggerSpeedup);
    }
    if (!Double.isNaN(stretchTaggerSpeedup)) {
      out.printf(Locale.ROOT,
          "  tagger on capitalized stretches / bare tagger, 1 thread: %.2f%n", stretchTaggerSpeedup);
    }
    if (flink1 != null && direct1 != null) {
      out.printf(Locale.ROOT, "  Direct / Flink (throughput, %dx): %.2f (target >= 0.6)%n",
          scales.get(0), flink1 / direct1);
    }
    gazetteerMegabytesPerSecond.forEach(
        (runner, mbps) ->
            out.printf(Locale.ROOT,
                "  %s %dx with the gazetteer, end to end: %.2f MB/s (target >= 20)%n",
                runner, scales.get(0), mbps));
    for (String runner : runners) {
      Double base = wall.get(runner.trim() + "@1");
      for (int scale : scales) {
        Double w = wall.get(runner.trim() + "@" + scale);
        if (base != null && w != null && scale > 1) {
          out.printf(Locale.ROOT, "  %s %dx / 1x time: %.2f (target <= %.1f)%n", runner.trim(),
              scale, w / base, scale * 1.1);
        }
      }
    }
  }

  private static final String TAGGER_ONLY = "taggerOnly";
  private static final String TAGGER_SECONDS = "TAGGER seconds=";

  /** The bare tagger: CoreNLP's CRF on every token of every sentence. */
  private static CrfEntityRecognizer bareTagger() {
    return new CrfEntityRecognizer().withContextTokens(CrfEntityRecognizer.WHOLE_SENTENCES);
  }

  /** Seconds the bare tagger takes over {@code sentences} on one thread, after a warm-up. */
  private static double timeBareTagger(List<String> sentences) {
    CrfEntityRecognizer bare = bareTagger();
    bare.warmUp();
    // JIT warm-up, long enough that the one-thread and many-thread figures compare compiled code.
    Stages.tag(bare, sentences.subList(0, Math.min(3000, sentences.size())));
    long t0 = System.nanoTime();
    Stages.tag(bare, sentences);
    return seconds(t0);
  }

  /**
   * {@link #timeBareTagger} in a child JVM that compiles CoreNLP's feature extractor, with the
   * JIT options the report's own JVM gets: the tagger as fast as the JVM can run it, beside the
   * JVM's default.
   */
  private static double timeCompiledBareTagger(
      String input, String fieldMap, String dateFormat, List<String> jvm, Path work)
      throws IOException, InterruptedException {
    List<String> options = new ArrayList<>(jvm);
    options.addAll(
        CompilingJvm.jitOptions(
            true,
            flag -> jvm.stream().noneMatch(option -> CompilingJvm.flagName(option).equals(flag))));
    List<String> cmd = javaCommand(options, RunBenchmarks.class);
    cmd.add("--input=" + input);
    cmd.add("--fieldMap=" + fieldMap);
    cmd.add("--dateFormat=" + dateFormat);
    cmd.add("--" + TAGGER_ONLY + "=true");
    Path log = work.resolve("compiled-tagger.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int rc = p.waitFor();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (rc == 0 && line.startsWith(TAGGER_SECONDS)) {
        return Double.parseDouble(line.substring(TAGGER_SECONDS.length()));
      }
    }
    throw new IllegalStateException("the compiled tagger's run failed (exit " + rc + "); see " + log);
  }

  /** A command line that runs {@code main} in a new JVM with {@code jvm} options, on this class path. */
  private static List<String> javaCommand(List<String> jvm, Class<?> main) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvm);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    return cmd;
  }

  static final class Result {
    double wallSeconds;
    double pipelineSeconds;
    long peakHeapBytes = -1;
    long gcMillis = -1;
  }

  /** Runs the report in a child JVM on this class path, as a user runs the jar. */
  private static Result runReport(
      Path in, Path outDir, String runner, List<String> jvm, String extra)
      throws IOException, InterruptedException {
    List<String> cmd = javaCommand(jvm, MeasuredRun.class);
    cmd.add("--input=" + in.resolve("*.jsonl"));
    cmd.add("--output=" + outDir);
    cmd.add("--runDate=2024-01-01");
    if (runner.equals("flink")) {
      cmd.add("--runner=FlinkRunner");
      cmd.add("--flinkMaster=[local]");
    } else if (!runner.equals("direct")) {
      throw new IllegalArgumentException("--runners takes direct and flink, got " + runner);
    }
    for (String arg : extra.trim().split("\\s+")) {
      if (!arg.isEmpty()) {
        cmd.add(arg);
      }
    }
    Path log = outDir.resolveSibling(outDir.getFileName() + ".log");
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int rc = p.waitFor();
    Result r = new Result();
    r.wallSeconds = seconds(t0);
    try (BufferedReader lines = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith(MeasuredRun.PREFIX)) {
          for (String kv : line.substring(MeasuredRun.PREFIX.length()).split(" ")) {
            String[] p2 = kv.split("=");
            if (p2[0].equals("peak_heap_bytes")) {
              r.peakHeapBytes = Long.parseLong(p2[1]);
            } else if (p2[0].equals("gc_millis")) {
              r.gcMillis = Long.parseLong(p2[1]);
            }
          }
        }
      }
    }
    if (rc != 0) {
      throw new IllegalStateException("the " + runner + " run failed (exit " + rc + "); see " + log);
    }
    JsonNode manifest =
        new ObjectMapper().readTree(outDir.resolve("run_date=2024-01-01/manifest.json").toFile());
    r.pipelineSeconds = manifest.get("timings_ms").get("pipeline").asLong() / 1000.0;
    return r;
  }

  /** The printed table. */
  static final class Table {
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void stage(String name, long articles, long bytes, long tokens, double seconds) {
      rows.add(row(name, articles, bytes, tokens, seconds, -1, -1, -1));
      // Printed as soon as measured too, so a long run that is stopped still shows its figures.
      System.out.println(lastLine());
      System.out.flush();
    }

    void run(String name, long articles, long bytes, long tokens, Result r) {
      rows.add(row("end to end: " + name, articles, bytes, tokens, r.wallSeconds,
          r.pipelineSeconds, r.peakHeapBytes, r.gcMillis));
    }

    void note(String note) {
      notes.add(note);
    }

    String lastLine() {
      return rows.get(rows.size() - 1);
    }

    private static String row(String name, long articles, long bytes, long tokens, double seconds,
        double pipelineSeconds, long peakHeap, long gcMillis) {
      return String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %,.0f | %,.0f | %s | %s | %s | %s |",
          name, articles, bytes / 1e6, seconds, articles / seconds, 0.0 + tokens / seconds,
          String.format(Locale.ROOT, "%.2f", bytes / 1e6 / seconds),
          pipelineSeconds < 0 ? "" : String.format(Locale.ROOT, "%.1f", pipelineSeconds),
          peakHeap < 0 ? "" : String.format(Locale.ROOT, "%,d", peakHeap / (1 << 20)),
          gcMillis < 0 ? "" : String.format(Locale.ROOT, "%.1f", gcMillis / 1000.0));
    }

    String render() {
      StringBuilder b = new StringBuilder();
      b.append("| stage | articles | MB | time (s) | articles/s | tokens/s | MB/s | pipeline (s) | peak heap (MiB) | GC (s) |\n");
      b.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
      for (String r : rows) {
        b.append(r).append('\n');
      }
      for (String n : notes) {
        b.append('\n').append(n).append('\n');
      }
      return b.toString();
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (String a : args) {
      if (!a.startsWith("--") || !a.contains("=")) {
        throw new IllegalArgumentException("arguments are --name=value, got " + a);
      }
      o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
    }
    return o;
  }

  private static String require(Map<String, String> o, String name) {
    String v = o.get(name);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
