package org.corpusanalytics.pipelines;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.flink.api.java.ExecutionEnvironment;
import org.apache.flink.api.java.LocalEnvironment;

/**
 * Flink settings that users would otherwise have to know about.
 *
 * <p>{@code java -jar corpus-analytics.jar --runner=FlinkRunner --flinkMaster=HOST:PORT} works
 * without {@code --filesToStage}: the jar that is running is the job's code, so it is the one file
 * the Flink cluster needs.
 *
 * <p>Embedded Flink ({@code [local]}, or {@code [auto]} outside a {@code flink run}) gets one task
 * per core unless {@code --parallelism} is given: without it Beam falls back to parallelism 1 and
 * the tagger, the report's main cost, would use one core of many.
 *
 * <p>{@code --fasterCopy} is on unless given: without it Flink copies every element, through its
 * coder, between two steps chained in one task. The report's steps never change an element they
 * received or sent (the Direct runner checks that in the tests), so the copy is not needed.
 *
 * <p>Embedded Flink gets a configuration that turns off delegation tokens, unless {@code
 * --flinkConfDir} or {@code FLINK_CONF_DIR} names one: an embedded cluster has nothing to hand
 * tokens to, and fetching them goes through Hadoop's {@code UserGroupInformation}, which fails on
 * Java 23 and later ({@code Subject.getSubject is not supported}).
 *
 * <p>Only a remote master (HOST:PORT) stages files. {@code [local]} and {@code [collection]} run
 * the job in this JVM, and {@code [auto]} (the default) uses the environment of the {@code flink
 * run} command when there is one, which ships its own jar: for these nothing is set. When the code
 * does not run from a jar (tests, an IDE: a classes directory), nothing is set either and Beam
 * stages the class path as it finds it.
 */
final class FlinkSubmission {
  private FlinkSubmission() {}

  /**
   * Sets {@code filesToStage} to the running jar for a remote Flink master, and the parallelism of
   * embedded Flink to the number of cores, and turns {@code fasterCopy} on, unless they are set:
   * {@code args} are the command line the options were parsed from. Embedded Flink also gets a
   * configuration folder without delegation tokens (see above).
   */
  static void configure(PipelineOptions options, String... args) throws IOException {
    if (!FlinkRunner.class.equals(options.getRunner())) {
      return;
    }
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    if (Arrays.stream(args).noneMatch(arg -> arg.matches("--fasterCopy(=.*)?"))) {
      flink.setFasterCopy(true);
    }
    boolean embedded = isEmbedded(flink.getFlinkMaster());
    if (flink.getParallelism() <= 0 && embedded) {
      flink.setParallelism(Runtime.getRuntime().availableProcessors());
    }
    if (embedded && flink.getFlinkConfDir() == null && System.getenv(FLINK_CONF_DIR) == null) {
      flink.setFlinkConfDir(embeddedConfDir().toString());
    }
    if (flink.getFilesToStage() != null || !isRemote(flink.getFlinkMaster())) {
      return;
    }
    runningJar().ifPresent(jar -> flink.setFilesToStage(List.of(jar.toString())));
  }

  /**
   * True for a Flink that runs in this JVM: {@code [local]}, and {@code [auto]} (or unset) unless
   * this JVM was started by {@code flink run}, whose context brings the cluster's parallelism.
   */
  static boolean isEmbedded(String flinkMaster) {
    String master = flinkMaster == null ? "" : flinkMaster.trim();
    if (master.equals("[local]")) {
      return true;
    }
    if (!master.isEmpty() && !master.equals("[auto]")) {
      return false;
    }
    return ExecutionEnvironment.getExecutionEnvironment() instanceof LocalEnvironment;
  }

  /** The environment variable naming Flink's configuration folder when no option does. */
  static final String FLINK_CONF_DIR = "FLINK_CONF_DIR";

  /** Embedded Flink's configuration, beyond Flink's defaults. */
  static final String EMBEDDED_CONFIG = "security.delegation.tokens.enabled: false\n";

  /** A temporary folder holding {@link #EMBEDDED_CONFIG} as {@code config.yaml}. */
  static Path embeddedConfDir() throws IOException {
    Path dir = Files.createTempDirectory("corpus-analytics-flink-conf");
    dir.toFile().deleteOnExit();
    Path config = Files.writeString(dir.resolve("config.yaml"), EMBEDDED_CONFIG);
    config.toFile().deleteOnExit(); // registered after the folder, so deleted before it
    return dir;
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
