package org.corpusanalytics.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The report on {@code testdata/hostile} plus big files generated here: it finishes, every clean
 * article is in {@code articles}, every bad record is in {@code errors}, every file's account holds,
 * and no CSV text cell can run as a spreadsheet formula. One run (CSV, the Direct runner) is shared by
 * the tests.
 */
public class HostileCorpusEndToEndTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  static final Path HOSTILE = Paths.get("..", "testdata", "hostile").toAbsolutePath().normalize();
  static final int PEOPLE = 2000;
  static final int MAX_ENTITIES = 20;

  private static Path in;
  private static final String RUN_DATE = "2024-05-01";
  private static Path out;
  private static Set<String> people;
  private static String stdout;

  @BeforeClass
  public static void runTheReportOnTheHostileCorpus() throws Exception {
    in = TMP.newFolder("hostile").toPath();
    try (Stream<Path> files = Files.list(HOSTILE)) {
      for (Path f : files.collect(Collectors.toList())) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".md") && !name.endsWith(".py")) {
          Files.copy(f, in.resolve(name));
        }
      }
    }
    // A 20 MB article, as a text file and as one JSON line after a good one.
    try (Writer w = Files.newBufferedWriter(in.resolve("big-20mb.txt"))) {
      for (int i = 0; i < 4_000_000; i++) {
        w.write("word ");
      }
    }
    try (Writer w = Files.newBufferedWriter(in.resolve("big-20mb.jsonl"))) {
      w.write("{\"id\":\"big-ok\",\"body\":\"A small article before the big one.\"}\n{\"id\":\"big\",\"body\":\"");
      for (int i = 0; i < 4_000_000; i++) {
        w.write("word ");
      }
      w.write("\"}\n");
    }
    // A line of one million characters without spaces or newlines.
    Random random = new Random(1L);
    char[] letters = new char[1_000_000];
    for (int i = 0; i < letters.length; i++) {
      letters[i] = (char) ('a' + random.nextInt(26));
    }
    Files.writeString(in.resolve("long-line.txt"), new String(letters));
    // One article naming 2,000 different people, 50 to a sentence.
    people = new TreeSet<>();
    StringBuilder crowd = new StringBuilder();
    while (people.size() < PEOPLE) {
      crowd.append(people.isEmpty() ? "" : ". ").append("The delegates included ");
      for (int i = 0; i < 50 && people.size() < PEOPLE; i++) {
        String name = name(random) + " " + name(random);
        if (people.add(name)) {
          crowd.append(i == 0 ? "" : ", ").append(name);
        }
      }
    }
    Files.writeString(in.resolve("crowd.txt"), crowd.append(".").toString());

    Path outRoot = TMP.getRoot().toPath().resolve("out");
    out = outRoot.resolve("run_date=" + RUN_DATE);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream so = new ByteArrayOutputStream();
    int code =
        CorpusReport.run(
            new String[] {
              // Two globs that both match clean.jsonl: it is read once.
              "--input=" + in + "/*," + in + "/clean.jsonl",
              "--output=" + outRoot,
              "--runDate=" + RUN_DATE,
              "--outputFormat=csv",
              "--emitMentions=true",
              "--maxErrorRate=1",
              // The default cap (100) gives 4,950 pairs, which the Direct runner takes minutes over.
              "--maxEntitiesPerArticle=" + MAX_ENTITIES
            },
            new PrintStream(so, true, "UTF-8"),
            new PrintStream(err, true, "UTF-8"));
    stdout = so.toString(StandardCharsets.UTF_8);
    assertThat("exit code; stderr: " + err.toString(StandardCharsets.UTF_8), code, equalTo(0));
  }

  @Test
  public void everyCleanArticleIsInTheArticlesTable() {
    Set<String> expected =
        new TreeSet<>(
            List.of(
                "clean-01", "clean-02", "clean-03", "clean-04", "clean-05", "clean-06", "clean-07",
                "clean-08", "bad-ok-1", "bad-ok-15", "rows-ok-1", "rows-ok-5", "crlf-1", "crlf-2",
                "crlf", "bom-1", "bom-2", "latin1", "utf8-1", "utf8-2", "utf8-3", "dup-1", "dup-2",
                "dup-3", "zh", "ja", "ar", "he", "ru", "hi", "th", "mixed", "combining", "bidi",
                "control", "surrogate", "tags", "big-ok", "long-line", "crowd"));
    long truncated = truncatedArticles();
    assertThat(truncated, greaterThan(10L));
    assertThat(truncated, lessThan(200L));
    for (long i = 1; i <= truncated; i++) {
      expected.add("trunc-" + i);
    }
    List<String> ids = column("articles", "article_id");
    assertThat(new TreeSet<>(ids), equalTo(expected));
    assertThat(ids.size(), equalTo(expected.size()));

    // The first copy of a duplicate id in canonical order is kept.
    Map<String, String> published = new HashMap<>();
    for (List<String> row : DuckTables.rows(out, "articles", "csv", "article_id", "published")) {
      published.put(row.get(0), row.get(1));
    }
    assertThat(published.get("dup-1"), equalTo("2024-01-01"));
    assertThat(published.get("dup-3"), equalTo("2024-01-09"));
    // Latin-1 and bytes that are not UTF-8 are read as windows-1252, not as replacement characters.
    List<String> mentions = column(DuckTables.rows(out, "mentions", "csv", "text"));
    assertThat(mentions, hasItem(containsString("Muñoz")));
    assertThat(mentions, not(hasItem(containsString("\ufffd"))));
  }

  @Test
  public void everyBadRecordIsInTheErrorsTable() {
    Set<String> expected =
        new TreeSet<>(
            List.of(
                "bad-rows.csv 2 csv_column_count", "bad-rows.csv 3 csv_column_count",
                "bad-rows.csv 4 csv_malformed", "bad-rows.csv 6 empty_body",
                "bad-rows.csv 7 csv_unbalanced_quote",
                "bad.jsonl 2 invalid_json", "bad.jsonl 3 invalid_json", "bad.jsonl 4 body_not_string",
                "bad.jsonl 5 body_not_string", "bad.jsonl 6 missing_body", "bad.jsonl 7 missing_body",
                "bad.jsonl 8 empty_body", "bad.jsonl 9 empty_body", "bad.jsonl 10 invalid_json",
                "bad.jsonl 11 invalid_json", "bad.jsonl 12 invalid_json",
                "bad.jsonl 16 body_not_string", "bad.jsonl 17 body_not_string",
                "binary.txt 0 binary_file", "blank.jsonl 0 empty_file", "empty.txt 0 empty_file",
                "empty.jsonl.gz 0 empty_file",
                "dupes-a.jsonl 1 duplicate_id", "dupes-a.jsonl 3 duplicate_id",
                "dupes-a.jsonl 4 duplicate_id", "dupes-b.jsonl 2 duplicate_id",
                "truncated.jsonl.gz " + (truncatedArticles() + 1) + " read_error",
                "big-20mb.txt 0 article_too_large", "big-20mb.jsonl 2 article_too_large"));
    List<List<String>> errors =
        DuckTables.rows(out, "errors", "csv", "source_file", "record", "reason", "message", "excerpt");
    Set<String> found = new TreeSet<>();
    for (List<String> e : errors) {
      found.add(Paths.get(e.get(0)).getFileName() + " " + e.get(1) + " " + e.get(2));
      assertThat(e.get(3), not(equalTo(null)));
      // Each message names its own file (and record, where there is one) first.
      assertThat(e.get(3), startsWith(Paths.get(e.get(0)).getFileName().toString()));
      if (e.get(4) != null) {
        assertThat(e.get(4).length(), lessThanOrEqualTo(200 + 1)); // + the apostrophe of a neutralized cell
      }
    }
    assertThat(found, equalTo(expected));
    assertThat((long) errors.size(), equalTo((long) expected.size()));

    // errors_by_reason is the errors table counted by reason.
    Map<String, String> byReason = new TreeMap<>();
    for (List<String> row :
        DuckTables.query(
            "SELECT reason, count(*) FROM " + DuckTables.source(out, "errors", "csv") + " GROUP BY reason")) {
      byReason.put(row.get(0), row.get(1));
    }
    Map<String, String> table = new TreeMap<>();
    for (List<String> row : DuckTables.rows(out, "errors_by_reason", "csv")) {
      table.put(row.get(0), row.get(1));
    }
    assertThat(table, equalTo(byReason));
  }

  @Test
  public void everyFileIsAccountedForAndTheTotalsAgree() {
    List<List<String>> inputs = DuckTables.rows(out, "inputs", "csv", "file", "read", "processed", "rejected");
    Set<String> files = new TreeSet<>();
    long processed = 0;
    long rejected = 0;
    Map<String, Long> errorsPerFile = new HashMap<>();
    for (List<String> row : DuckTables.rows(out, "errors", "csv", "source_file")) {
      errorsPerFile.merge(row.get(0), 1L, Long::sum);
    }
    for (List<String> row : inputs) {
      long r = Long.parseLong(row.get(1));
      long p = Long.parseLong(row.get(2));
      long x = Long.parseLong(row.get(3));
      assertThat(row.get(0), r, equalTo(p + x));
      assertThat(row.get(0), x, equalTo(errorsPerFile.getOrDefault(row.get(0), 0L)));
      files.add(Paths.get(row.get(0)).getFileName().toString());
      processed += p;
      rejected += x;
    }
    // One row per file; the file that two globs match is read once.
    assertThat(files.size(), equalTo(inputs.size()));
    assertThat(files, equalTo(new TreeSet<>(list(in))));
    assertThat(
        DuckTables.query("SELECT read FROM " + DuckTables.source(out, "inputs", "csv")
            + " WHERE file LIKE '%/clean.jsonl'"),
        equalTo(List.of(List.of("8"))));

    List<String> summary =
        DuckTables.rows(out, "summary", "csv", "articles", "articles_failed", "articles_capped",
                "sentences_cut", "sentences_failed")
            .get(0);
    assertThat(Long.parseLong(summary.get(0)), equalTo(processed));
    assertThat(Long.parseLong(summary.get(0)), equalTo(DuckTables.count(out, "articles", "csv", "true")));
    assertThat(Long.parseLong(summary.get(1)), equalTo(rejected));
    assertThat(Long.parseLong(summary.get(1)), equalTo(DuckTables.count(out, "errors", "csv", "true")));
    assertThat(stdout, containsString(rejected + " rejected"));

    // The crowd is the one capped article; the million-character line and the Thai text are cut.
    assertThat(summary.get(2), equalTo("1"));
    assertThat(Long.parseLong(summary.get(3)), greaterThanOrEqualTo(2L));
    assertThat(summary.get(4), equalTo("0"));
  }

  @Test
  public void theCrowdIsCountedButOnlyItsTopEntitiesArePaired() {
    Set<String> entities = new HashSet<>(column("entities", "entity"));
    long recognized = people.stream().filter(entities::contains).count();
    assertThat(recognized, greaterThan((long) PEOPLE * 3 / 4));
    Set<String> crowd =
        new HashSet<>(
            column(
                DuckTables.query(
                    "SELECT DISTINCT entity FROM " + DuckTables.source(out, "mentions", "csv")
                        + " WHERE article_id = 'crowd'")));
    assertThat(crowd.size(), greaterThan(MAX_ENTITIES));
    long crowdPairs = 0;
    for (List<String> pair : DuckTables.rows(out, "comentions", "csv", "entity_a", "entity_b")) {
      if (crowd.contains(pair.get(0)) && crowd.contains(pair.get(1))) {
        crowdPairs++;
      }
    }
    assertThat(crowdPairs, equalTo((long) MAX_ENTITIES * (MAX_ENTITIES - 1) / 2));
  }

  @Test
  public void noCsvTextCellCanRunAsAFormulaAndNumbersStayNumbers() throws IOException {
    Map<String, Schema> schemas = new TreeMap<>();
    schemas.put("articles", org.corpusanalytics.transforms.output.Tables.ARTICLES);
    schemas.put("comentions", org.corpusanalytics.transforms.output.Tables.COMENTIONS);
    schemas.put("entities", org.corpusanalytics.transforms.output.Tables.ENTITIES);
    schemas.put("errors", org.corpusanalytics.transforms.output.Tables.ERRORS);
    schemas.put("errors_by_reason", org.corpusanalytics.transforms.output.Tables.ERRORS_BY_REASON);
    schemas.put("inputs", org.corpusanalytics.transforms.output.Tables.INPUTS);
    schemas.put("mentions", org.corpusanalytics.transforms.output.Tables.MENTIONS);
    schemas.put("segments", org.corpusanalytics.transforms.output.Tables.SEGMENTS);
    schemas.put("summary", org.corpusanalytics.transforms.output.Tables.SUMMARY);
    int neutralized = 0;
    int negativeNumbers = 0;
    for (Map.Entry<String, Schema> table : schemas.entrySet()) {
      for (Path file : list(out.resolve(table.getKey())).stream().map(out.resolve(table.getKey())::resolve).collect(Collectors.toList())) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          for (CSVRecord row :
              CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            for (Schema.Field f : table.getValue().getFields()) {
              String cell = row.get(f.getName());
              if (cell.isEmpty()) {
                continue;
              }
              Schema.TypeName type = f.getType().getTypeName();
              if (type == Schema.TypeName.STRING) {
                assertThat(table.getKey() + "." + f.getName(), "=+-@\t\r".indexOf(cell.charAt(0)), equalTo(-1));
                if (cell.startsWith("'") && cell.length() > 1 && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
                  neutralized++;
                }
              } else if (type == Schema.TypeName.DOUBLE || type == Schema.TypeName.INT64) {
                if (Double.parseDouble(cell) < 0) { // parses: a number, not text
                  negativeNumbers++;
                }
              }
            }
          }
        }
      }
    }
    // The titles, sources and a body excerpt of the hostile corpus that looked like formulas.
    assertThat(neutralized, greaterThanOrEqualTo(5));
    assertThat(DuckTables.rows(out, "articles", "csv", "title"),
        hasItem(List.of("'=HYPERLINK(\"http://example.org\",\"click\")")));
    // Angela Merkel and Microsoft are common but together once: negative PMI, written as a number.
    assertThat(negativeNumbers, greaterThan(0));
    assertThat(
        DuckTables.query("SELECT count(*) FROM " + DuckTables.source(out, "comentions", "csv")
            + " WHERE entity_a = 'Angela Merkel' AND entity_b = 'Microsoft' AND pmi < 0"),
        equalTo(List.of(List.of("1"))));
  }

  @Test
  public void nothingIsLeftBesideTheOutput() {
    assertThat(list(TMP.getRoot().toPath()), equalTo(List.of("hostile", "out")));
    assertThat(list(out.getParent()), equalTo(List.of("run_date=" + RUN_DATE)));
  }

  private static long truncatedArticles() {
    return DuckTables.count(out, "articles", "csv", "article_id LIKE 'trunc-%'");
  }

  private static List<String> column(String table, String column) {
    return column(DuckTables.rows(out, table, "csv", column));
  }

  private static List<String> column(List<List<String>> rows) {
    List<String> values = new ArrayList<>();
    for (List<String> row : rows) {
      values.add(row.get(0));
    }
    return values;
  }

  private static List<String> list(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String name(Random random) {
    String consonants = "bcdfghjklmnprstvz";
    String vowels = "aeiou";
    StringBuilder s = new StringBuilder();
    s.append(Character.toUpperCase(consonants.charAt(random.nextInt(consonants.length()))));
    for (int i = 0; i < 2 + random.nextInt(2); i++) {
      s.append(vowels.charAt(random.nextInt(5))).append(consonants.charAt(random.nextInt(consonants.length())));
    }
    return s.toString();
  }
}
