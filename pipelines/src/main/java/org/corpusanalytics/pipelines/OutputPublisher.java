package org.corpusanalytics.pipelines;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a run's output all at once. The pipeline writes into a staging folder beside the final
 * location, {@code <parent>/_<name>.staging-<id>}; only when the run succeeded does {@link
 * #publish()} move it into place. A run that fails calls {@link #discard()}: the staging folder is
 * removed and whatever was at the final location stays as it was.
 *
 * <p>On a local file system publishing is two renames in the same folder: a previous output is moved
 * aside to {@code <parent>/_<name>.previous-<id>}, the staging folder is renamed to the final name,
 * and the previous output is deleted. Readers see either the old or the new output, complete (for the
 * instant between the renames, none). Names starting with {@code _} are skipped by Spark, Hive and
 * other readers of partitioned folders, so a staging folder is never read as data.
 *
 * <p>On object stores (any non-local Beam file system) there are no folder renames: the previous
 * output's files are deleted and the staged files are renamed one by one, which is neither atomic nor
 * cheap (a copy per file on most stores). A failed run still publishes nothing.
 *
 * <p>A previous output is replaced only if it holds nothing but the given entries (the report's table
 * folders), so a mistyped {@code --output} cannot delete unrelated files.
 *
 * <p>The final location can be any folder, e.g. a dated partition {@code OUTPUT/run_date=2024-05-01}:
 * its staging folder is then {@code OUTPUT/_run_date=2024-05-01.staging-<id>}.
 */
public final class OutputPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(OutputPublisher.class);

  private final String target;
  private final String staging;
  private final String aside;
  private final Set<String> replaceable;
  private final boolean renameFolders;

  private OutputPublisher(
      String target, Collection<String> replaceable, String runId, boolean renameFolders) {
    this.target = stripTrailingSlashes(target);
    int slash = this.target.lastIndexOf('/');
    String name = this.target.substring(slash + 1);
    String parent = slash < 0 ? "" : this.target.substring(0, slash + 1);
    if (name.isEmpty() || name.equals(".") || name.equals("..") || parent.endsWith("://")) {
      throw new IllegalArgumentException(
          "--output " + target + " must name a folder inside another folder (or bucket)");
    }
    this.staging = parent + "_" + name + ".staging-" + runId;
    this.aside = parent + "_" + name + ".previous-" + runId;
    this.replaceable = Set.copyOf(replaceable);
    this.renameFolders = renameFolders && isLocal(this.target);
  }

  /**
   * Publishes to {@code target}, replacing a previous output there if it holds only {@code
   * replaceable} entries.
   */
  public static OutputPublisher to(String target, Collection<String> replaceable) {
    return new OutputPublisher(
        resolveLocal(target), replaceable, UUID.randomUUID().toString().substring(0, 8), true);
  }

  /** For tests: a fixed run id, and file-by-file moves (as on object stores) if not renameFolders. */
  static OutputPublisher to(
      String target, Collection<String> replaceable, String runId, boolean renameFolders) {
    return new OutputPublisher(resolveLocal(target), replaceable, runId, renameFolders);
  }

  /** The final location. */
  public String target() {
    return target;
  }

  /** Where the run writes its output; it exists only once the run wrote something. */
  public String stagingDir() {
    return staging;
  }

  /**
   * Fails with {@link IllegalArgumentException} when the target is a file, or a folder holding
   * anything but a previous output. Call it before the run, so that a bad {@code --output} is found
   * early; {@link #publish()} checks again.
   */
  public void checkTarget() throws IOException {
    Set<String> foreign = new TreeSet<>();
    if (isLocal(target)) {
      Path t = localPath(target);
      if (!Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      if (!Files.isDirectory(t)) {
        throw new IllegalArgumentException("--output " + target + " is a file, not a folder");
      }
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(t)) {
        for (Path e : entries) {
          if (!replaceable.contains(e.getFileName().toString())) {
            foreign.add(e.getFileName().toString());
          }
        }
      }
    } else {
      for (ResourceId file : matchAll(target + "/**")) {
        String relative = relative(file.toString(), target);
        int slash = relative.indexOf('/');
        String top = slash < 0 ? relative : relative.substring(0, slash);
        if (!replaceable.contains(top)) {
          foreign.add(top);
        }
      }
    }
    if (!foreign.isEmpty()) {
      throw new IllegalArgumentException(
          "--output " + target + " holds " + foreign.size() + " entries that are not tables of a"
              + " report (" + String.join(", ", first(foreign, 5)) + "); a run replaces the whole"
              + " folder, so choose a new or empty folder, or remove them");
    }
  }

  /**
   * Moves the staged output to the final location, replacing a previous output.
   *
   * @throws IOException if nothing was staged or a move failed; a previous output is then put back
   *     where the file system allows it (always on a local one)
   */
  public void publish() throws IOException {
    checkTarget();
    if (renameFolders) {
      publishByRenamingFolders();
    } else {
      publishFileByFile();
    }
  }

  /** Removes the staging folder and all in it; never throws. */
  public void discard() {
    try {
      delete(staging);
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not remove the staging folder {}: {}", staging, e.toString());
    }
  }

  private void publishByRenamingFolders() throws IOException {
    Path s = localPath(staging);
    Path t = localPath(target);
    Path a = localPath(aside);
    if (!Files.isDirectory(s)) {
      throw new IOException("nothing was staged at " + s);
    }
    boolean movedAside = false;
    if (Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
      Files.move(t, a, StandardCopyOption.ATOMIC_MOVE);
      movedAside = true;
    }
    try {
      Files.move(s, t, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (movedAside) {
        try {
          Files.move(a, t, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException back) {
          e.addSuppressed(back);
        }
      }
      throw e;
    }
    if (movedAside) {
      try {
        deleteLocal(a);
      } catch (IOException e) {
        LOG.warn("published {}, but could not delete the previous output {}: {}", t, a, e.toString());
      }
    }
  }

  private void publishFileByFile() throws IOException {
    List<ResourceId> staged = matchAll(staging + "/**");
    if (staged.isEmpty()) {
      throw new IOException("nothing was staged at " + staging);
    }
    List<ResourceId> previous = new ArrayList<>();
    for (String entry : replaceable) {
      previous.addAll(matchAll(target + "/" + entry + "/**"));
      previous.addAll(matchAll(target + "/" + entry));
    }
    FileSystems.delete(previous, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    List<ResourceId> destinations = new ArrayList<>();
    for (ResourceId file : staged) {
      destinations.add(
          FileSystems.matchNewResource(target + "/" + relative(file.toString(), staging), false));
    }
    FileSystems.rename(staged, destinations);
    delete(staging); // what is left: empty folders on a local file system
  }

  private static void delete(String dir) throws IOException {
    if (isLocal(dir)) {
      deleteLocal(localPath(dir));
    } else {
      FileSystems.delete(
          matchAll(dir + "/**"), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }

  /** Deletes a file or folder tree; a symbolic link is deleted, not followed. */
  private static void deleteLocal(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
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
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static List<ResourceId> matchAll(String glob) throws IOException {
    MatchResult match = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
    List<ResourceId> ids = new ArrayList<>();
    if (match.status() == MatchResult.Status.OK) {
      for (MatchResult.Metadata m : match.metadata()) {
        ids.add(m.resourceId());
      }
    }
    return ids;
  }

  /** The path of {@code file} below {@code dir}, both as Beam spells them. */
  private static String relative(String file, String dir) {
    String f = file.replaceFirst("^file://", "");
    String d = stripTrailingSlashes(dir.replaceFirst("^file://", "")) + "/";
    if (!f.startsWith(d)) {
      throw new IllegalStateException(file + " is not inside " + dir);
    }
    return f.substring(d.length());
  }

  static boolean isLocal(String path) {
    return !path.contains("://") || path.startsWith("file://");
  }

  private static Path localPath(String path) {
    return Paths.get(path.replaceFirst("^file://", ""));
  }

  /**
   * A local target as an absolute path with symbolic links resolved, so that the staging folder is
   * beside the real folder, on the same file system, and a link to the output is not replaced.
   */
  private static String resolveLocal(String target) {
    if (!isLocal(target)) {
      return target;
    }
    Path p = localPath(stripTrailingSlashes(target)).toAbsolutePath().normalize();
    try {
      if (Files.exists(p)) {
        p = p.toRealPath();
      } else if (p.getParent() != null && Files.exists(p.getParent())) {
        p = p.getParent().toRealPath().resolve(p.getFileName());
      }
    } catch (IOException e) {
      // keep the absolute path; the run reports the real problem when it writes
    }
    return p.toString();
  }

  private static String stripTrailingSlashes(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/") && !p.endsWith("://")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static List<String> first(Set<String> names, int n) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      if (out.size() == n) {
        out.add("...");
        break;
      }
      out.add(name);
    }
    return out;
  }
}
