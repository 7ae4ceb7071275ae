package org.corpusanalytics.pipelines;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.corpusanalytics.transforms.ner.crf.HugeMethodCompilation;
import org.corpusanalytics.transforms.support.JvmFlags;

/**
 * Runs the report in a child JVM whose JIT suits it, when this JVM's flags are at their defaults:
 * the child compiles CoreNLP's feature extractor (see {@link HugeMethodCompilation}; the CRF
 * tagger, the report's main cost, then runs 1.3 to 1.9 times as fast) and inlines less, so that
 * C2, which otherwise takes a quarter to a third of a run's CPU, compiles less (whole-corpus
 * runs took 11-25% less time; BENCHMARKS.md, <i>Smaller inlining limits</i>). These options
 * change no result.
 *
 * <p>A flag given on the command line either way is kept, and the child gets only the options
 * whose flags are at their defaults; there is no child when there are none, nor for {@code
 * --help}. The decision is taken before anything else is loaded, without parsing the options: a
 * run on a Flink cluster (whose TaskManagers take JVM options from their own configuration) pays
 * the start of one more small JVM on the submitting machine; under {@code flink run}, which loads
 * the jar in a class loader of its own, the report stays in the CLI's JVM. The child gets this
 * JVM's options and class path, the same arguments, stdin/stdout/stderr and exit code; it stops
 * when this JVM stops (SIGTERM is passed on and waited for, so the child removes its staging
 * folder; one it leaves when killed, this JVM removes) or dies. A
 * JVM started with a debugger, a profiler or an option that writes a file is not doubled: the
 * report then runs in it, and says which options would make it faster. A child that runs out of
 * memory is stopped at once and the run fails with one line (see {@link #runChild}).
 */
public final class CompilingJvm {
  /** Set in the child: it runs the report itself and exits when its parent is gone. */
  static final String CHILD_PROPERTY = "corpus-analytics.compilingJvm";

  /**
   * Set in the child: the file where it lists the staging folders it creates, so that the parent
   * can remove them when the child could not (killed after running out of memory).
   */
  static final String STAGING_NOTE_PROPERTY = "corpus-analytics.stagingNote";

  /**
   * Smaller inlining limits than HotSpot's defaults (35, 325 and 2,500 bytes): most of C2's work
   * in a run is large methods with everything inlined into them, from setup code that runs once
   * per operator to the runners' per-record plumbing.
   */
  static final List<String> INLINING_OPTIONS =
      List.of("-XX:MaxInlineSize=10", "-XX:FreqInlineSize=100", "-XX:InlineSmallCode=1000");

  /** Environment variables whose options the JVM already lists among its input arguments. */
  private static final List<String> OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS");

  private static final long STOP_WAIT_SECONDS = 30;

  private CompilingJvm() {}

  /**
   * Runs {@code main} with {@code args} in a child JVM when this one lacks some of the {@link
   * #jitOptions}; returns the child's exit code, or empty when the report should run in this JVM.
   */
  public static OptionalInt runIfUseful(Class<?> main, String[] args) {
    if (Boolean.getBoolean(CHILD_PROPERTY)) {
      exitWithParent();
      return OptionalInt.empty();
    }
    if (Arrays.asList(args).contains("--help") || !onClassPath(main)) {
      return OptionalInt.empty();
    }
    List<String> missing = jitOptions(tagsWithTheCrf(args), JvmFlags::atDefault);
    if (missing.isEmpty()) {
      return OptionalInt.empty();
    }
    List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
    Optional<String> tool = toolOption(jvmOptions);
    if (tool.isPresent()) {
      System.err.println(
          "corpus-analytics: running in this JVM, as "
              + tool.get()
              + " asks; add "
              + String.join(" ", missing)
              + " for a faster run");
      return OptionalInt.empty();
    }
    List<String> command =
        command(
            javaBinary(),
            jvmOptions,
            missing,
            System.getProperty("java.class.path"),
            main.getName(),
            args);
    try {
      return OptionalInt.of(runChild(command, ProcessBuilder.Redirect.INHERIT, System.err));
    } catch (IOException e) {
      System.err.println(
          "corpus-analytics: could not start a JVM with "
              + String.join(" ", missing)
              + " ("
              + e.getMessage()
              + "); running without them, more slowly");
      return OptionalInt.empty();
    }
  }

