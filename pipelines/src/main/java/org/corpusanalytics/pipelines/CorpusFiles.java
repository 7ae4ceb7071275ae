package org.corpusanalytics.pipelines;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.corpusanalytics.transforms.io.ArticleParser;
import org.corpusanalytics.transforms.io.FileIds;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.model.RejectedRecord;
import org.corpusanalytics.transforms.support.LocalMatches;

/**
 * Reads a whole corpus into memory with the report's own parser, for the evaluation and benchmark
 * commands. The report itself never does this: it reads through Beam.
 */
public final class CorpusFiles {
  private CorpusFiles() {}

  /**
   * The files matched by the globs, sorted by name, each once however many globs match it; fails
   * naming a glob that matches nothing.
   */
  public static List<MatchResult.Metadata> match(List<String> globs) throws IOException {
    List<MatchResult.Metadata> files = new ArrayList<>();
    for (String glob : globs) {
      // Checked here first: Beam walks the whole folder tree under a path that is not there.
      MatchResult match =
          LocalMatches.certainlyMissing(glob)
              ? null
              : FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
      if (match == null || match.status() != MatchResult.Status.OK || match.metadata().isEmpty()) {
        throw new IllegalArgumentException("--input " + glob + " matches no file");
      }
      files.addAll(match.metadata());
    }
    Map<String, MatchResult.Metadata> byName = new TreeMap<>();
    files.forEach(m -> byName.putIfAbsent(m.resourceId().toString(), m));
    return new ArrayList<>(byName.values());
  }

  /**
   * Every article of the files, decompressed by file name as the report does; rejects skipped.
   * Automatic ids name files below {@code idRoot} ({@link FileIds#root} of the globs).
   */
  public static List<Article> readAll(
      ArticleParser parser, List<MatchResult.Metadata> files, String idRoot) throws IOException {
    List<Article> articles = new ArrayList<>();
    for (MatchResult.Metadata file : files) {
      String name = file.resourceId().toString();
      try (InputStream in =
          Channels.newInputStream(
              Compression.detect(name).readDecompressed(FileSystems.open(file.resourceId())))) {
        parser.parse(
            name,
            FileIds.relativeName(name, idRoot),
            in,
            new ArticleParser.Sink() {
              @Override
              public void article(Article article) {
                articles.add(article);
              }

              @Override
              public void rejected(RejectedRecord rejected) {}
            });
      }
    }
    return articles;
  }
}
