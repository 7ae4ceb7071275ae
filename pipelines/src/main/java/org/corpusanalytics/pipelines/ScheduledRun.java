package org.corpusanalytics.pipelines;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/**
 * One scheduled run as the main class drives it: checks the scheduling options, stages the output
 * in a fresh folder ({@link PartitionPublisher}), runs the pipeline with progress lines
 * ({@link RunProgress}), and publishes the partition with its {@code manifest.json}
 * ({@link RunManifest}) or, on failure, removes the staging folder.
 */
final class ScheduledRun {
  private final PartitionPublisher publisher;
  private final RunManifest manifest;
  private final long progressMillis;
  private PipelineResult result;

  private ScheduledRun(PartitionPublisher publisher, RunManifest manifest, long progressMillis) {
    this.publisher = publisher;
    this.manifest = manifest;
    this.progressMillis = progressMillis;
  }

  /**
   * Checks {@code --runDate}, the publication window and {@code --compareTo} (throwing
   * IllegalArgumentException with a one-line message), fixes the run date in the options, lists
   * the inputs (failing, with the glob named, when one matches nothing) and creates the staging
   * folder.
   */
  static ScheduledRun prepare(CorpusReportOptions options) throws IOException {
    LocalDate runDate = ScheduledOutputs.runDate(options);
    options.setRunDate(runDate.toString());
    ScheduledOutputs.window(options);
    ScheduledOutputs.checkCompareTo(options);
    Path output = PartitionPublisher.localPath(options.getOutput());
    RunManifest manifest =
        RunManifest.start(CorpusFiles.match(CorpusReport.splitGlobs(options.getInput())));
    return new ScheduledRun(
        PartitionPublisher.create(output, runDate), manifest, RunProgress.DEFAULT_INTERVAL_MILLIS);
  }

  /** The folder the pipeline writes into: the staging folder. */
  String outputDir() {
    return publisher.stagingDir().toString();
  }

  Path partitionDir() {
    return publisher.partitionDir();
  }

  /** Runs the pipeline, printing progress to {@code out} while the runner lets us follow it. */
  PipelineResult.State run(Pipeline pipeline, PrintStream out) {
    manifest.mark("prepare");
    result = pipeline.run();
    PipelineResult.State state = RunProgress.follow(result, out, progressMillis);
    manifest.mark("pipeline");
    return state;
  }

  /** Writes manifest.json and _SUCCESS and publishes the partition. */
  void publish(CorpusReportOptions options, Collection<String> tables) throws IOException {
    removeEmptyTempDirs(publisher.stagingDir());
    manifest.mark("finish_tables");
    publisher.publish(manifest.build(options, publisher, List.copyOf(tables), result));
  }

  /** Removes the staging folder; the previous partition stays. */
  void abort() {
    publisher.abort();
  }

  /** Beam's file sinks can leave empty {@code .temp-beam*} folders behind on local disks. */
  private static void removeEmptyTempDirs(Path dir) throws IOException {
    List<Path> temps = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, ".temp-beam*")) {
      stream.forEach(temps::add);
    }
    for (Path temp : temps) {
      if (Files.isDirectory(temp)) {
        try (DirectoryStream<Path> inside = Files.newDirectoryStream(temp)) {
          if (inside.iterator().hasNext()) {
            continue;
          }
        }
        Files.delete(temp);
      }
    }
  }
}
