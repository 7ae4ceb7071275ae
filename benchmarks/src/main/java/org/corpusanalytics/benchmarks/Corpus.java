package org.corpusanalytics.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.corpusanalytics.pipelines.CorpusFiles;
import org.corpusanalytics.transforms.io.ArticleParser;
import org.corpusanalytics.transforms.io.DateParser;
import org.corpusanalytics.transforms.io.FieldMap;
import org.corpusanalytics.transforms.io.FileIds;
import org.corpusanalytics.transforms.model.Article;

/** The benchmark corpus: read once with the report's own parser, and written out repeated. */
final class Corpus {
  /** Each copy is dated this much later than the one before, so copies sort after the original. */
  static final long COPY_SHIFT_MILLIS = 400L * 24 * 3600 * 1000;

  final List<Article> articles;
  final long inputBytes;

  private Corpus(List<Article> articles, long inputBytes) {
    this.articles = articles;
    this.inputBytes = inputBytes;
  }

  /** Reads every file matched by the comma-separated globs, as the report would. */
  static Corpus read(String globs, String fieldMap, String dateFormat) throws IOException {
    ArticleParser parser =
        new ArticleParser(
            null,
            FieldMap.parse(fieldMap),
            new DateParser(dateFormat.isEmpty() ? null : dateFormat),
            ArticleParser.DEFAULT_MAX_ARTICLE_CHARS);
    List<String> globList = new ArrayList<>();
    for (String glob : globs.split(",")) {
      globList.add(glob.trim());
    }
    List<MatchResult.Metadata> files = CorpusFiles.match(globList);
    long bytes = 0;
    for (MatchResult.Metadata file : files) {
      bytes += file.sizeBytes();
    }
    List<Article> articles = CorpusFiles.readAll(parser, files, FileIds.root(globList));
    return new Corpus(articles, bytes);
  }

  /** The first {@code n} articles, as a corpus of their own (the input size is left out). */
  Corpus head(int n) {
    return new Corpus(articles.subList(0, Math.min(n, articles.size())), 0);
  }

  /**
   * Writes the corpus {@code times} over into {@code dir} as JSON Lines with canonical field
   * names: copy {@code c} has ids suffixed {@code ~c} (none for the first) and dates shifted by
   * {@code c * 400} days. Returns the bytes written.
   */
  long writeRepeated(Path dir, int times) throws IOException {
    Files.createDirectories(dir);
    ObjectMapper json = new ObjectMapper();
    long bytes = 0;
    for (int c = 0; c < times; c++) {
      Path file = dir.resolve(String.format("copy-%02d.jsonl", c));
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (Article a : articles) {
          ObjectNode o = json.createObjectNode();
          o.put("id", c == 0 ? a.id() : a.id() + "~" + c);
          if (a.title() != null) {
            o.put("title", a.title());
          }
          o.put("body", a.body());
          if (a.publishedMillis() != null) {
            o.put("published", Instant.ofEpochMilli(a.publishedMillis() + c * COPY_SHIFT_MILLIS).toString());
          }
          if (a.source() != null) {
            o.put("source", a.source());
          }
          w.write(json.writeValueAsString(o));
          w.write('\n');
        }
      }
      bytes += Files.size(file);
    }
    return bytes;
  }

  long bodyChars() {
    long n = 0;
    for (Article a : articles) {
      n += a.body().length();
    }
    return n;
  }
}
