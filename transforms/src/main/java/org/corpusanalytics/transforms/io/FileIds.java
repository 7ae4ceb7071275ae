package org.corpusanalytics.transforms.io;

import java.nio.file.Paths;
import java.util.List;
import org.corpusanalytics.transforms.support.LocalMatches;

/**
 * How automatic article ids name their file: by its path below the folder that all the input
 * globs have in common. One folder of files gives their bare names ({@code wire.jsonl:3}), while
 * same-named files in different folders ({@code 2024-03-01/feed.jsonl}, {@code
 * 2024-03-02/feed.jsonl}) keep distinct ids. The folder depends on the globs alone, so the ids do
 * not depend on which files a run finds, nor on the runner.
 */
public final class FileIds {
  private FileIds() {}

  /**
   * The longest folder, ending in {@code /}, that holds every file the globs can match: the
   * common part of the folders before each glob's first wildcard. Empty when there is none.
   */
  public static String root(List<String> globs) {
    String common = null;
    for (String glob : globs) {
      String folder = fixedFolder(glob);
      common = common == null ? folder : commonPrefix(common, folder);
    }
    if (common == null) {
      return "";
    }
    return common.substring(0, common.lastIndexOf('/') + 1);
  }

  /** {@code path} below {@code root}, or its file name when it is not below it. */
  public static String relativeName(String path, String root) {
    if (!root.isEmpty() && path.startsWith(root) && path.length() > root.length()) {
      return path.substring(root.length());
    }
    return InputFormat.fileNameOf(path);
  }

  /**
   * A text article's id: its relative name without the compression suffix and format extension
   * of its file name ({@code 2024-03-01/note.v2.txt.gz} gives {@code 2024-03-01/note.v2}).
   */
  static String textId(String relativeName) {
    int slash = relativeName.lastIndexOf('/');
    return relativeName.substring(0, slash + 1) + InputFormat.baseName(relativeName);
  }

  /** The folder part of {@code glob} before its first wildcard, as Beam names matched files. */
  private static String fixedFolder(String glob) {
    String local = LocalMatches.localPart(glob);
    String spec = local == null ? glob : local;
    int wildcard = LocalMatches.firstWildcard(spec);
    int end = wildcard < 0 ? spec.length() : wildcard;
    String folder = spec.substring(0, spec.lastIndexOf('/', end - 1) + 1);
    if (local == null) {
      return folder;
    }
    // Beam's local file system names matches by absolute, normalized paths.
    String absolute =
        Paths.get(folder.isEmpty() ? "." : folder).toAbsolutePath().normalize().toString();
    return absolute.endsWith("/") ? absolute : absolute + "/";
  }

  private static String commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return a.substring(0, i);
  }
}
