package org.corpusanalytics.pipelines;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.corpusanalytics.transforms.ner.crf.HugeMethodCompilation;

/**
 * Runs the report in a child JVM that compiles CoreNLP's feature extractor when this JVM would
 * leave it to the interpreter (see {@link HugeMethodCompilation}): the CRF tagger, the report's
 * main cost, then runs 1.3 to 1.9 times as fast.
 *
 * <p>Only when the JVM flag is at its default: a flag given on the command line either way is
 * kept, and not for {@code --help} or the gazetteer recognizer. The decision is taken before
 * anything else is loaded, without parsing the options: a run on a Flink cluster (whose
 * TaskManagers take JVM options from their own configuration) pays the start of one more small
 * JVM on the submitting machine. The child
 * gets this JVM's options and class path, the same arguments, stdin/stdout/stderr and exit code;
 * it stops when this JVM stops (SIGTERM is passed on and waited for, so the child removes its
 * staging folder) or dies. A JVM started with a debugger, a profiler or an option that writes a
 * file is not doubled: the report then runs in it, and says how to get the faster tagger.
 */
public final class CompilingJvm {
  /** Set in the child: it runs the report itself and exits when its parent is gone. */
  static final String CHILD_PROPERTY = "corpus-analytics.compilingJvm";

  /** Environment variables whose options the JVM already lists among its input arguments. */
  private static final List<String> OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS");

  private static final long STOP_WAIT_SECONDS = 30;

  private CompilingJvm() {}

  /**
   * Runs {@code main} with {@code args} in a compiling child JVM when this one would not compile
   * the extractor; returns the child's exit code, or empty when the report should run in this
   * JVM.
   */
  public static OptionalInt runIfUseful(Class<?> main, String[] args) {
    if (Boolean.getBoolean(CHILD_PROPERTY)) {
      exitWithParent();
      return OptionalInt.empty();
    }
    if (!tagsWithTheCrf(args) || !HugeMethodCompilation.skippedByDefault()) {
      return OptionalInt.empty();
    }
    List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
    Optional<String> tool = toolOption(jvmOptions);
    if (tool.isPresent()) {
      System.err.println(
          "corpus-analytics: running in this JVM, as "
              + tool.get()
              + " asks; add "
              + HugeMethodCompilation.ENABLING_OPTION
              + " for a tagger 1.3-1.9x as fast");
      return OptionalInt.empty();
    }
    List<String> command =
        command(
            javaBinary(),
            jvmOptions,
            System.getProperty("java.class.path"),
            main.getName(),
            args);
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    Map<String, String> env = builder.environment();
    OPTION_VARIABLES.forEach(env::remove);
    Process child;
    try {
      child = builder.start();
    } catch (IOException e) {
      System.err.println(
          "corpus-analytics: could not start a JVM with "
              + HugeMethodCompilation.ENABLING_OPTION
              + " ("
              + e.getMessage()
              + "); running without it, the tagger 1.3-1.9x slower");
      return OptionalInt.empty();
    }
    Thread stopChild =
        new Thread(
            () -> {
              child.destroy();
              try {
                child.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "stop-compiling-jvm");
    Runtime.getRuntime().addShutdownHook(stopChild);
    try {
      int code = child.waitFor();
      Runtime.getRuntime().removeShutdownHook(stopChild);
      return OptionalInt.of(code);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.of(1);
    }
  }

  /**
   * False for {@code --help} and for the gazetteer recognizer, which never load the CRF. Beam
   * takes options only as {@code --name=value}, so a look at the arguments is enough.
   */
  static boolean tagsWithTheCrf(String[] args) {
    for (String arg : args) {
      if (arg.equals("--help")
          || arg.trim().toLowerCase(Locale.ROOT).equals("--recognizer=gazetteer")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The child's command line: this JVM's options, the option that compiles huge methods, the
   * marker property, the class path, the main class and the arguments.
   */
  static List<String> command(
      String java, List<String> jvmOptions, String classPath, String mainClass, String[] args) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.add(HugeMethodCompilation.ENABLING_OPTION);
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
