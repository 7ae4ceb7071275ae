package org.corpusanalytics.pipelines;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Makes {@code java -jar corpus-analytics.jar --runner=FlinkRunner --flinkMaster=HOST:PORT} work
 * without {@code --filesToStage}: the jar that is running is the job's code, so it is the one file
 * the Flink cluster needs.
 *
 * <p>Only a remote master (HOST:PORT) stages files. {@code [local]} and {@code [collection]} run
 * the job in this JVM, and {@code [auto]} (the default) uses the environment of the {@code flink
 * run} command when there is one, which ships its own jar: for these nothing is set. When the code
 * does not run from a jar (tests, an IDE: a classes directory), nothing is set either and Beam
 * stages the class path as it finds it.
 */
final class FlinkSubmission {
  private FlinkSubmission() {}

  /** Sets {@code filesToStage} to the running jar for a remote Flink master, unless already set. */
  static void configure(PipelineOptions options) {
    if (!FlinkRunner.class.equals(options.getRunner())) {
      return;
    }
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    if (flink.getFilesToStage() != null || !isRemote(flink.getFlinkMaster())) {
      return;
    }
    runningJar().ifPresent(jar -> flink.setFilesToStage(List.of(jar.toString())));
  }

  /** True for HOST:PORT (or a URL), false for [local], [collection], [auto] and unset. */
  static boolean isRemote(String flinkMaster) {
    if (flinkMaster == null) {
      return false;
    }
    String master = flinkMaster.trim();
    return !master.isEmpty() && !master.matches("\\[(auto|local|collection)\\]");
  }

  /** The jar this class was loaded from; empty when it was loaded from a directory. */
  static Optional<Path> runningJar() {
    CodeSource source = CorpusReport.class.getProtectionDomain().getCodeSource();
    URL location = source == null ? null : source.getLocation();
    if (location == null || !"file".equals(location.getProtocol())) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(location.toURI()).toAbsolutePath().normalize();
      return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
