package org.corpusanalytics.transforms.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Random and mutated files, plain and compressed, read by {@link ReadArticles} on the Direct runner:
 * the pipeline finishes, every matched file has one account, and per file the articles and errors
 * that came out are exactly what its account says ({@code read = processed + rejected}).
 */
public class ReadArticlesFuzzTest {
  private static final int FILES = 24;

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void mutatedFilesAreAllAccountedFor() throws IOException {
    Random random = new Random(42L);
    List<String> seeds =
        List.of(
            "{\"id\":\"x\",\"body\":\"Anna Berg met Carl Dahl in Oslo.\"}\n{\"body\":\"Two.\"}\nnot json\n",
            "id,title,body\nc1,One,\"Anna Berg, in Oslo.\"\nc2,Two,\"Multi\nline\"\nc3,short\n",
            "Plain text body about Oslo.\r\nSecond line.\n");
    List<String> extensions = List.of(".jsonl", ".csv", ".txt");
    for (int i = 0; i < FILES; i++) {
      int kind = i % 3;
      byte[] content =
          ArticleParserFuzzTest.mutate(
              seeds.get(kind).repeat(1 + random.nextInt(5)).getBytes(StandardCharsets.UTF_8),
              random,
              random.nextInt(6));
      String name = "f" + i + extensions.get(kind);
      switch (i % 4) {
        case 1 -> {
          content = ArticleParserFuzzTest.compress(content, Compression.GZIP);
          name += ".gz";
        }
        case 2 -> { // compressed, then the compressed bytes damaged
          content = ArticleParserFuzzTest.mutate(
              ArticleParserFuzzTest.compress(content, Compression.BZIP2), random, 1 + random.nextInt(3));
          name += ".bz2";
        }
        default -> {}
      }
      Files.write(folder.getRoot().toPath().resolve(name), content);
    }
    // Random bytes under a text name, and an empty compressed file.
    byte[] noise = new byte[3000];
    random.nextBytes(noise);
    Files.write(folder.getRoot().toPath().resolve("noise.txt"), noise);
    Files.write(folder.getRoot().toPath().resolve("empty.csv.zst"), new byte[0]);

    ReadArticles.Result read =
        p.apply(ReadArticles.from(List.of(folder.getRoot() + "/*")).withMaxArticleChars(200));

    PCollection<KV<String, Long>> articlesPerFile =
        read.articles()
            .apply("ArticleFiles", MapElements.into(TypeDescriptors.strings()).via(a -> a.sourceFile()))
            .apply("CountArticles", Count.perElement());
    PCollection<KV<String, Long>> errorsPerFile =
        read.errors()
            .apply("ErrorFiles", MapElements.into(TypeDescriptors.strings()).via(e -> e.sourceFile()))
            .apply("CountErrors", Count.perElement());
    PCollectionView<Map<String, Long>> articles = articlesPerFile.apply("ArticlesView", View.asMap());
    PCollectionView<Map<String, Long>> errors = errorsPerFile.apply("ErrorsView", View.asMap());

    PCollection<String> mismatches =
        read.fileAccounts()
            .apply(
                "CompareAccounts",
                ParDo.of(new CompareFn(articles, errors))
                    .withSideInputs(articles, errors));
    PAssert.that(mismatches).empty();
    PAssert.that(read.fileAccounts().apply("CountAccounts", Count.globally()))
        .containsInAnyOrder((long) FILES + 2);
    p.run().waitUntilFinish();
  }

  /** Emits a line for every account that disagrees with what was emitted for its file. */
  private static final class CompareFn extends DoFn<FileAccount, String> {
    private final PCollectionView<Map<String, Long>> articles;
    private final PCollectionView<Map<String, Long>> errors;

    CompareFn(PCollectionView<Map<String, Long>> articles, PCollectionView<Map<String, Long>> errors) {
      this.articles = articles;
      this.errors = errors;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      FileAccount a = c.element();
      long emitted = c.sideInput(articles).getOrDefault(a.file(), 0L);
      long rejected = c.sideInput(errors).getOrDefault(a.file(), 0L);
      boolean csv = a.file().endsWith(".csv") || a.file().contains(".csv.");
      ParseCounts n = a.counts();
      if (n.read() != n.processed() + n.rejected()
          || n.processed() != emitted
          || n.rejected() != rejected
          || (n.read() < 1 && !csv)) { // only a CSV file (a header, no rows) can have no record
        c.output(a + " but emitted " + emitted + " articles and " + rejected + " errors");
      }
    }
  }
}
