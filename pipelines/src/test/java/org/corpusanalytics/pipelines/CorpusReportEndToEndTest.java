package org.corpusanalytics.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Runs the main class as a user would, and reads its tables back with DuckDB. */
public class CorpusReportEndToEndTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  static final Path TESTDATA = Paths.get("..", "testdata", "corpus").toAbsolutePath().normalize();
  static final String ALL_TABLES_EXCEPT_SUMMARY =
      "entities comentions articles segments repeated_segments mentions errors";

  private static String copy;
  private static Path glued;
  private static Path single;

  @BeforeClass
  public static void writeArticles() throws Exception {
    String body =
        Files.readString(TESTDATA.resolve("carter-fisheries.txt"), StandardCharsets.UTF_8);
    // The test corpus holds the body scraped twice and glued without whitespace.
    copy = body.substring(0, body.length() / 2);
    assertThat(body, equalTo(copy + copy));
    glued = TMP.newFolder("glued").toPath().resolve("carter.txt");
    single = TMP.newFolder("single").toPath().resolve("carter.txt");
    Files.writeString(glued, body, StandardCharsets.UTF_8);
    Files.writeString(single, copy, StandardCharsets.UTF_8);
  }

  static final String RUN_DATE = "2024-03-10";

  /** Runs the report into {@code TMP/name} for {@link #RUN_DATE}; returns the partition. */
  static Path runReport(String name, String... args) throws Exception {
    Path out = TMP.getRoot().toPath().resolve(name);
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--output=" + out;
    all[args.length + 1] = "--runDate=" + RUN_DATE;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        CorpusReport.run(
            all, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, "UTF-8"));
    assertThat("exit code; stderr: " + err.toString(StandardCharsets.UTF_8), code, equalTo(0));
    return out.resolve("run_date=" + RUN_DATE);
  }

  @Test
  public void aBodyScrapedTwiceCountsLikeOneCopy() throws Exception {
    Path twice = runReport("twice", "--input=" + glued, "--outputFormat=csv", "--emitMentions=true");
    Path once = runReport("once", "--input=" + single, "--outputFormat=csv", "--emitMentions=true");

    List<List<String>> entities = DuckTables.rows(twice, "entities", "csv");
    assertThat(entities, equalTo(DuckTables.rows(once, "entities", "csv")));
    assertThat(entities, hasItem(List.of("Helen Carter", "PERSON", "4", "1")));
    assertThat(
        DuckTables.rows(twice, "comentions", "csv", "entity_a", "entity_b", "articles", "sentences"),
        equalTo(DuckTables.rows(once, "comentions", "csv", "entity_a", "entity_b", "articles", "sentences")));

    // The removed segments lie in the second copy and cover at least 98% of it.
    List<List<String>> segments =
        DuckTables.rows(twice, "segments", "csv", "start", "\"end\"", "reason", "kept_article_id");
    assertThat(segments, not(empty()));
    long covered = 0;
    for (List<String> s : segments) {
      int start = Integer.parseInt(s.get(0));
      int end = Integer.parseInt(s.get(1));
      assertThat(start, greaterThanOrEqualTo(copy.length()));
      assertThat(end, lessThanOrEqualTo(2 * copy.length()));
      assertThat(s.get(2), equalTo("repeat_in_article"));
      assertThat(s.get(3), equalTo("carter"));
      covered += end - start;
    }
    assertThat((double) covered / copy.length(), greaterThanOrEqualTo(0.98));

    // Mentions point at the exact text of the body as read.
    String body = Files.readString(glued, StandardCharsets.UTF_8);
    for (List<String> m : DuckTables.rows(twice, "mentions", "csv", "start", "\"end\"", "text")) {
      assertThat(body.substring(Integer.parseInt(m.get(0)), Integer.parseInt(m.get(1))),
          equalTo(m.get(2)));
    }
  }

  @Test
  public void withoutDedupTheRepeatDoublesTheMentions() throws Exception {
    Path dedup = runReport("dedup-corpus", "--input=" + glued, "--outputFormat=csv");
    Path none = runReport("dedup-none", "--input=" + glued, "--outputFormat=csv", "--dedup=none");
    long withDedup = Long.parseLong(DuckTables.rows(dedup, "summary", "csv", "mentions").get(0).get(0));
    long without = Long.parseLong(DuckTables.rows(none, "summary", "csv", "mentions").get(0).get(0));
    assertThat(withDedup * 2, equalTo(without));
    assertThat(DuckTables.count(none, "segments", "csv", "true"), equalTo(0L));
  }

  @Test
  public void parquetAndCsvHoldTheSameRows() throws Exception {
    String input = TESTDATA + "/*";
    Path parquet = runReport("parquet", "--input=" + input, "--emitMentions=true");
    Path csv = runReport("csv", "--input=" + input, "--outputFormat=csv", "--emitMentions=true");
    for (String table : ALL_TABLES_EXCEPT_SUMMARY.split(" ")) {
      List<List<String>> fromParquet = DuckTables.rows(parquet, table, "parquet");
      assertThat(table, DuckTables.rows(csv, table, "csv"), equalTo(fromParquet));
      if (!table.equals("errors")) {
        assertThat(table + " is empty", fromParquet, not(empty()));
      }
    }
    String totals =
        "articles, articles_failed, chars_in, chars_removed, chars_removed_in_article,"
            + " chars_removed_across_articles, near_duplicate_articles, sentences, mentions,"
            + " distinct_entities";
    assertThat(
        DuckTables.rows(csv, "summary", "csv", totals.split(", ")),
        equalTo(DuckTables.rows(parquet, "summary", "parquet", totals.split(", "))));

    assertThat(DuckTables.types(parquet, "entities", "parquet").get("mentions"), equalTo("BIGINT"));
    assertThat(DuckTables.types(parquet, "comentions", "parquet").get("npmi"), equalTo("DOUBLE"));
    assertThat(DuckTables.types(parquet, "articles", "parquet").get("published"), equalTo("DATE"));
  }

  @Test
  public void shardedTablesHoldTheSameRowsAndTheSummaryStaysOneFile() throws Exception {
    String input = TESTDATA + "/*";
    Path one = runReport("one-shard", "--input=" + input, "--emitMentions=true");
    Path three =
        runReport("three-shards", "--input=" + input, "--emitMentions=true", "--numShards=3");
    for (String table : ALL_TABLES_EXCEPT_SUMMARY.split(" ")) {
      List<List<String>> rows = DuckTables.rows(one, table, "parquet");
      assertThat(table, DuckTables.rows(three, table, "parquet"), equalTo(rows));
      assertThat(
          table, fileNames(one.resolve(table)), equalTo(List.of("part-00000-of-00001.parquet")));
      // A table without rows gets the one file that holds its schema.
      assertThat(
          table,
          fileNames(three.resolve(table)),
          equalTo(
              rows.isEmpty()
                  ? List.of("part-00000-of-00001.parquet")
                  : List.of(
                      "part-00000-of-00003.parquet",
                      "part-00001-of-00003.parquet",
                      "part-00002-of-00003.parquet")));
    }
    assertThat(fileNames(three.resolve("summary")), equalTo(List.of("part-00000-of-00001.parquet")));
    assertThat(DuckTables.count(three, "summary", "parquet", "true"), equalTo(1L));
    assertThat(Files.exists(three.resolve(".temp-beam")), equalTo(false));
  }

  private static List<String> fileNames(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  public void boilerplateAndSyndicatedCopiesAreRemovedAcrossArticles() throws Exception {
    Path out =
        runReport("corpus", "--input=" + TESTDATA + "/*", "--outputFormat=csv", "--emitMentions=true");
    // The footer and the wire story are kept in the earliest article (wire-001) only.
    List<List<String>> across =
        DuckTables.rows(out, "segments", "csv", "article_id", "kept_article_id");
    assertThat(across, hasItem(List.of("paper-017", "wire-001")));
    assertThat(across, hasItem(List.of("wire-002", "wire-001")));
    assertThat(across, hasItem(List.of("gz-1", "wire-001")));
    assertThat(
        DuckTables.rows(out, "articles", "csv", "article_id"),
        equalTo(
            List.of(List.of("blog-3"), List.of("carter-fisheries"), List.of("csv-1"),
                List.of("csv-2"), List.of("gz-1"), List.of("harbour-201"),
                List.of("harbour-201-update"), List.of("paper-017"), List.of("wire-001"),
                List.of("wire-002"))));
    // The wire story's people are counted once although two articles carry it.
    assertThat(
        DuckTables.rows(out, "entities", "csv", "entity", "articles"),
        hasItem(List.of("Laura Mendes", "1")));
    List<List<String>> undated =
        DuckTables.rows(out, "articles", "csv", "article_id", "published");
    assertThat(undated, hasItem(java.util.Arrays.asList("blog-3", null)));
    assertThat(undated, everyItem(not(hasItem("1970-01-01"))));
  }

  @Test
  public void aWatchlistAloneFindsItsNamesAndCountsThemUnderTheirCanonicalNames() throws Exception {
    Path watchlist = TESTDATA.resolveSibling("watchlist.csv");
    Path out =
        runReport(
            "watchlist",
            "--input=" + TESTDATA + "/*",
            "--recognizer=gazetteer",
            "--gazetteer=" + watchlist,
            "--outputFormat=csv",
            "--emitMentions=true");
    List<List<String>> entities = DuckTables.rows(out, "entities", "csv");
    // "Prime Minister Helen Carter" (once) and "Carter" (three times) in the copy dedup kept.
    assertThat(entities, hasItem(List.of("Helen Carter", "PERSON", "4", "1")));
    List<String> canonical =
        List.of("Helen Carter", "Paul Tremblay", "Laura Mendes", "James Whitfield",
            "Northwind Motors", "Arcadia Rail", "European Union", "Norway", "Canada", "Oslo",
            "Leeds");
    for (List<String> e : entities) {
      assertThat(canonical, hasItem(e.get(0)));
    }
    List<List<String>> mentions =
        DuckTables.rows(out, "mentions", "csv", "text", "type", "entity");
    assertThat(mentions, hasItem(List.of("Prime Minister Helen Carter", "PERSON", "Helen Carter")));
    assertThat(mentions, hasItem(List.of("Northwind", "ORGANIZATION", "Northwind Motors")));
    assertThat(mentions, not(hasItem(List.of("Carter", "PERSON", "Carter"))));
  }

  @Test
  public void nearDuplicatesAreListedButNotCounted() throws Exception {
    // harbour-201-update is harbour-201 with a new headline, its last paragraph trimmed and one
    // sentence edited to name Petra Lund (Jaccard 0.80 of word 5-grams); wire-001 and paper-017
    // share 0.78, under the threshold.
    String input = "--input=" + TESTDATA + "/*";
    Path out = runReport("near-duplicates", input, "--outputFormat=csv", "--emitMentions=true");
    assertThat(
        DuckTables.rows(out, "articles", "csv", "article_id", "duplicate_of"),
        hasItem(List.of("harbour-201-update", "harbour-201")));
    assertThat(
        DuckTables.count(out, "articles", "csv", "duplicate_of IS NOT NULL"), equalTo(1L));
    assertThat(
        DuckTables.rows(out, "summary", "csv", "near_duplicate_articles"),
        equalTo(List.of(List.of("1"))));
    List<String> totals =
        DuckTables.rows(
                out,
                "summary",
                "csv",
                "chars_removed",
                "chars_removed_in_article + chars_removed_across_articles",
                "chars_removed_across_articles > 0")
            .get(0);
    assertThat(totals.get(0), equalTo(totals.get(1)));
    assertThat(totals.get(2), equalTo("true"));

    // The edited sentence is tagged in the near duplicate, but its entity is not counted.
    assertThat(
        DuckTables.rows(out, "mentions", "csv", "article_id", "entity"),
        hasItem(List.of("harbour-201-update", "Petra Lund")));
    assertThat(
        DuckTables.rows(out, "entities", "csv", "entity"), not(hasItem(List.of("Petra Lund"))));
    assertThat(
        DuckTables.rows(out, "entities", "csv", "entity", "articles"),
        hasItem(List.of("Ingrid Holm", "1")));

    // Off: nothing is marked, and the edited sentence counts.
    Path off = runReport("near-duplicates-off", input, "--outputFormat=csv", "--nearDuplicateThreshold=0");
    assertThat(DuckTables.count(off, "articles", "csv", "duplicate_of IS NOT NULL"), equalTo(0L));
    assertThat(DuckTables.rows(off, "entities", "csv", "entity"), hasItem(List.of("Petra Lund")));

    // The footer of the wire stories leads the repeated segments.
    List<List<String>> repeated =
        DuckTables.query(
            "SELECT segment, occurrences, articles, first_article_id FROM "
                + DuckTables.source(out, "repeated_segments", "csv")
                + " ORDER BY occurrences DESC, segment LIMIT 1");
    assertThat(
        repeated,
        equalTo(
            List.of(
                List.of(
                    "Reporting by Daniel Okafor; Editing by Maria Lindqvist.",
                    "4",
                    "4",
                    "wire-001"))));
  }

  @Test
  public void badOptionsAndMissingInputsFailWithOneClearLine() throws Exception {
    assertThat(
        failureOf("--input=" + TMP.getRoot() + "/nothing-here/*.txt", "--output=" + TMP.getRoot() + "/x"),
        containsString("nothing-here/*.txt matches no file"));
    String dedup = failureOf("--input=" + glued, "--output=" + TMP.getRoot() + "/y", "--dedup=sometimes");
    assertThat(dedup, containsString("--dedup must be one of"));
    assertThat(dedup, not(containsString("\tat ")));
    assertThat(
        failureOf("--input=" + glued, "--output=" + TMP.getRoot() + "/z", "--recognizer=gazetteer"),
        containsString("--recognizer=gazetteer needs --gazetteer"));
    java.nio.file.Path headerOnly = TMP.newFile("header-only.csv").toPath();
    Files.writeString(headerOnly, "canonical,type,aliases\n");
    assertThat(
        failureOf(
            "--input=" + glued,
            "--output=" + TMP.getRoot() + "/v",
            "--recognizer=gazetteer",
            "--gazetteer=" + headerOnly),
        containsString("watchlist has no entries"));
    assertThat(
        failureOf("--input=" + glued, "--output=" + TMP.getRoot() + "/w", "--crfContextTokens=-1"),
        containsString("--crfContextTokens must be 0 or more"));
    // A file where the output folder should be: the path and what is wrong with it.
    String file = glued.toString();
    assertThat(
        failureOf("--input=" + glued, "--output=" + file),
        containsString(file + ": a file is there where a folder is needed"));
  }

  @Test
  public void localInputsAreMadeAbsoluteForWorkersInOtherFolders() {
    String here = Paths.get("").toAbsolutePath().toString();
    assertThat(
        CorpusReport.splitGlobs("testdata/corpus/*, /data/a?.jsonl,gs://bucket/x-*.csv,file:/tmp/[ab].txt"),
        equalTo(
            List.of(
                here + "/testdata/corpus/*",
                "/data/a?.jsonl",
                "gs://bucket/x-*.csv",
                "file:/tmp/[ab].txt")));
  }

  /** Runs the report with {@code args}, expects exit code 2 and returns what it printed on stderr. */
  private static String failureOf(String... args) throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        CorpusReport.run(
            args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, "UTF-8"));
    assertThat(code, equalTo(2));
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  public void helpListsEveryOptionWithItsDefault() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = CorpusReport.run(new String[] {"--help"}, new PrintStream(out, true, "UTF-8"), System.err);
    assertThat(code, equalTo(0));
    String help = out.toString(StandardCharsets.UTF_8);
    for (String option :
        List.of("--input", "--inputFormat", "--fieldMap", "--dateFormat", "--output",
            "--outputFormat", "--dedup", "--minSegmentChars", "--emitMentions", "--numShards",
            "--maxEntitiesPerArticle", "--maxArticleChars", "--maxSentenceChars", "--runDate",
            "--publishedFrom", "--publishedTo", "--compareTo",
            "--nearDuplicateThreshold", "--recognizer", "--crfContextTokens", "--gazetteer",
            "--labelConsistency",
            "--knownNames", "--resultsLines", "--canonicalNameShare")) {
      assertThat(help, containsString(option + "="));
    }
    assertThat(help, containsString("Default: corpus"));
  }
}
