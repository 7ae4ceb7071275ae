package org.corpusanalytics.pipelines;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Publishes one run's output as the partition {@code OUTPUT/run_date=YYYY-MM-DD/}, all or nothing.
 *
 * <p>The run writes into {@link #stagingDir()}, {@code OUTPUT/_staging-<runDate>-<random>/}. After
 * the run succeeded, {@link #publish} writes {@code manifest.json} and then {@code _SUCCESS} into
 * the staging folder and swaps it into place: an existing partition is renamed aside to
 * {@code OUTPUT/_previous-<runDate>-<random>/}, the staging folder is renamed to the partition, and
 * the previous partition is deleted. A failed run calls {@link #abort}, which deletes the staging
 * folder, so the previous partition stays as it was and nothing half-written is left.
 *
 * <p>Semantics are those of a local (or mounted POSIX) file system through {@code java.nio}: each
 * rename is atomic, so a reader sees either the old partition or the new one, complete with its
 * {@code _SUCCESS}; during the instant between the two renames of a rerun the partition is
 * missing. Readers should glob {@code run_date=*} so they skip the underscore folders. On object
 * stores (S3, GCS) there is no directory rename: the move would be per file and not atomic, so
 * readers there must wait for {@code _SUCCESS}. This class therefore accepts local paths and
 * {@code file:} URIs only.
 *
 * <p>Runs for different dates may share an output folder; two runs for the same date at once are
 * not supported (the later publish wins).
 */
public final class PartitionPublisher {
  static final String SUCCESS = "_SUCCESS";
  static final String MANIFEST = "manifest.json";
  static final String STAGING_PREFIX = "_staging-";
  static final String PREVIOUS_PREFIX = "_previous-";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path outputDir;
  /** The highest folder of {@code outputDir} that this run created, if any. */
  @Nullable private final Path createdOutputRoot;
  private final LocalDate runDate;
  private final Path staging;
  private final Path partition;
  private final Thread cleanupOnExit;
  private boolean finished;

  private PartitionPublisher(
      Path outputDir, @Nullable Path createdOutputRoot, LocalDate runDate, Path staging) {
    this.outputDir = outputDir;
    this.createdOutputRoot = createdOutputRoot;
    this.runDate = runDate;
    this.staging = staging;
    this.partition = outputDir.resolve(partitionName(runDate));
    // A run killed by SIGTERM (an Airflow timeout, systemd stop) still removes its staging folder.
    this.cleanupOnExit = new Thread(this::deleteStagingQuietly, "partition-publisher-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanupOnExit);
  }

  /** Creates the staging folder for a run of {@code runDate} under {@code outputDir}. */
  public static PartitionPublisher create(Path outputDir, LocalDate runDate) throws IOException {
    Path createdRoot = null;
    for (Path p = outputDir; p != null && !Files.exists(p); p = p.getParent()) {
      createdRoot = p;
    }
    Files.createDirectories(outputDir);
    Path staging = outputDir.resolve(STAGING_PREFIX + runDate + "-" + randomSuffix());
    Files.createDirectory(staging);
    noteForParentJvm(staging);
    return new PartitionPublisher(outputDir, createdRoot, runDate, staging);
  }

  /**
   * In {@link CompilingJvm}'s child, lists {@code staging} where the parent looks for folders to
   * remove should this JVM be killed.
   */
  private static void noteForParentJvm(Path staging) throws IOException {
    String note = System.getProperty(CompilingJvm.STAGING_NOTE_PROPERTY);
    if (note != null) {
      Files.writeString(
          Path.of(note),
          staging.toAbsolutePath() + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }

  /** The local path of {@code --output}, which may be a plain path or a {@code file:} URI. */
  public static Path localPath(String output) {
    if (output.startsWith("file:")) {
      return Paths.get(URI.create(output));
    }
    if (output.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
      throw new IllegalArgumentException(
          "--output must be a local folder; " + output + " is on a file system without atomic"
              + " folder renames, which publishing a partition needs");
    }
    // Absolute: a Flink cluster's TaskManagers write into it from their own working folders.
    return Paths.get(output).toAbsolutePath();
  }

  public static String partitionName(LocalDate runDate) {
    return "run_date=" + runDate;
  }

  /** Where the run writes its tables and files. */
  public Path stagingDir() {
    return staging;
  }

  /** Where the run's output is once published: {@code OUTPUT/run_date=YYYY-MM-DD}. */
  public Path partitionDir() {
    return partition;
  }

  public LocalDate runDate() {
    return runDate;
  }

  /**
   * Writes {@code manifest} as {@code manifest.json}, then {@code _SUCCESS}, into the staging
   * folder and moves it into place, replacing a previous partition of the same date.
   */
  public synchronized void publish(Map<String, Object> manifest) throws IOException {
    if (finished) {
      throw new IllegalStateException("already published or aborted: " + staging);
    }
    Files.write(staging.resolve(MANIFEST), JSON.writeValueAsBytes(manifest));
    Files.write(staging.resolve(SUCCESS), new byte[0]);
    swapIntoPlace();
    finished = true;
    removeHook();
  }

  /** Deletes the staging folder; the published partition, if any, is left alone. Idempotent. */
  public synchronized void abort() {
    if (finished) {
      return;
    }
    finished = true;
    deleteStagingQuietly();
    removeCreatedOutputFolders();
    removeHook();
  }

  /**
   * Removes the output folder and its parents that this run created, while they are empty: a run
   * stopped by a bad option leaves no trace.
   */
  private void removeCreatedOutputFolders() {
    if (createdOutputRoot == null) {
      return;
    }
    for (Path p = outputDir; p != null; p = p.getParent()) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException notEmptyOrNotOurs) {
        return;
      }
      if (p.equals(createdOutputRoot)) {
        return;
      }
    }
  }

  private void swapIntoPlace() throws IOException {
    for (int attempt = 1; ; attempt++) {
      Path previous = null;
      if (Files.exists(partition)) {
        previous = outputDir.resolve(PREVIOUS_PREFIX + runDate + "-" + randomSuffix());
        move(partition, previous);
      }
      try {
        move(staging, partition);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
        // Another run published the same date between our two renames: try again, a few times.
        if (previous != null) {
          deleteRecursively(previous);
        }
        if (attempt == 3) {
          throw e;
        }
        continue;
      } catch (IOException | RuntimeException e) {
        if (previous != null) {
          move(previous, partition); // put the previous partition back
        }
        throw e;
      }
      if (previous != null) {
        try {
          deleteRecursively(previous);
        } catch (IOException e) {
          // The new partition is in place; a leftover _previous-* folder is harmless to readers
          // who glob run_date=*, and the next run of any date can be followed by a manual rm.
        }
      }
      return;
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "cannot rename " + from + " to " + to + " atomically; the output folder must be on one"
              + " local file system", e);
    }
  }

  private void deleteStagingQuietly() {
    try {
      deleteRecursively(staging);
    } catch (IOException | UncheckedIOException e) {
      // Best effort: a leftover _staging-* folder never shows up as a partition.
    }
  }

  private void removeHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down.
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<Path>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
              throw e;
            }
            Files.deleteIfExists(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static String randomSuffix() {
    return Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
  }
}
