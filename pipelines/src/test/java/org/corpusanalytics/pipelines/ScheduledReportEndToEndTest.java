package org.corpusanalytics.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.corpusanalytics.transforms.stats.LogLikelihood;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Nightly runs as a scheduler makes them: partitions, manifest, date windows, movers, reruns,
 * failed runs, and the HTML report opened in a real (headless) browser.
 *
 * <p>Two runs into one output folder: {@code EARLIER}, 2024-03-06, CSV, restricted to articles
 * published 2024-03-05..06; and {@code LATER}, 2024-03-10, Parquet, all articles, compared with
 * the earlier partition.
 */
public class ScheduledReportEndToEndTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  static final Path TESTDATA = CorpusReportEndToEndTest.TESTDATA;
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> TABLES =
      List.of("entities", "comentions", "articles", "segments", "repeated_segments", "errors",
          "summary", "inputs", "errors_by_reason", "entity_daily", "entity_sources");

  static Path out;
  static Path earlier;
  static Path later;
  static String[] laterArgs;

  @BeforeClass
  public static void runTwoNights() throws Exception {
    out = TMP.getRoot().toPath().resolve("out");
    run(0, "--input=" + TESTDATA + "/*", "--output=" + out, "--runDate=2024-03-06",
        "--outputFormat=csv", "--publishedFrom=2024-03-05", "--publishedTo=2024-03-06");
    earlier = out.resolve("run_date=2024-03-06");
    laterArgs =
        new String[] {
          "--input=" + TESTDATA + "/*", "--output=" + out, "--runDate=2024-03-10",
          "--compareTo=" + earlier
        };
    run(0, laterArgs);
    later = out.resolve("run_date=2024-03-10");
  }

  /** Runs the main class; checks the exit code; returns stdout and stderr. */
  static String[] run(int expectedCode, String... args) throws Exception {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code =
        CorpusReport.run(
            args,
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8));
    String err = stderr.toString(StandardCharsets.UTF_8);
    assertThat("exit code; stderr: " + err, code, equalTo(expectedCode));
    return new String[] {stdout.toString(StandardCharsets.UTF_8), err};
  }

  static List<String> entries(Path dir) throws Exception {
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.forEach(p -> names.add(p.getFileName().toString()));
    }
    names.sort(null);
    return names;
  }

  static JsonNode manifest(Path partition) throws Exception {
    return JSON.readTree(partition.resolve("manifest.json").toFile());
  }

  @Test
  public void everyTableLivesInsideItsPartitionWithSuccessManifestAndReport() throws Exception {
    assertThat(entries(out), equalTo(List.of("run_date=2024-03-06", "run_date=2024-03-10")));
    List<String> laterTables = new ArrayList<>(TABLES);
    laterTables.add("movers");
    check(earlier, "csv", TABLES, "2024-03-06");
    check(later, "parquet", laterTables, "2024-03-10");

    JsonNode m = manifest(earlier);
    assertThat(m.get("options").get("publishedFrom").asText(), equalTo("2024-03-05"));
    assertThat(m.get("options").get("outputFormat").asText(), equalTo("csv"));
    assertThat(manifest(later).get("options").get("compareTo").asText(), equalTo(earlier.toString()));

    // Users read all partitions at once, with the date as a column.
    assertThat(
        DuckTables.query(
            "SELECT DISTINCT CAST(run_date AS VARCHAR) FROM read_parquet('" + out
                + "/run_date=*/entities/*.parquet', hive_partitioning=true)"),
        equalTo(List.of(List.of("2024-03-10"))));
  }

  private static void check(Path partition, String format, List<String> tables, String runDate)
      throws Exception {
    List<String> expected = new ArrayList<>(tables);
    expected.addAll(List.of("_SUCCESS", "manifest.json", "report.html"));
    expected.sort(null);
    assertThat(entries(partition), equalTo(expected));

    JsonNode m = manifest(partition);
    assertThat(m.get("run_date").asText(), equalTo(runDate));
    assertThat(m.get("partition").asText(), equalTo("run_date=" + runDate));
    assertThat(m.get("status").asText(), equalTo("succeeded"));
    assertThat(m.get("runner").asText(), equalTo("DirectRunner"));
    assertThat(m.get("project_version").asText(), equalTo("0.1.0-SNAPSHOT"));
    assertThat(m.get("git_commit").asText(), anyOf(matchesPattern("[0-9a-f]{40}"), equalTo("unknown")));
    assertThat(m.get("timings_ms").get("total").asLong(), greaterThan(0L));
    assertThat(m.get("timings_ms").get("pipeline").asLong(), lessThanOrEqualTo(m.get("timings_ms").get("total").asLong()));
    assertThat(m.get("options").get("runDate").asText(), equalTo(runDate));
    assertThat(m.get("metrics").get("read/articles").asLong(), equalTo(10L));

    JsonNode inputs = m.get("input_files");
    assertThat(inputs.size(), equalTo(5));
    for (JsonNode f : inputs) {
      assertThat(f.get("size_bytes").asLong(), equalTo(Files.size(Paths.get(f.get("path").asText()))));
    }

    // The row counts are the rows DuckDB reads back.
    Map<String, Long> counts = new LinkedHashMap<>();
    m.get("row_counts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
    assertThat(new ArrayList<>(counts.keySet()), equalTo(tables));
    for (String table : tables) {
      assertThat(table, counts.get(table), equalTo(DuckTables.count(partition, table, format, "true")));
    }
    assertThat(counts.get("summary"), equalTo(1L));
    assertThat(counts.get("entity_daily"), greaterThan(0L));
  }

  @Test
  public void theWindowKeepsItsArticlesAndCountsTheOnesLeftOut() throws Exception {
    assertThat(
        DuckTables.rows(earlier, "articles", "csv", "article_id"),
        equalTo(List.of(List.of("paper-017"), List.of("wire-001"), List.of("wire-002"))));
    // Undated: blog-3 and the text file; outside: csv-1, csv-2 (7th, 8th March), gz-1 (9th) and
    // the two harbour articles (7th).
    assertThat(
        DuckTables.rows(earlier, "summary", "csv", "articles", "articles_undated", "articles_outside_window"),
        equalTo(List.of(List.of("3", "2", "5"))));
    assertThat(
        DuckTables.rows(later, "summary", "parquet", "articles", "articles_undated", "articles_outside_window"),
        equalTo(List.of(List.of("10", "0", "0"))));
    List<List<String>> days =
        DuckTables.query(
            "SELECT DISTINCT CAST(date AS VARCHAR) FROM " + DuckTables.source(earlier, "entity_daily", "csv")
                + " ORDER BY 1");
    assertThat(days, equalTo(List.of(List.of("2024-03-05"), List.of("2024-03-06"))));
    assertThat(DuckTables.types(later, "entity_daily", "parquet").get("date"), equalTo("DATE"));
  }

  @Test
  public void dailyAndSourceCountsAddUpToTheEntities() throws Exception {
    // Each article has one source (or none), so per-source counts sum to the entity counts.
    assertThat(
        DuckTables.query(
            "SELECT entity, type, sum(mentions)::BIGINT, sum(articles)::BIGINT FROM "
                + DuckTables.source(later, "entity_sources", "parquet")
                + " GROUP BY ALL ORDER BY ALL"),
        equalTo(
            DuckTables.query(
                "SELECT entity, type, mentions, articles FROM "
                    + DuckTables.source(later, "entities", "parquet") + " ORDER BY ALL")));
    // The text file has no source: its entities count under a null source.
    assertThat(DuckTables.count(later, "entity_sources", "parquet", "source IS NULL"), greaterThan(0L));
    assertThat(
        DuckTables.rows(later, "entity_sources", "parquet", "source", "entity", "articles"),
        hasItem(List.of("Harbor Wire", "Laura Mendes", "1")));
    // Undated articles (blog-3, the text file) and near duplicates are not in entity_daily.
    long datedMentions =
        Long.parseLong(
            DuckTables.query(
                    "SELECT sum(mentions)::BIGINT FROM " + DuckTables.source(later, "articles", "parquet")
                        + " WHERE published IS NOT NULL AND duplicate_of IS NULL")
                .get(0).get(0));
    assertThat(
        DuckTables.query("SELECT sum(mentions)::BIGINT FROM " + DuckTables.source(later, "entity_daily", "parquet")),
        equalTo(List.of(List.of(Long.toString(datedMentions)))));
  }

  @Test
  public void moversCompareArticleSharesWithTheEarlierPartition() throws Exception {
    Map<String, Long> before = articlesByEntity(earlier, "csv");
    Map<String, Long> now = articlesByEntity(later, "parquet");
    List<List<String>> movers =
        DuckTables.rows(later, "movers", "parquet", "entity", "type", "articles_before", "articles_now", "change", "g2");
    Map<String, Boolean> union = new HashMap<>();
    before.keySet().forEach(k -> union.put(k, true));
    now.keySet().forEach(k -> union.put(k, true));
    assertThat(movers.size(), equalTo(union.size()));
    int rising = 0;
    for (List<String> m : movers) {
      String key = m.get(0) + "/" + m.get(1);
      long b = before.getOrDefault(key, 0L);
      long n = now.getOrDefault(key, 0L);
      assertThat(key, Long.parseLong(m.get(2)), equalTo(b));
      assertThat(key, Long.parseLong(m.get(3)), equalTo(n));
      // 10 articles now, one of them a near duplicate, which is not counted.
      assertThat(key, Double.parseDouble(m.get(4)), closeTo(n / 9.0 - b / 3.0, 1e-9));
      assertThat(key, Double.parseDouble(m.get(5)), closeTo(LogLikelihood.g2(b, 3, n, 9), 1e-9));
      rising += Double.parseDouble(m.get(4)) > 0 ? 1 : 0;
    }
    assertThat(rising, greaterThan(0));
    String html = Files.readString(later.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html, containsString("id=\"chart-movers\""));
    assertThat(
        Files.readString(earlier.resolve("report.html"), StandardCharsets.UTF_8),
        containsString("Not compared with an earlier run."));
  }

  private static Map<String, Long> articlesByEntity(Path partition, String format) {
    Map<String, Long> map = new HashMap<>();
    for (List<String> r : DuckTables.rows(partition, "entities", format, "entity", "type", "articles")) {
      map.put(r.get(0) + "/" + r.get(1), Long.parseLong(r.get(2)));
    }
    return map;
  }

  /** Every table's rows (summary without its timing columns), the report and the file list. */
  private static Map<String, Object> snapshot(Path partition) throws Exception {
    Map<String, Object> s = new LinkedHashMap<>();
    for (String table : entries(partition)) {
      Path dir = partition.resolve(table);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      if (table.equals("summary")) {
        s.put(table, DuckTables.query(
            "SELECT * EXCLUDE (started_at, finished_at) FROM " + DuckTables.source(partition, table, "parquet")));
      } else {
        s.put(table, DuckTables.rows(partition, table, "parquet"));
      }
    }
    s.put("report.html", Files.readString(partition.resolve("report.html"), StandardCharsets.UTF_8));
    s.put("row_counts", manifest(partition).get("row_counts").toString());
    s.put("entries", entries(partition));
    return s;
  }

  @Test
  public void aRerunReplacesThePartitionWithIdenticalTables() throws Exception {
    Map<String, Object> first = snapshot(later);
    String firstStart = manifest(later).get("started_at").asText();
    run(0, laterArgs);
    assertThat(manifest(later).get("started_at").asText(), not(equalTo(firstStart)));
    Map<String, Object> second = snapshot(later);
    assertThat(second.keySet(), equalTo(first.keySet()));
    for (String key : first.keySet()) {
      assertThat(key, second.get(key), equalTo(first.get(key)));
    }
    assertThat(entries(out), everyItem(matchesPattern("run_date=.*")));
  }

  @Test
  public void aFailedRunLeavesThePreviousPartitionIntactAndNothingHalfWritten() throws Exception {
    // An earlier partition whose Parquet files are damaged inside (they start and end as Parquet
    // does, so only reading them finds out): the run fails while reading it.
    Path broken = TMP.newFolder("broken").toPath();
    for (String table : List.of("entities", "summary")) {
      Files.createDirectories(broken.resolve(table));
      Files.writeString(
          broken.resolve(table).resolve("part-00000-of-00001.parquet"), "PAR1 not parquet PAR1");
    }
    Map<String, Object> before = snapshot(later);
    String manifestBefore = Files.readString(later.resolve("manifest.json"));
    String[] result =
        run(1, "--input=" + TESTDATA + "/*", "--output=" + out, "--runDate=2024-03-10",
            "--compareTo=" + broken);
    assertThat(result[1], containsString("the run failed"));
    assertThat(entries(out), equalTo(List.of("run_date=2024-03-06", "run_date=2024-03-10")));
    assertThat(Files.readString(later.resolve("manifest.json")), equalTo(manifestBefore));
    assertThat(snapshot(later), equalTo(before));
  }

  @Test
  public void badScheduleOptionsFailBeforeTheRunWithOneLine() throws Exception {
    Path elsewhere = TMP.getRoot().toPath().resolve("never-written");
    String[] r = run(2, "--input=" + TESTDATA + "/*", "--output=" + elsewhere, "--runDate=10/03/2024");
    assertThat(r[1], containsString("--runDate must be a date YYYY-MM-DD"));
    r = run(2, "--input=" + TESTDATA + "/*", "--output=" + elsewhere, "--publishedFrom=2024-03-09",
        "--publishedTo=2024-03-01");
    assertThat(r[1], containsString("is after --publishedTo"));
    r = run(2, "--input=" + TESTDATA + "/*", "--output=" + elsewhere, "--compareTo=" + TMP.getRoot());
    assertThat(r[1], containsString("holds no entities table"));
    Path notParquet = TMP.newFolder("not-parquet").toPath();
    for (String table : List.of("entities", "summary")) {
      Files.createDirectories(notParquet.resolve(table));
      Files.writeString(notParquet.resolve(table).resolve("part-00000-of-00001.parquet"), "not parquet");
    }
    r = run(2, "--input=" + TESTDATA + "/*", "--output=" + elsewhere, "--compareTo=" + notParquet);
    assertThat(
        r[1], containsString("entities/part-00000-of-00001.parquet is not a Parquet file"));
    assertThat(Files.exists(elsewhere), equalTo(false));
  }

  // ------------------------------------------------------------------------------ in a browser

  /** A Chromium or Chrome binary on the PATH (or in $CHROMIUM), or null. */
  static Path chromium() {
    List<String> names = new ArrayList<>();
    String env = System.getenv("CHROMIUM");
    if (env != null && !env.isBlank()) {
      if (Files.isExecutable(Paths.get(env))) {
        return Paths.get(env);
      }
      names.add(env);
    }
    names.addAll(List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"));
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : names) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Paths.get(dir, name);
        if (!dir.isEmpty() && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  /** Runs headless Chromium on a file with extra arguments; returns {stdout, stderr}. */
  static String[] headless(Path browser, Path page, String... extra) throws Exception {
    Path profile = TMP.newFolder().toPath();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
    cmd.addAll(List.of(extra));
    cmd.add(page.toUri().toString());
    Path stdout = TMP.newFile().toPath();
    Path stderr = TMP.newFile().toPath();
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 180 s: " + cmd);
    }
    return new String[] {
      Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8)
    };
  }

  /** The markup of the element {@code <svg id="ID" ...>...</svg>} in a DOM dump. */
  static String svg(String dom, String id) {
    int start = dom.indexOf("<svg id=\"" + id + "\"");
    assertThat("svg #" + id + " rendered", start, greaterThanOrEqualTo(0));
    return dom.substring(start, dom.indexOf("</svg>", start));
  }

  static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  public void theReportRendersInHeadlessChromiumWithoutErrors() throws Exception {
    Path browser = chromium();
    Assume.assumeTrue("no chromium binary on the PATH; CI installs one", browser != null);
    Path page = later.resolve("report.html");

    String[] dump = headless(browser, page, "--dump-dom");
    String dom = dump[0];
    String log = dump[1];
    assertThat("chromium log:\n" + log, dom, containsString("</html>"));
    for (String section : List.of("summary", "dedup", "entities", "comentions", "trends", "movers")) {
      assertThat(dom, containsString("<section id=\"" + section + "\""));
    }
    assertThat(count(svg(dom, "chart-dedup"), "<rect"), greaterThan(1));
    assertThat(count(svg(dom, "chart-entities-person"), "<rect class=\"bar\""), greaterThan(0));
    assertThat(count(svg(dom, "chart-entities-location"), "<rect class=\"bar\""), greaterThan(0));
    assertThat(count(svg(dom, "chart-heatmap"), "<rect class=\"cell\""), greaterThan(3));
    assertThat(count(svg(dom, "chart-trends"), "<path class=\"series\""), greaterThan(0));
    assertThat(count(svg(dom, "chart-movers"), "<rect class=\"bar"), greaterThan(0));
    assertThat(count(dom, "<tr>"), greaterThan(10));
    assertThat(dom, containsString("Reporting by Daniel Okafor; Editing by Maria Lindqvist."));
    assertThat(log, not(containsString("Uncaught")));
    assertThat(log, not(containsString(":CONSOLE")));
    assertThat(log, not(containsString("net::ERR_")));

    Path png = Paths.get("target", "report.png").toAbsolutePath();
    Files.deleteIfExists(png);
    String[] shot = headless(browser, page, "--screenshot=" + png, "--window-size=1280,2000", "--hide-scrollbars");
    assertThat("chromium log:\n" + shot[1], Files.exists(png), equalTo(true));
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length, greaterThan(20_000));
    assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII), equalTo("PNG"));
    assertThat(shot[1], not(containsString("Uncaught")));
  }
}