  /**
   * Runs {@code command} (a JVM) with this JVM's stdin, its stdout and stderr sent to {@code
   * output}, and returns its exit code. Unless the command sets what happens on OutOfMemoryError
   * itself, the child is stopped (SIGTERM, so it removes its staging folder) at its first one, and
   * the code is 1 with one line saying what to do: on the Direct runner an OutOfMemoryError inside
   * the runner can otherwise leave the run waiting forever.
   */
  static int runChild(List<String> command, ProcessBuilder.Redirect output, PrintStream err)
      throws IOException {
    Path markerDir = Files.createTempDirectory("corpus-analytics-jvm");
    Path outOfMemory = markerDir.resolve("out-of-memory");
    Path stagingNote = markerDir.resolve("staging-folders");
    try {
      List<String> withHandler = new ArrayList<>(command);
      Optional<String> handler = outOfMemoryOption(command, outOfMemory);
      handler.ifPresent(option -> withHandler.add(1, option));
      withHandler.add(1, "-D" + STAGING_NOTE_PROPERTY + "=" + stagingNote);
      ProcessBuilder builder =
          new ProcessBuilder(withHandler)
              .redirectInput(ProcessBuilder.Redirect.INHERIT)
              .redirectOutput(output)
              .redirectError(output);
      Map<String, String> env = builder.environment();
      OPTION_VARIABLES.forEach(env::remove);
      Process child = builder.start();
      Thread stopChild = new Thread(() -> stop(child), "stop-compiling-jvm");
      Runtime.getRuntime().addShutdownHook(stopChild);
      int code = waitFor(child, outOfMemory);
      try {
        Runtime.getRuntime().removeShutdownHook(stopChild);
      } catch (IllegalStateException shuttingDown) {
        // This JVM is stopping (SIGTERM); the hook stops the child.
      }
      removeStagingLeftBy(stagingNote);
      if (Files.exists(outOfMemory)) {
        err.println(
            "corpus-analytics: the run ran out of memory (a Java heap of "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MiB) and was stopped; nothing was published. Give the JVM a larger heap"
                + " (java -Xmx8g -jar ...), or run on embedded Flink (--runner=FlinkRunner), whose"
                + " memory does not grow with the corpus");
        return 1;
      }
      return code;
    } finally {
      try {
        Files.deleteIfExists(outOfMemory);
        Files.deleteIfExists(stagingNote);
        Files.deleteIfExists(markerDir);
      } catch (IOException leftInTmp) {
        // The child has run: an empty folder left in the temp dir must not make the caller
        // think it never started (and run the report again).
      }
    }
  }

  /**
   * The option that makes the child touch {@code marker} and stop itself at its first
   * OutOfMemoryError; empty when {@code command} already says what to do then, or without a shell.
   */
  static Optional<String> outOfMemoryOption(List<String> command, Path marker) {
    boolean set =
        command.stream()
            .anyMatch(
                option ->
                    option.startsWith("-XX:OnOutOfMemoryError")
                        || option.endsWith("ExitOnOutOfMemoryError")
                        || option.endsWith("CrashOnOutOfMemoryError"));
    String path = marker.toString();
    if (set || !new File("/bin/sh").canExecute() || path.contains("'") || path.contains(";")) {
      return Optional.empty();
    }
    // The JVM runs each ';'-separated command with /bin/sh -c, %p being its own pid.
    return Optional.of("-XX:OnOutOfMemoryError=touch '" + path + "';kill -TERM %p");
  }

  /**
   * Removes the staging folders the child listed in {@code note} and left behind: a child killed
   * after running out of memory cannot remove its own (its SIGTERM handler may fail for lack of
   * memory too). A published or aborted run's folder is gone already.
   */
  private static void removeStagingLeftBy(Path note) {
    if (!Files.exists(note)) {
      return;
    }
    try {
      for (String line : Files.readAllLines(note)) {
        Path staging = Path.of(line);
        if (staging.getFileName().toString().startsWith(PartitionPublisher.STAGING_PREFIX)) {
          PartitionPublisher.deleteRecursively(staging);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Best effort, as in the child: a leftover _staging-* folder never shows up as a partition.
    }
  }

  /**
   * Whether {@code main} comes from the class path a child JVM would get. Under {@code flink run}
   * the report's jar is loaded by Flink's own class loader, not from {@code java.class.path}, and
   * the run must stay in the CLI's JVM, where the cluster's context is.
   */
  static boolean onClassPath(Class<?> main) {
    return main.getClassLoader() == ClassLoader.getSystemClassLoader();
  }

  /**
   * Waits for the child; once it has run out of memory, for at most {@link #STOP_WAIT_SECONDS}
   * more, then kills it.
   */
  private static int waitFor(Process child, Path outOfMemory) {
    try {
      while (!child.waitFor(1, TimeUnit.SECONDS)) {
        if (Files.exists(outOfMemory)) {
          if (!child.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();
          }
          return child.waitFor();
        }
      }
      return child.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.destroy();
      return 1;
    }
  }

  private static void stop(Process child) {
    child.destroy();
    try {
      child.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The JIT options a report runs best with, those whose flag {@code atDefault} says nobody set:
   * the huge-method option when the report tags with the CRF, and the {@link #INLINING_OPTIONS}.
   */
  public static List<String> jitOptions(boolean crf, Predicate<String> atDefault) {
    List<String> options = new ArrayList<>();
    if (crf) {
      options.add(HugeMethodCompilation.ENABLING_OPTION);
    }
    options.addAll(INLINING_OPTIONS);
    options.removeIf(option -> !atDefault.test(flagName(option)));
    return options;
  }

  /**
   * The HotSpot flag an {@code -XX:} option sets ({@code MaxInlineSize} for {@code
   * -XX:MaxInlineSize=10}); empty for other options.
   */
  public static String flagName(String option) {
    if (!option.startsWith("-XX:")) {
      return "";
    }
    String flag = option.substring("-XX:".length());
    if (flag.startsWith("+") || flag.startsWith("-")) {
      flag = flag.substring(1);
    }
    int equals = flag.indexOf('=');
    return equals < 0 ? flag : flag.substring(0, equals);
  }

  /**
   * False for the gazetteer recognizer, which never loads the CRF. Beam takes options only as
   * {@code --name=value}, so a look at the arguments is enough.
   */
  static boolean tagsWithTheCrf(String[] args) {
    for (String arg : args) {
      if (arg.trim().toLowerCase(Locale.ROOT).equals("--recognizer=gazetteer")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The child's command line: this JVM's options, the JIT options it lacks, the marker property,
   * the class path, the main class and the arguments.
   */
  static List<String> command(
      String java,
      List<String> jvmOptions,
      List<String> jitOptions,
      String classPath,
      String mainClass,
      String[] args) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.addAll(jitOptions);
    command.add("-D" + CHILD_PROPERTY + "=true");
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(Arrays.asList(args));
    return command;
  }

  /**
   * The first of {@code jvmOptions} that attaches a tool (a debugger, a profiler, an agent) or
   * writes a file as the JVM runs or exits: two JVMs would both do it (the second debugger cannot
   * even bind its port), so the report stays in this one.
   */
  public static Optional<String> toolOption(List<String> jvmOptions) {
    return jvmOptions.stream()
        .filter(option -> TOOL_OPTIONS.stream().anyMatch(option::startsWith))
        .findFirst();
  }

  private static final List<String> TOOL_OPTIONS =
      List.of(
          "-agentlib",
          "-agentpath",
          "-javaagent",
          "-Xrun",
          "-Xdebug",
          "-Xlog",
          "-Xloggc",
          "-XX:StartFlightRecording",
          "-XX:+FlightRecorder",
          "-XX:DumpLoadedClassList",
          "-XX:ArchiveClassesAtExit",
          "-XX:+PrintCompilation",
          "-XX:+LogCompilation");

  private static String javaBinary() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }

  /**
   * A child whose parent is killed (SIGKILL included) stops too, removing its staging folder,
   * rather than run on where nobody waits for it.
   */
  private static void exitWithParent() {
    ProcessHandle.current()
        .parent()
        .ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(143)));
  }
}
