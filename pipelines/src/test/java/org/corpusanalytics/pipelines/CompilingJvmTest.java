package org.corpusanalytics.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.corpusanalytics.transforms.ner.crf.HugeMethodCompilation;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CompilingJvmTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void theChildGetsThisJvmsOptionsTheJitOptionsTheClassPathAndTheArguments() {
    List<String> command =
        CompilingJvm.command(
            "/jdk/bin/java",
            List.of("-Xmx8g", "-Dkey=value"),
            List.of("-XX:-DontCompileHugeMethods", "-XX:MaxInlineSize=10"),
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
            "-XX:MaxInlineSize=10",
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
  public void theGazetteerDoesNotNeedTheCrf() {
    assertThat(CompilingJvm.tagsWithTheCrf(args()), equalTo(true));
    assertThat(CompilingJvm.tagsWithTheCrf(args("--recognizer=crf")), equalTo(true));
    assertThat(CompilingJvm.tagsWithTheCrf(args("--runner=FlinkRunner")), equalTo(true));
    assertThat(
        CompilingJvm.tagsWithTheCrf(args("--recognizer=Gazetteer", "--gazetteer=watchlist.csv")),
        equalTo(false));
  }

  @Test
  public void theChildGetsOnlyTheJitOptionsWhoseFlagsNobodySet() {
    assertThat(
        CompilingJvm.jitOptions(true, flag -> true),
        contains(
            "-XX:-DontCompileHugeMethods",
            "-XX:MaxInlineSize=10",
            "-XX:FreqInlineSize=100",
            "-XX:InlineSmallCode=1000"));
    assertThat(
        CompilingJvm.jitOptions(false, flag -> true),
        contains("-XX:MaxInlineSize=10", "-XX:FreqInlineSize=100", "-XX:InlineSmallCode=1000"));
    assertThat(
        CompilingJvm.jitOptions(true, flag -> !flag.equals("MaxInlineSize")),
        contains(
            "-XX:-DontCompileHugeMethods", "-XX:FreqInlineSize=100", "-XX:InlineSmallCode=1000"));
    assertThat(
        CompilingJvm.jitOptions(false, flag -> flag.equals("DontCompileHugeMethods")), empty());
  }

  @Test
  public void flagNamesComeFromXxOptionsOnly() {
    assertThat(
        CompilingJvm.flagName("-XX:-DontCompileHugeMethods"), equalTo("DontCompileHugeMethods"));
    assertThat(CompilingJvm.flagName("-XX:+UseParallelGC"), equalTo("UseParallelGC"));
    assertThat(CompilingJvm.flagName("-XX:InlineSmallCode=1000"), equalTo("InlineSmallCode"));
    assertThat(CompilingJvm.flagName("-Xmx8g"), equalTo(""));
  }

  @Test
  public void aJvmWithAllTheJitOptionsRunsTheReportItself() {
    // The tests' JVMs get the options from the build (surefire's argLine).
    assertThat(HugeMethodCompilation.enabled(), equalTo(true));
    assertThat(HugeMethodCompilation.skippedByDefault(), equalTo(false));
    assertThat(
        "argLine and CompilingJvm.INLINING_OPTIONS agree",
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
        hasItems(CompilingJvm.INLINING_OPTIONS.toArray(new String[0])));
    assertThat(CompilingJvm.runIfUseful(CorpusReport.class, args()), equalTo(OptionalInt.empty()));
    assertThat(
        CompilingJvm.runIfUseful(CorpusReport.class, args("--recognizer=gazetteer")),
        equalTo(OptionalInt.empty()));
  }

  @Test
  public void aChildThatRunsOutOfMemoryIsStoppedAndTheRunFailsWithOneLine() throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(runInChild(ExhaustTheHeap.class, err), equalTo(1));
    assertThat(err.toString(), containsString("the run ran out of memory (a Java heap of "));
    assertThat(err.toString(), containsString("--runner=FlinkRunner"));
  }

  @Test
  public void aChildsExitCodeIsPassedOn() throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(runInChild(ExitWithThree.class, err), equalTo(3));
    assertThat(err.toString(), equalTo(""));
  }

  @Test
  public void theStagingFolderOfAKilledChildIsRemoved() throws IOException {
    Path out = tmp.getRoot().toPath().resolve("out");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(runInChild(HaltWithAStagingFolder.class, err, out.toString()), equalTo(9));
    try (Stream<Path> left = Files.list(out)) {
      assertThat(left.collect(Collectors.toList()), empty());
    }
  }

  @Test
  public void aMainClassFromAnotherClassLoaderRunsInThisJvm() throws Exception {
    URL classes = CompilingJvm.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader flinkLike =
        new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
      Class<?> main = flinkLike.loadClass(CorpusReport.class.getName());
      assertThat(CompilingJvm.onClassPath(main), equalTo(false));
    }
    assertThat(CompilingJvm.onClassPath(CorpusReport.class), equalTo(true));
  }

  @Test
  public void theOutOfMemoryHandlerIsOnlyAddedWhereNobodySetOne() {
    Path marker = Paths.get("/tmp/marker");
    assertThat(
        CompilingJvm.outOfMemoryOption(List.of("java", "-Xmx1g", "Main"), marker),
        equalTo(Optional.of("-XX:OnOutOfMemoryError=touch '/tmp/marker';kill -TERM %p")));
    assertThat(
        CompilingJvm.outOfMemoryOption(List.of("java", "-XX:+ExitOnOutOfMemoryError"), marker),
        equalTo(Optional.empty()));
    assertThat(
        CompilingJvm.outOfMemoryOption(List.of("java", "-XX:OnOutOfMemoryError=kill %p"), marker),
        equalTo(Optional.empty()));
    // The JVM splits the handler's commands at ';', and a quote would end the shell's quoting.
    assertThat(
        CompilingJvm.outOfMemoryOption(List.of("java"), Paths.get("/tmp/a;b")),
        equalTo(Optional.empty()));
  }

  /** Runs {@code main} in a child JVM with a 32 MiB heap; the launcher's lines go to err. */
  private static int runInChild(Class<?> main, ByteArrayOutputStream err, String... args)
      throws IOException {
    List<String> command =
        CompilingJvm.command(
            Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
            List.of("-Xmx32m"),
            List.of(),
            System.getProperty("java.class.path"),
            main.getName(),
            args);
    return CompilingJvm.runChild(
        command, ProcessBuilder.Redirect.DISCARD, new PrintStream(err, true));
  }

  /** A child JVM that fills its heap. */
  public static final class ExhaustTheHeap {
    public static void main(String[] args) {
      List<long[]> hog = new ArrayList<>();
      while (true) {
        hog.add(new long[1 << 20]);
      }
    }
  }

  /**
   * A child JVM that creates a staging folder under {@code args[0]}, then halts without running
   * its shutdown hooks, as {@code kill -9} would.
   */
  public static final class HaltWithAStagingFolder {
    public static void main(String[] args) throws IOException {
      PartitionPublisher.create(Paths.get(args[0]), LocalDate.parse("2024-03-10"));
      Runtime.getRuntime().halt(9);
    }
  }

  /** A child JVM that exits with code 3. */
  public static final class ExitWithThree {
    public static void main(String[] args) {
      System.exit(3);
    }
  }

  private static String[] args(String... extra) {
    String[] all = new String[extra.length + 2];
    all[0] = "--input=testdata/corpus/*";
    all[1] = "--output=target/unused";
    System.arraycopy(extra, 0, all, 2, extra.length);
    return all;
  }
}
