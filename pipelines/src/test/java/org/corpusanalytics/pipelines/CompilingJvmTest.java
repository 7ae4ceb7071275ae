package org.corpusanalytics.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.corpusanalytics.transforms.ner.crf.HugeMethodCompilation;
import org.junit.Test;

public class CompilingJvmTest {
  @Test
  public void theChildGetsThisJvmsOptionsTheFlagTheClassPathAndTheArguments() {
    List<String> command =
        CompilingJvm.command(
            "/jdk/bin/java",
            List.of("-Xmx8g", "-Dkey=value"),
            "corpus-analytics.jar",
            "org.example.Main",
            new String[] {"--input=in/*", "--output=out"});
    assertThat(
        command,
        contains(
            "/jdk/bin/java",
            "-Xmx8g",
            "-Dkey=value",
            "-XX:-DontCompileHugeMethods",
            "-Dcorpus-analytics.compilingJvm=true",
            "-cp",
            "corpus-analytics.jar",
            "org.example.Main",
            "--input=in/*",
            "--output=out"));
  }

  @Test
  public void aJvmWithADebuggerProfilerOrFileWritingOptionIsNotDoubled() {
    assertThat(
        CompilingJvm.toolOption(
            List.of("-Xmx8g", "-agentlib:jdwp=transport=dt_socket,server=y,address=5005")),
        equalTo(Optional.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005")));
    assertThat(
        CompilingJvm.toolOption(List.of("-XX:DumpLoadedClassList=corpus-analytics.classlist")),
        equalTo(Optional.of("-XX:DumpLoadedClassList=corpus-analytics.classlist")));
    assertThat(
        CompilingJvm.toolOption(List.of("-XX:StartFlightRecording=filename=run.jfr")).isPresent(),
        equalTo(true));
    assertThat(
        CompilingJvm.toolOption(
            List.of("-Xmx8g", "-XX:SharedArchiveFile=corpus-analytics.jsa", "-XX:MaxInlineSize=10")),
        equalTo(Optional.empty()));
  }

  @Test
  public void helpAndTheGazetteerDoNotNeedTheCrf() {
    assertThat(CompilingJvm.tagsWithTheCrf(args()), equalTo(true));
    assertThat(CompilingJvm.tagsWithTheCrf(args("--recognizer=crf")), equalTo(true));
    assertThat(CompilingJvm.tagsWithTheCrf(args("--runner=FlinkRunner")), equalTo(true));
    assertThat(CompilingJvm.tagsWithTheCrf(args("--help")), equalTo(false));
    assertThat(
        CompilingJvm.tagsWithTheCrf(args("--recognizer=Gazetteer", "--gazetteer=watchlist.csv")),
        equalTo(false));
  }

  @Test
  public void aJvmThatAlreadyCompilesHugeMethodsRunsTheReportItself() {
    // The tests' JVMs get the option from the build (surefire's argLine).
    assertThat(HugeMethodCompilation.enabled(), equalTo(true));
    assertThat(HugeMethodCompilation.skippedByDefault(), equalTo(false));
    assertThat(CompilingJvm.runIfUseful(CorpusReport.class, args()), equalTo(OptionalInt.empty()));
  }

  private static String[] args(String... extra) {
    String[] all = new String[extra.length + 2];
    all[0] = "--input=testdata/corpus/*";
    all[1] = "--output=target/unused";
    System.arraycopy(extra, 0, all, 2, extra.length);
    return all;
  }
}
