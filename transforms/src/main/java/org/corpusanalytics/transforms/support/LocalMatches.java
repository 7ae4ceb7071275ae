package org.corpusanalytics.transforms.support;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Quick answers for local paths that match no file. Beam's local file system matches a spec by
 * walking every file under the spec's folder, recursively, even for a plain path that does not
 * exist: a mistyped {@code /data.jsonl} or {@code /nothing*.jsonl} walks the whole disk for minutes.
 */
public final class LocalMatches {
  private LocalMatches() {}

  private static final String WILDCARDS = "*?[{";

  /**
   * True when {@code spec} is a local path (no URI scheme, or {@code file:}) that certainly matches
   * no file: a path without wildcards where no file is, or wildcards in the last name only and no
   * file of the folder matching them. False when it may match, or cannot be told here (another file
   * system, wildcards in a folder's name): ask Beam then.
   */
  public static boolean certainlyMissing(String spec) {
    String local = localPart(spec);
    if (local == null) {
      return false;
    }
    int lastSlash = local.lastIndexOf('/');
    String folder = lastSlash < 0 ? "" : local.substring(0, lastSlash);
    String name = local.substring(lastSlash + 1);
    if (hasWildcard(folder)) {
      return false;
    }
    try {
      if (!hasWildcard(name)) {
        return !Files.isRegularFile(Paths.get(local));
      }
      Path dir = Paths.get(lastSlash < 0 ? "." : lastSlash == 0 ? "/" : folder);
      if (!Files.isDirectory(dir)) {
        return true;
      }
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, name)) {
        for (Path file : files) {
          if (Files.isRegularFile(file)) {
            return false;
          }
        }
      }
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false; // an invalid path or an unreadable folder: Beam's own match will say which
    }
  }

  /** The path of a local spec ({@code file:} dropped), or null for another file system. */
  public static String localPart(String spec) {
    if (spec.regionMatches(true, 0, "file:", 0, 5)) {
      String rest = spec.substring(5);
      while (rest.startsWith("//")) {
        rest = rest.substring(1);
      }
      return rest;
    }
    return hasScheme(spec) ? null : spec;
  }

  /** Whether the spec starts with a URI scheme as Beam reads one: file:/, gs://, s3://. */
  public static boolean hasScheme(String spec) {
    return spec.matches("^[a-zA-Z][-a-zA-Z0-9+.]*:/.*");
  }

  private static boolean hasWildcard(String s) {
    return firstWildcard(s) >= 0;
  }

  /** The index of the first glob wildcard in {@code s}, or -1. */
  public static int firstWildcard(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (WILDCARDS.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
