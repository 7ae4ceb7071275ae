package org.corpusanalytics.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runners.MethodSorters;

/**
 * Runs the shaded jar as a job on a real standalone Flink 1.19 session cluster (started with
 * cluster/start-flink.sh, one TaskManager with two slots) and checks its tables against the
 * Direct runner's; kills the TaskManager in the middle of a job and checks the job recovers with
 * the same tables; and runs the embedded Flink runner ({@code --flinkMaster=[local]}).
 *
 * <p>Needs {@code pipelines/target/corpus-analytics.jar} (run after {@code package}: the
 * failsafe plugin runs it in {@code verify}). Every run of the report is a {@code java -jar}
 * process, as a user runs it. The cluster is always stopped at the end, by recorded pid.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class FlinkClusterIT {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  static final Path REPO = Paths.get("..").toAbsolutePath().normalize();
  static final Path TESTDATA = REPO.resolve("testdata").resolve("corpus");
  static final Path JAR =
      Paths.get(System.getProperty("corpusAnalyticsJar", "target/corpus-analytics.jar"))
          .toAbsolutePath()
          .normalize();
  static final Path WORK = Paths.get("target", "flink-it").toAbsolutePath();
  static final Path STATE_DIR = WORK.resolve("cluster");
  static final Path LOGS = WORK.resolve("logs");
  static final int SLOTS = 2;
  static final int PARALLELISM = 2;
  /** Articles of the generated corpus of the fault test: enough for the job to run a while. */
  static final int FAULT_ARTICLES = Integer.getInteger("flinkIt.faultArticles", 600);

  /** Columns that legitimately differ between two runs. */
  static final List<String> RUN_COLUMNS = List.of("runner", "started_at", "finished_at");

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static String restBase;
  static String flinkMaster;
  private static Path directTestdata;
  private static Thread stopOnExit;

  @BeforeClass
  public static void startCluster() throws Exception {
    assertTrue(JAR + " is missing: run `mvn package` first", Files.isRegularFile(JAR));
    if (Files.isDirectory(LOGS)) {
      try (Stream<Path> old = Files.list(LOGS)) {
        for (Path log : old.collect(Collectors.toList())) {
          Files.delete(log);
        }
      }
    }
    Files.createDirectories(LOGS);
    // Stop the cluster even if this JVM is interrupted before @AfterClass runs.
    stopOnExit = new Thread(FlinkClusterIT::stopClusterQuietly, "stop-flink-cluster");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    // Preferred ports away from a developer's own cluster on 8081/6123; taken ones are skipped.
    Result start =
        run(
            "start-cluster",
            Duration.ofMinutes(5),
            Map.of("REST_PORT", "18081", "RPC_PORT", "16123", "BLOB_PORT", "16124"),
            "bash",
            REPO.resolve("cluster/start-flink.sh").toString(),
            "--state-dir",
            STATE_DIR.toString(),
            "--taskmanagers",
            "1",
            "--slots",
            String.valueOf(SLOTS));
    start.assertSucceeded();
    Properties env = new Properties();
    try (InputStream in = new FileInputStream(STATE_DIR.resolve("cluster.env").toFile())) {
      env.load(in);
    }
    flinkMaster = env.getProperty("FLINK_MASTER");
    restBase = "http://" + flinkMaster;
    JsonNode overview = rest("/overview");
    assertThat(overview.path("taskmanagers").asInt(), equalTo(1));
    assertThat(overview.path("slots-total").asInt(), equalTo(SLOTS));
  }

  @AfterClass
  public static void stopCluster() throws Exception {
    try {
      run(
              "stop-cluster",
              Duration.ofMinutes(2),
              Map.of(),
              "bash",
              REPO.resolve("cluster/stop-flink.sh").toString(),
              "--state-dir",
              STATE_DIR.toString())
          .assertSucceeded();
    } finally {
      if (stopOnExit != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
          // The hook runs anyway.
        }
      }
    }
  }

  private static void stopClusterQuietly() {
    try {
      new ProcessBuilder(
              "bash",
              REPO.resolve("cluster/stop-flink.sh").toString(),
              "--state-dir",
              STATE_DIR.toString())
          .redirectErrorStream(true)
          .redirectOutput(LOGS.resolve("stop-cluster-on-exit.log").toFile())
          .start()
          .waitFor(2, TimeUnit.MINUTES);
    } catch (IOException | InterruptedException e) {
      // Nothing more can be done in a shutdown hook.
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  public void a_clusterRunMatchesTheDirectRunner() throws Exception {
    Path direct = directOnTestdata();
    String jobName = "it-equivalence-" + System.currentTimeMillis();
    // Input and output relative to the submitting process's folder (the repository), as in the
    // README's example: the TaskManagers run in another folder.
    Path cluster = REPO.relativize(WORK.resolve(jobName));
    report(
            "cluster-testdata",
            cluster,
            "--input=" + REPO.relativize(TESTDATA) + "/*",
            "--emitMentions=true",
            "--runner=FlinkRunner",
            "--flinkMaster=" + flinkMaster,
            "--parallelism=" + PARALLELISM,
            "--jobName=" + jobName)
        .assertSucceeded();

    assertSameTables(direct, REPO.resolve(cluster));
    assertSameFiles(direct, REPO.resolve(cluster));

    // The job ran on the cluster, with the parallelism asked for.
    String jid = jobId(jobName).orElseThrow(() -> new AssertionError("no job " + jobName));
    JsonNode job = rest("/jobs/" + jid);
    assertThat(job.path("state").asText(), equalTo("FINISHED"));
    List<Integer> parallelisms = new ArrayList<>();
    for (JsonNode vertex : job.path("vertices")) {
      parallelisms.add(vertex.path("parallelism").asInt());
    }
    assertThat(parallelisms, not(empty()));
    assertThat(parallelisms, everyItem(equalTo(PARALLELISM)));
  }

  @Test
  public void b_aJobSurvivesTheLossOfItsTaskManager() throws Exception {
    Path corpus = TMP.newFolder("fault-corpus").toPath();
    generateCorpus(corpus, FAULT_ARTICLES, 8);
    String input = "--input=" + corpus + "/*.jsonl";

    long t0 = System.nanoTime();
    Path direct = TMP.getRoot().toPath().resolve("direct-fault");
    report("direct-fault", direct, input).assertSucceeded();
    long directSeconds = (System.nanoTime() - t0) / 1_000_000_000L;

    String jobName = "it-fault-" + System.currentTimeMillis();
    Path cluster = TMP.getRoot().toPath().resolve("cluster-fault");
    Running job =
        startReport(
            "cluster-fault",
            cluster,
            input,
            "--runner=FlinkRunner",
            "--flinkMaster=" + flinkMaster,
            "--parallelism=" + PARALLELISM,
            "--jobName=" + jobName);
    try {
      long t1 = System.nanoTime();
      String jid = awaitEntityRecognitionRunning(jobName, job, Duration.ofMinutes(5));
      long runningAfter = (System.nanoTime() - t1) / 1_000_000_000L;

      List<Long> killed = killTaskManagers();
      assertThat("a TaskManager was killed", killed, not(empty()));
      assertThat(
          "the job was still running when its TaskManager was killed; make the corpus larger"
              + " (-DflinkIt.faultArticles)",
          rest("/jobs/" + jid).path("state").asText(),
          not(equalTo("FINISHED")));
      run(
              "add-taskmanager",
              Duration.ofMinutes(3),
              Map.of(),
              "bash",
              REPO.resolve("cluster/start-flink.sh").toString(),
              "--add-taskmanager",
              "--state-dir",
              STATE_DIR.toString())
          .assertSucceeded();

      Result result = job.await(Duration.ofMinutes(15));
      result.assertSucceeded();
      long clusterSeconds = (System.nanoTime() - t1) / 1_000_000_000L;

      assertThat(rest("/jobs/" + jid).path("state").asText(), equalTo("FINISHED"));
      JsonNode failures = rest("/jobs/" + jid + "/exceptions").path("exceptionHistory");
      assertThat(
          "the job recorded the TaskManager's loss and restarted",
          failures.path("entries").size(),
          greaterThanOrEqualTo(1));
      System.out.printf(
          Locale.ROOT,
          "fault test: %d articles; Direct runner %d s; cluster job running after %d s, "
              + "TaskManager pid %s killed, job finished after %d s with %d failure(s)%n",
          FAULT_ARTICLES,
          directSeconds,
          runningAfter,
          killed,
          clusterSeconds,
          failures.path("entries").size());
    } finally {
      job.destroy();
    }

    assertSameTables(direct, cluster);
    assertSameFiles(direct, cluster);
  }

  @Test
  public void c_embeddedFlinkMatchesTheDirectRunner() throws Exception {
    Path direct = directOnTestdata();
    Path local = TMP.getRoot().toPath().resolve("local-testdata");
    report(
            "local-testdata",
            local,
            "--input=" + TESTDATA + "/*",
            "--emitMentions=true",
            "--runner=FlinkRunner",
            "--flinkMaster=[local]",
            "--parallelism=" + PARALLELISM)
        .assertSucceeded();
    assertSameTables(direct, local);
    assertSameFiles(direct, local);
  }

  @Test
  public void d_theTablesDoNotDependOnCompilingTheFeatureExtractor() throws Exception {
    // A plain `java -jar` run of the report runs it in a child JVM that compiles CoreNLP's
    // feature extractor, and the TaskManagers were started with the option: none of them warned.
    Path direct = directOnTestdata();
    assertThat(log("direct-testdata"), not(containsString(INTERPRETER_WARNING)));
    try (Stream<Path> logs = Files.list(STATE_DIR.resolve("log"))) {
      List<Path> taskManagers =
          logs.filter(f -> f.getFileName().toString().startsWith("taskmanager-"))
              .collect(Collectors.toList());
      assertThat(taskManagers, not(empty()));
      for (Path taskManager : taskManagers) {
        assertThat(
            taskManager.toString(),
            Files.readString(taskManager, StandardCharsets.UTF_8),
            not(containsString(INTERPRETER_WARNING)));
      }
    }
    // Posing as the child, the report runs in this JVM without the option: it says so, and the
    // interpreted extractor gives the same tables.
    Path interpreted = TMP.getRoot().toPath().resolve("interpreted-testdata");
    startReport(
            "interpreted-testdata",
            List.of("-D" + CompilingJvm.CHILD_PROPERTY + "=true"),
            interpreted,
            "--input=" + TESTDATA + "/*",
            "--emitMentions=true")
        .await(Duration.ofMinutes(20))
        .assertSucceeded();
    assertThat(log("interpreted-testdata"), containsString(INTERPRETER_WARNING));
    assertSameTables(direct, interpreted);
    assertSameFiles(direct, interpreted);
  }

  private static final String INTERPRETER_WARNING = "feature extractor will run in the interpreter";

  static String log(String runName) throws IOException {
    return Files.readString(LOGS.resolve(runName + ".log"), StandardCharsets.UTF_8);
  }

  // --- Comparing outputs ----------------------------------------------------------------------

  private static synchronized Path directOnTestdata() throws Exception {
    if (directTestdata == null) {
      Path out = TMP.getRoot().toPath().resolve("direct-testdata");
      report("direct-testdata", out, "--input=" + TESTDATA + "/*", "--emitMentions=true")
          .assertSucceeded();
      directTestdata = out;
    }
    return directTestdata;
  }

  private static final List<String> ALL_TABLES =
      List.of("entities", "comentions", "articles", "segments", "repeated_segments", "mentions",
          "errors", "summary", "inputs", "errors_by_reason", "entity_daily", "entity_sources");

  /** The one {@code run_date=...} partition a run wrote under {@code output}. */
  static Path partition(Path output) throws java.io.IOException {
    try (java.util.stream.Stream<Path> dirs = Files.list(output)) {
      List<Path> partitions =
          dirs.filter(d -> d.getFileName().toString().startsWith("run_date="))
              .collect(java.util.stream.Collectors.toList());
      assertThat("partitions in " + output, partitions.size(), equalTo(1));
      return partitions.get(0);
    }
  }

  /** Every table written by {@code expected} holds the same rows in {@code actual}. */
  static void assertSameTables(Path expectedOutput, Path actualOutput) throws java.io.IOException {
    Path expected = partition(expectedOutput);
    Path actual = partition(actualOutput);
    List<String> tables = new ArrayList<>();
    for (String table : ALL_TABLES) {
      if (Files.isDirectory(expected.resolve(table))) {
        tables.add(table);
      }
    }
    assertThat(tables, hasItem("entities"));
    for (String table : tables) {
      assertTrue(table + " missing in " + actual, Files.isDirectory(actual.resolve(table)));
      Map<String, String> types = DuckTables.types(expected, table, "parquet");
      assertThat(table + " columns", DuckTables.types(actual, table, "parquet"), equalTo(types));
      List<String> columns = new ArrayList<>();
      List<Boolean> isDouble = new ArrayList<>();
      for (Map.Entry<String, String> c : types.entrySet()) {
        if (table.equals("summary") && RUN_COLUMNS.contains(c.getKey())) {
          continue;
        }
        columns.add('"' + c.getKey() + '"');
        isDouble.add(c.getValue().equals("DOUBLE") || c.getValue().equals("FLOAT"));
      }
      String[] select = columns.toArray(new String[0]);
      List<List<String>> want = sorted(DuckTables.rows(expected, table, "parquet", select), isDouble);
      List<List<String>> got = sorted(DuckTables.rows(actual, table, "parquet", select), isDouble);
      assertThat(table + " row count", got.size(), equalTo(want.size()));
      for (int r = 0; r < want.size(); r++) {
        for (int c = 0; c < columns.size(); c++) {
          String w = want.get(r).get(c);
          String g = got.get(r).get(c);
          String where = table + " row " + want.get(r) + " column " + columns.get(c);
          if (isDouble.get(c) && w != null && g != null) {
            double dw = Double.parseDouble(w);
            double dg = Double.parseDouble(g);
            if (Math.abs(dw - dg) > 1e-9 * Math.max(1.0, Math.abs(dw))) {
              fail(where + ": expected " + w + " but was " + g);
            }
          } else {
            assertThat(where, g, equalTo(w));
          }
        }
      }
      System.out.printf(Locale.ROOT, "  %s: %d rows equal%n", table, want.size());
    }
  }

  /** Sorts rows by their non-double cells, then by their doubles, so near-equal doubles align. */
  private static List<List<String>> sorted(List<List<String>> rows, List<Boolean> isDouble) {
    List<List<String>> out = new ArrayList<>(rows);
    out.sort(
        (a, b) -> {
          int c = key(a, isDouble, false).compareTo(key(b, isDouble, false));
          return c != 0 ? c : key(a, isDouble, true).compareTo(key(b, isDouble, true));
        });
    return out;
  }

  private static String key(List<String> row, List<Boolean> isDouble, boolean doubles) {
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < row.size(); i++) {
      if (isDouble.get(i) != doubles) {
        continue;
      }
      String cell = row.get(i);
      if (cell != null && doubles) {
        cell = String.format(Locale.ROOT, "%.6e", Double.parseDouble(cell));
      }
      key.append(cell == null ? "\u0000" : cell).append('\u0001');
    }
    return key.toString();
  }

  /**
   * Both outputs consist of the same files and folders, and every file is a finished part file
   * (part-SSSSS-of-NNNNN.parquet): no temporary, partial or duplicated output is left.
   */
  static void assertSameFiles(Path expected, Path actual) throws IOException {
    TreeSet<String> want = tree(expected);
    TreeSet<String> got = tree(actual);
    assertThat("files under " + actual, got, equalTo(want));
    try (Stream<Path> files = Files.walk(actual)) {
      List<String> names =
          files
              .filter(Files::isRegularFile)
              .map(p -> p.getFileName().toString())
              .collect(Collectors.toList());
      assertThat(names, not(empty()));
      assertThat(names, everyItem(matchesPattern("part-\\d{5}-of-\\d{5}\\.parquet|_SUCCESS|manifest\\.json|report\\.html")));
    }
  }

  private static TreeSet<String> tree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(p -> !p.equals(root))
          .map(p -> root.relativize(p) + (Files.isDirectory(p) ? "/" : ""))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  // --- The cluster through its REST API --------------------------------------------------------

  static JsonNode rest(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(restBase + path))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  static Optional<String> jobId(String jobName) throws IOException, InterruptedException {
    for (JsonNode job : rest("/jobs/overview").path("jobs")) {
      if (job.path("name").asText().equals(jobName)) {
        return Optional.of(job.path("jid").asText());
      }
    }
    return Optional.empty();
  }

  /**
   * Waits until the job is RUNNING and the vertex that recognizes entities (the slow step) has
   * running tasks, i.e. the job is in the middle of its work; returns the job id.
   */
  static String awaitEntityRecognitionRunning(String jobName, Running client, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "not submitted";
    while (System.nanoTime() < deadline) {
      if (!client.process.isAlive()) {
        fail("the report ended before its job was seen running: " + client.tail());
      }
      Optional<String> jid = jobId(jobName);
      if (jid.isPresent()) {
        JsonNode job = rest("/jobs/" + jid.get());
        last = job.path("state").asText();
        if (last.equals("RUNNING")) {
          for (JsonNode vertex : job.path("vertices")) {
            if (vertex.path("name").asText().contains("RecognizeEntities")
                && vertex.path("tasks").path("RUNNING").asInt() > 0) {
              return jid.get();
            }
          }
        }
        if (last.equals("FINISHED") || last.equals("FAILED") || last.equals("CANCELED")) {
          fail("job " + jobName + " " + last + " before it could be interrupted");
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("job " + jobName + " not running entity recognition; last " + last);
  }

  /** SIGKILLs every live TaskManager of the cluster by its recorded pid; returns the pids. */
  static List<Long> killTaskManagers() throws Exception {
    List<Long> killed = new ArrayList<>();
    try (Stream<Path> pidFiles = Files.list(STATE_DIR.resolve("pids"))) {
      for (Path pidFile :
          pidFiles
              .filter(p -> p.getFileName().toString().startsWith("taskmanager-"))
              .collect(Collectors.toList())) {
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isPresent()
            && handle.get().isAlive()
            && handle.get().info().commandLine().orElse("").contains(STATE_DIR.toString())) {
          handle.get().destroyForcibly();
          handle.get().onExit().get(30, TimeUnit.SECONDS);
          killed.add(pid);
        }
      }
    }
    return killed;
  }

  // --- Running the jar --------------------------------------------------------------------------

  static Result report(String name, Path output, String... args) throws Exception {
    return startReport(name, output, args).await(Duration.ofMinutes(20));
  }

  static Running startReport(String name, Path output, String... args) throws IOException {
    return startReport(name, List.of(), output, args);
  }

  static Running startReport(String name, List<String> jvmOptions, Path output, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(Arrays.asList(args));
    command.add("--output=" + output);
    return start(name, Map.of(), command);
  }

  static Result run(String name, Duration timeout, Map<String, String> env, String... command)
      throws Exception {
    return start(name, env, Arrays.asList(command)).await(timeout);
  }

  static Running start(String name, Map<String, String> env, List<String> command)
      throws IOException {
    Files.createDirectories(LOGS);
    Path log = LOGS.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(REPO.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(env);
    return new Running(name, command, builder.start(), log);
  }

  static final class Running {
    final String name;
    final List<String> command;
    final Process process;
    final Path log;

    Running(String name, List<String> command, Process process, Path log) {
      this.name = name;
      this.command = command;
      this.process = process;
      this.log = log;
    }

    Result await(Duration timeout) throws Exception {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        destroy();
        throw new AssertionError(name + " did not finish in " + timeout + ": " + tail());
      }
      return new Result(this, process.exitValue());
    }

    void destroy() throws InterruptedException {
      if (process.isAlive()) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }

    String tail() {
      try {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return "\n----- last lines of " + log + " -----\n"
            + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
      } catch (IOException e) {
        return "(no log " + log + ")";
      }
    }
  }

  static final class Result {
    final Running run;
    final int exitCode;

    Result(Running run, int exitCode) {
      this.run = run;
      this.exitCode = exitCode;
    }

    void assertSucceeded() {
      if (exitCode != 0) {
        throw new AssertionError(
            run.name + " exited with " + exitCode + ": " + String.join(" ", run.command) + run.tail());
      }
    }
  }

  // --- A generated corpus -----------------------------------------------------------------------

  // Few distinct entities on purpose: the co-mention table grows with the square of their
  // number, and the Direct runner (the reference) pays a fixed cost per distinct pair.
  private static final String[] PEOPLE = {
    "Helen Carter", "Daniel Okafor", "Maria Lindqvist", "Laura Mendes", "Kenji Tanaka",
    "Sofia Rossi"
  };
  private static final String[] ORGS = {
    "Northwind Motors", "Halvorsen Capital", "Granite Bank", "Meridian Energy"
  };
  private static final String[] PLACES = {"Berlin", "Porto", "Brazil", "Tokyo", "Chicago"};
  private static final String[] TEMPLATES = {
    "%1$s, a senior adviser at %3$s, said on %5$s that talks in %4$s had made progress on %6$d"
        + " open points.",
    "%3$s hired %1$s and %2$s to lead its expansion into %4$s, according to %6$d pages of filings.",
    "Speaking in %4$s, %2$s warned that %3$s could cut %6$d jobs before the end of the year.",
    "%1$s met %2$s in %4$s on %5$s to discuss a contract worth %6$d million euros with %3$s.",
    "Analysts at %3$s raised their forecast for %4$s by %6$d basis points after %1$s spoke.",
    "The agreement between %3$s and officials in %4$s was signed by %2$s after %6$d days of"
        + " negotiations."
  };
  private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};

  /** Writes {@code articles} distinct JSONL articles, spread over {@code files} files. */
  static void generateCorpus(Path dir, int articles, int files) throws IOException {
    Random random = new Random(20240305L);
    List<BufferedWriter> writers = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      writers.add(
          Files.newBufferedWriter(
              dir.resolve(String.format(Locale.ROOT, "articles-%02d.jsonl", f)),
              StandardCharsets.UTF_8));
    }
    try {
      for (int a = 0; a < articles; a++) {
        StringBuilder body = new StringBuilder();
        int sentences = 6 + random.nextInt(6);
        for (int s = 0; s < sentences; s++) {
          String person1 = pick(random, PEOPLE);
          String person2 = pick(random, PEOPLE);
          // Each sentence carries the article and sentence number, so no two are repeats that
          // the repeated-text removal would drop.
          body.append(
                  String.format(
                      Locale.ROOT,
                      pick(random, TEMPLATES),
                      person1,
                      person2,
                      pick(random, ORGS),
                      pick(random, PLACES),
                      pick(random, DAYS),
                      1000 * a + s + 1))
              .append(s % 3 == 2 ? "\n\n" : " ");
        }
        ObjectNode article = JSON.createObjectNode();
        article.put("id", String.format(Locale.ROOT, "gen-%05d", a));
        article.put("title", "Generated report " + a);
        article.put("body", body.toString().trim());
        article.put(
            "published",
            String.format(Locale.ROOT, "2024-%02d-%02dT08:00:00Z", 1 + a % 12, 1 + a % 28));
        article.put("source", "Generated Wire");
        article.put("url", "https://example.org/generated/" + a);
        BufferedWriter out = writers.get(a % files);
        out.write(JSON.writeValueAsString(article));
        out.newLine();
      }
    } finally {
      for (BufferedWriter w : writers) {
        w.close();
      }
    }
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  /** For a look at the generated corpus: {@code java ... FlinkClusterIT DIR ARTICLES}. */
  public static void main(String[] args) throws IOException {
    Path dir = Paths.get(args[0]);
    Files.createDirectories(dir);
    generateCorpus(dir, Integer.parseInt(args[1]), 8);
    System.out.println(new TreeMap<>(Map.of("dir", dir.toString(), "articles", args[1])));
  }
}
