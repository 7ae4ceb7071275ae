package org.corpusanalytics.transforms.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertThrows;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.corpusanalytics.transforms.model.Article;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ReadArticlesTest {
  private static final int TRUNCATED_LINES = 400;

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void readsAllFormatsAndCompressionsAndAccountsForEveryFile() throws IOException {
    String jsonl =
        "{\"id\":\"j1\",\"text\":\"Jay one.\",\"published\":\" 3-MAR-1987 09:18:21.26\"}\n"
            + "{\"id\":\"j2\",\"text\":\"Jay two.\",\"published\":\"sometime\"}\n"
            + "{\"id\":\"j3\",\"text\":\n";
    String jsonlGz = write("a.jsonl.gz", gzip(jsonl));
    String csvBz2 =
        write("b.csv.bz2", bzip2("id,title,text\nc1,T,\"Sea, one.\"\nc2,Too,many,cols\n"));
    String txtZst = write("c.txt.zst", zstd("Zed text body.\n"));
    String plainTxt = write("d.txt", "Plain text body.".getBytes(StandardCharsets.UTF_8));
    // A download cut off halfway: what decompressed before the cut is kept, the rest is an error.
    byte[] truncated = truncatedGzip();
    String truncatedGz = write("e.jsonl.gz", truncated);
    long truncatedArticles = articlesBeforeTheCut(truncated);
    assertThat(truncatedArticles > 10 && truncatedArticles < TRUNCATED_LINES, is(true));
    String emptyCsv = write("f.csv", new byte[0]);
    String gzipSuffix = write("g.ndjson.gzip", gzip("{\"id\":\"g1\",\"text\":\"Gee.\"}\n"));
    // Fails when Beam opens it, before the parser is involved.
    String notBzip2 = write("h.txt.bz2", "Not compressed at all.".getBytes(StandardCharsets.UTF_8));

    ReadArticles.Result result =
        p.apply(
            ReadArticles.from(List.of(folder.getRoot() + "/*", folder.getRoot() + "/none-*.csv"))
                .withFieldMap(FieldMap.parse("body=text"))
                .withDateFormat("d-MMM-yyyy HH:mm:ss.SS"));

    long reutersMillis = Instant.parse("1987-03-03T09:18:21.260Z").toEpochMilli();
    PAssert.that(
            result
                .articles()
                .apply("NotTruncated", Filter.by(a -> !a.sourceFile().equals(truncatedGz)))
                .apply(
                    "ArticleSummary",
                    MapElements.into(TypeDescriptors.strings())
                        .via(a -> a.id() + "|" + a.body() + "|" + a.publishedMillis() + "|" + a.record())))
        .containsInAnyOrder(
            "j1|Jay one.|" + reutersMillis + "|1",
            "j2|Jay two.|null|2",
            "c1|Sea, one.|null|1",
            "c|Zed text body.\n|null|0",
            "d|Plain text body.|null|0",
            "g1|Gee.|null|1");
    PAssert.that(
            result
                .articles()
                .apply("Truncated", Filter.by(a -> a.sourceFile().equals(truncatedGz)))
                .apply("TruncatedLines", MapElements.into(TypeDescriptors.longs()).via(Article::record)))
        .satisfies(
            records -> {
              // Lines 1..n, every line up to where reading broke off.
              List<Long> sorted = new ArrayList<>();
              records.forEach(sorted::add);
              Collections.sort(sorted);
              assertThat(sorted, is(LongStream.rangeClosed(1, truncatedArticles).boxed().collect(Collectors.toList())));
              return null;
            });

    PAssert.that(
            result
                .errors()
                .apply(
                    "ErrorSummary",
                    MapElements.into(TypeDescriptors.strings())
                        .via(e -> e.sourceFile() + "|" + e.record() + "|" + e.reason())))
        .containsInAnyOrder(
            jsonlGz + "|3|invalid_json",
            csvBz2 + "|2|csv_column_count",
            truncatedGz + "|" + (truncatedArticles + 1) + "|read_error",
            emptyCsv + "|0|empty_file",
            notBzip2 + "|0|read_error");

    PAssert.that(
            result
                .errors()
                .apply("ReadErrors", Filter.by(e -> e.reason().equals("read_error")))
                .apply("ReadErrorMessages", MapElements.into(TypeDescriptors.strings()).via(e -> e.message())))
        .satisfies(
            messages -> {
              List<String> sorted = new ArrayList<>();
              messages.forEach(sorted::add);
              Collections.sort(sorted);
              assertThat(sorted.size(), is(2));
              assertThat(
                  sorted.get(0),
                  startsWith(
                      "e.jsonl.gz: read error after line " + truncatedArticles
                          + ", the rest of the file was skipped: "));
              assertThat(sorted.get(1), startsWith("h.txt.bz2: read error, file skipped: IOException"));
              return null;
            });

    PAssert.that(result.fileAccounts())
        .containsInAnyOrder(
            new FileAccount(jsonlGz, 3, 2, 1, 1),
            new FileAccount(csvBz2, 2, 1, 1, 0),
            new FileAccount(txtZst, 1, 1, 0, 0),
            new FileAccount(plainTxt, 1, 1, 0, 0),
            new FileAccount(truncatedGz, truncatedArticles + 1, truncatedArticles, 1, 0),
            new FileAccount(emptyCsv, 1, 0, 1, 0),
            new FileAccount(gzipSuffix, 1, 1, 0, 0),
            new FileAccount(notBzip2, 1, 0, 1, 0));

    PipelineResult run = p.run();
    run.waitUntilFinish();
    assertThat(counter(run, "articles"), is(6L + truncatedArticles));
    assertThat(counter(run, "rejected"), is(5L));
    assertThat(counter(run, "unparsed_dates"), is(1L));
  }

  @Test
  public void withoutSpreadingGivesTheSameArticlesWithoutTheShuffle() throws IOException {
    write(
        "a.jsonl",
        "{\"id\":\"a1\",\"text\":\"One.\"}\n{\"id\":\"a2\",\"text\":\"Two.\"}\n"
            .getBytes(StandardCharsets.UTF_8));
    List<String> glob = List.of(folder.getRoot() + "/*");
    PAssert.that(
            p.apply("Spread", ReadArticles.from(glob))
                .articles()
                .apply("SpreadIds", MapElements.into(TypeDescriptors.strings()).via(Article::id)))
        .containsInAnyOrder("a1", "a2");
    PAssert.that(
            p.apply("Unspread", ReadArticles.from(glob).withoutSpreading())
                .articles()
                .apply("UnspreadIds", MapElements.into(TypeDescriptors.strings()).via(Article::id)))
        .containsInAnyOrder("a1", "a2");
    List<String> shuffles = new ArrayList<>();
    p.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
            if (node.getFullName().endsWith("/SpreadArticles")) {
              shuffles.add(node.getFullName());
            }
            return CompositeBehavior.ENTER_TRANSFORM;
          }
        });
    assertThat(shuffles, is(List.of("Spread/SpreadArticles")));
    p.run();
  }

  @Test
  public void sameNamedFilesInDifferentFoldersGetDistinctAutomaticIds() throws IOException {
    for (String day : List.of("2024-03-01", "2024-03-02")) {
      folder.newFolder(day);
      write(day + "/feed.jsonl", "{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n".getBytes(UTF_8));
      write(day + "/story.v2.txt.gz", gzip("A story of " + day + "."));
    }
    write("top.txt", "At the top.".getBytes(UTF_8));
    List<String> globs =
        List.of(folder.getRoot() + "/*/feed.jsonl", folder.getRoot() + "/2024-03-0?/*.gz");
    PAssert.that(
            p.apply("Nested", ReadArticles.from(globs))
                .articles()
                .apply("Ids", MapElements.into(TypeDescriptors.strings()).via(Article::id)))
        .containsInAnyOrder(
            "2024-03-01/feed.jsonl:1",
            "2024-03-01/feed.jsonl:2",
            "2024-03-02/feed.jsonl:1",
            "2024-03-02/feed.jsonl:2",
            "2024-03-01/story.v2",
            "2024-03-02/story.v2");
    // One folder: bare file names, as before.
    PAssert.that(
            p.apply("Flat", ReadArticles.from(List.of(folder.getRoot() + "/2024-03-01/*")))
                .articles()
                .apply("FlatIds", MapElements.into(TypeDescriptors.strings()).via(Article::id)))
        .containsInAnyOrder("feed.jsonl:1", "feed.jsonl:2", "story.v2");
    p.run();
  }

  @Test
  public void zipArchivesAreReadWholeAndEmptyCompressedFilesAreEmpty() throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      for (String entry : List.of("one", "two")) {
        out.putNextEntry(new ZipEntry(entry + ".jsonl"));
        out.write(("{\"id\":\"" + entry + "\",\"body\":\"Body " + entry + ".\"}\n").getBytes(UTF_8));
        out.closeEntry();
      }
    }
    write("feed.jsonl.zip", zip.toByteArray());
    write("empty.jsonl.bz2", new byte[0]);
    ReadArticles.Result result = p.apply(ReadArticles.from(List.of(folder.getRoot() + "/*")));
    PAssert.that(
            result
                .articles()
                .apply("Ids", MapElements.into(TypeDescriptors.strings()).via(Article::id)))
        .containsInAnyOrder("one", "two");
    PAssert.that(
            result
                .errors()
                .apply(
                    "Reasons",
                    MapElements.into(TypeDescriptors.strings())
                        .via(e -> InputFormat.fileNameOf(e.sourceFile()) + "|" + e.reason())))
        .containsInAnyOrder("empty.jsonl.bz2|empty_file");
    p.run();
  }

  @Test
  public void rejectsBadConfigurationEarly() {
    assertThrows(IllegalArgumentException.class, () -> ReadArticles.from(List.of()));
    ReadArticles read = ReadArticles.from(List.of("/x/*"));
    assertThrows(IllegalArgumentException.class, () -> read.withDateFormat("yyyy-MM-dd {"));
    assertThrows(IllegalArgumentException.class, () -> read.withMaxArticleChars(0));
    p.enableAbandonedNodeEnforcement(false);
  }

  private static long counter(PipelineResult run, String name) {
    long sum = 0;
    for (MetricResult<Long> c :
        run.metrics()
            .queryMetrics(
                MetricsFilter.builder().addNameFilter(MetricNameFilter.named("read", name)).build())
            .getCounters()) {
      sum += c.getAttempted();
    }
    return sum;
  }

  /** Lines of JSON that compress poorly enough for the cut to fall in the middle of them. */
  private static byte[] truncatedGzip() throws IOException {
    StringBuilder jsonl = new StringBuilder();
    for (int i = 1; i <= TRUNCATED_LINES; i++) {
      jsonl.append("{\"id\":\"t").append(i).append("\",\"text\":\"Line ").append(i)
          .append(" has the number ").append((i * 7919L) % 100_003).append(" in it.\"}\n");
    }
    byte[] whole = gzip(jsonl.toString());
    return Arrays.copyOf(whole, whole.length / 2);
  }

  /** What the parser gets from Beam's gzip decoding of the cut file, as ParseFileFn reads it. */
  private static long articlesBeforeTheCut(byte[] truncated) throws IOException {
    InputStream in =
        Channels.newInputStream(
            Compression.GZIP.readDecompressed(Channels.newChannel(new ByteArrayInputStream(truncated))));
    ArticleParser parser =
        new ArticleParser(null, FieldMap.parse("body=text"), DateParser.isoOnly(), 1000);
    ParseCounts counts = ParseResult.parse(parser, "e.jsonl.gz", in).counts;
    assertThat(counts.rejected(), is(1L));
    return counts.processed();
  }

  private String write(String name, byte[] content) throws IOException {
    File file = folder.newFile(name);
    Files.write(file.toPath(), content);
    return file.getAbsolutePath();
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static byte[] bzip2(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new BZip2CompressorOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static byte[] zstd(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new ZstdOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
