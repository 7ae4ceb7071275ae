package org.corpusanalytics.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.util.common.ReflectHelpers;

/**
 * Collects what {@code manifest.json} says about a run: input files with sizes, every option,
 * row counts per table, timings, counters, the runner, the project version and the git commit.
 */
final class RunManifest {
  static final int FORMAT_VERSION = 1;

  private final Instant startedAt = Instant.now();
  private final long startNanos = System.nanoTime();
  private long markNanos = startNanos;
  private final Map<String, Long> timingsMillis = new LinkedHashMap<>();
  private final List<Map<String, Object>> inputFiles;

  private RunManifest(List<Map<String, Object>> inputFiles) {
    this.inputFiles = inputFiles;
  }

  /** Starts the clock and lists the input files as they are before the run. */
  static RunManifest start(List<MatchResult.Metadata> matched) {
    List<Map<String, Object>> files = new ArrayList<>();
    for (MatchResult.Metadata m : matched) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("path", m.resourceId().toString());
      file.put("size_bytes", m.sizeBytes());
      if (m.lastModifiedMillis() > 0) {
        file.put("modified_at", Instant.ofEpochMilli(m.lastModifiedMillis()).toString());
      }
      files.add(file);
    }
    return new RunManifest(files);
  }

  /** Ends a stage that began at the previous mark (or the start). */
  void mark(String stage) {
    long now = System.nanoTime();
    timingsMillis.merge(stage, (now - markNanos) / 1_000_000, Long::sum);
    markNanos = now;
  }

  Map<String, Object> build(
      CorpusReportOptions options,
      PartitionPublisher publisher,
      List<String> tables,
      PipelineResult result)
      throws IOException {
    Path dir = publisher.stagingDir();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("manifest_version", FORMAT_VERSION);
    m.put("status", "succeeded");
    m.put("run_date", publisher.runDate().toString());
    m.put("partition", PartitionPublisher.partitionName(publisher.runDate()));
    m.put("output", publisher.partitionDir().toAbsolutePath().toString());
    BuildInfo build = BuildInfo.load();
    m.put("project_version", build.version());
    m.put("git_commit", build.gitCommit());
    m.put("runner", options.getRunner().getSimpleName());
    m.put("started_at", startedAt.toString());
    m.put("finished_at", Instant.now().toString());
    Map<String, Long> timings = new LinkedHashMap<>(timingsMillis);
    timings.put("total", (System.nanoTime() - startNanos) / 1_000_000);
    m.put("timings_ms", timings);
    m.put("input_files", inputFiles);
    m.put("options", options(options));
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : tables) {
      rows.put(table, TableRowCounts.rows(dir.resolve(table)));
    }
    m.put("row_counts", rows);
    m.put("files", files(dir));
    m.put("metrics", counters(result));
    return m;
  }

  /**
   * Every option of the report with its value (defaults included), plus any other option the
   * command line set, such as the Flink runner's.
   */
  static Map<String, Object> options(CorpusReportOptions options) {
    Map<String, Object> all = new TreeMap<>();
    try {
      ObjectMapper mapper =
          new ObjectMapper()
              .registerModules(ObjectMapper.findModules(ReflectHelpers.findClassLoader()));
      JsonNode set = mapper.valueToTree(options).get("options");
      if (set != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = set.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          all.put(e.getKey(), mapper.treeToValue(e.getValue(), Object.class));
        }
      }
    } catch (IOException | RuntimeException e) {
      // Fall back to the report's own options below.
    }
    for (Method getter : CorpusReportOptions.class.getMethods()) {
      Class<?> owner = getter.getDeclaringClass();
      String name = getter.getName();
      if (getter.getParameterCount() == 0
          && owner.getPackageName().startsWith("org.corpusanalytics")
          && PipelineOptions.class.isAssignableFrom(owner)
          && (name.startsWith("get") || name.startsWith("is"))) {
        String property = name.startsWith("get") ? name.substring(3) : name.substring(2);
        property = Character.toLowerCase(property.charAt(0)) + property.substring(1);
        try {
          all.put(property, getter.invoke(options));
        } catch (ReflectiveOperationException e) {
          all.put(property, null);
        }
      }
    }
    all.put("runner", options.getRunner().getSimpleName());
    all.remove("optionsId");
    return all;
  }

  /** Every file of the partition but the manifest itself, relative, with its size. */
  private static List<Map<String, Object>> files(Path dir) throws IOException {
    List<Map<String, Object>> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> sorted = new ArrayList<>();
      walk.filter(Files::isRegularFile).forEach(sorted::add);
      sorted.sort(null);
      for (Path p : sorted) {
        String relative = dir.relativize(p).toString().replace('\\', '/');
        if (relative.equals(PartitionPublisher.MANIFEST)
            || relative.equals(PartitionPublisher.SUCCESS)) {
          continue;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("path", relative);
        f.put("size_bytes", Files.size(p));
        files.add(f);
      }
    }
    return files;
  }

  /** Counters by "namespace/name", attempted values; empty when the runner cannot say. */
  private static Map<String, Long> counters(PipelineResult result) {
    Map<String, Long> counters = new TreeMap<>();
    try {
      MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder().build());
      for (MetricResult<Long> c : metrics.getCounters()) {
        Long v = c.getAttempted();
        counters.merge(
            c.getName().getNamespace() + "/" + c.getName().getName(), v == null ? 0 : v, Long::sum);
      }
    } catch (RuntimeException e) {
      // Some runners report no metrics after the run.
    }
    return counters;
  }
}
