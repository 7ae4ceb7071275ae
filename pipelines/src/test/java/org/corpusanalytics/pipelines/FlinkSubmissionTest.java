package org.corpusanalytics.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assume.assumeThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import java.util.List;
import java.util.Optional;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.SecurityOptions;
import org.junit.Test;

public class FlinkSubmissionTest {
  private static FlinkPipelineOptions options(String... args) {
    PipelineOptions options = PipelineOptionsFactory.fromArgs(args).create();
    try {
      FlinkSubmission.configure(options, args);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return options.as(FlinkPipelineOptions.class);
  }

  @Test
  public void onlyAHostAndPortIsARemoteMaster() {
    assertThat(FlinkSubmission.isRemote("127.0.0.1:8081"), equalTo(true));
    assertThat(FlinkSubmission.isRemote("http://flink.example:8081"), equalTo(true));
    assertThat(FlinkSubmission.isRemote("[local]"), equalTo(false));
    assertThat(FlinkSubmission.isRemote("[auto]"), equalTo(false));
    assertThat(FlinkSubmission.isRemote("[collection]"), equalTo(false));
    assertThat(FlinkSubmission.isRemote(""), equalTo(false));
    assertThat(FlinkSubmission.isRemote(null), equalTo(false));
  }

  @Test
  public void otherRunnersAndEmbeddedFlinkStageNothing() {
    assertThat(options("--flinkMaster=127.0.0.1:8081").getFilesToStage(), nullValue());
    assertThat(options("--runner=FlinkRunner").getFilesToStage(), nullValue());
    assertThat(
        options("--runner=FlinkRunner", "--flinkMaster=[local]").getFilesToStage(), nullValue());
  }

  @Test
  public void embeddedFlinkRunsOneTaskPerCoreUnlessTold() {
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(options("--runner=FlinkRunner", "--flinkMaster=[local]").getParallelism(), equalTo(cores));
    assertThat(options("--runner=FlinkRunner").getParallelism(), equalTo(cores));
    assertThat(
        options("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=3").getParallelism(),
        equalTo(3));
    // A cluster's parallelism is its own (its configuration, or --parallelism).
    assertThat(
        options("--runner=FlinkRunner", "--flinkMaster=127.0.0.1:8081").getParallelism(),
        equalTo(-1));
    assertThat(options("--flinkMaster=[local]").getParallelism(), equalTo(-1));
  }

  @Test
  public void flinkSkipsTheCopyBetweenChainedStepsUnlessTold() {
    assertThat(options("--runner=FlinkRunner").getFasterCopy(), equalTo(true));
    assertThat(
        options("--runner=FlinkRunner", "--fasterCopy=false").getFasterCopy(), equalTo(false));
    assertThat(options("--fasterCopy=false").getFasterCopy(), equalTo(false));
  }

  @Test
  public void embeddedFlinkFetchesNoDelegationTokensUnlessConfiguredElsewhere() {
    // With FLINK_CONF_DIR set, Flink reads that folder and nothing is set here.
    assumeThat(System.getenv(FlinkSubmission.FLINK_CONF_DIR), nullValue());
    for (FlinkPipelineOptions embedded :
        List.of(options("--runner=FlinkRunner", "--flinkMaster=[local]"), options("--runner=FlinkRunner"))) {
      String confDir = embedded.getFlinkConfDir();
      assertThat(confDir, notNullValue());
      Configuration config = GlobalConfiguration.loadConfiguration(confDir);
      assertThat(config.get(SecurityOptions.DELEGATION_TOKENS_ENABLED), equalTo(false));
      // Flink's default, so the file really is what switches the tokens off.
      assertThat(SecurityOptions.DELEGATION_TOKENS_ENABLED.defaultValue(), equalTo(true));
    }
    assertThat(
        options("--runner=FlinkRunner", "--flinkMaster=[local]", "--flinkConfDir=/etc/flink")
            .getFlinkConfDir(),
        equalTo("/etc/flink"));
    assertThat(
        options("--runner=FlinkRunner", "--flinkMaster=127.0.0.1:8081").getFlinkConfDir(),
        nullValue());
    assertThat(options("--flinkMaster=[local]").getFlinkConfDir(), nullValue());
  }

  @Test
  public void explicitFilesToStageAreKept() {
    assertThat(
        options("--runner=FlinkRunner", "--flinkMaster=127.0.0.1:8081", "--filesToStage=/x.jar")
            .getFilesToStage(),
        equalTo(List.of("/x.jar")));
  }

  @Test
  public void fromAClassesDirectoryBeamFindsTheFilesItself() {
    // Unit tests run from target/classes: there is no jar to stage.
    assertThat(FlinkSubmission.runningJar(), equalTo(Optional.empty()));
    assertThat(
        options("--runner=FlinkRunner", "--flinkMaster=127.0.0.1:8081").getFilesToStage(),
        nullValue());
  }
}
