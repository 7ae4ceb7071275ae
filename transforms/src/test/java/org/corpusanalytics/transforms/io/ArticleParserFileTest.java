package org.corpusanalytics.transforms.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.model.RejectedRecord;
import org.junit.Test;

/** Cases about whole files: text format, empty, binary, too big, unreadable. */
public class ArticleParserFileTest {
  private final ArticleParser detecting = ParseResult.parser(null);

  @Test
  public void textFileIsOneArticleNamedAfterTheFile() {
    String body = "Headline\n\nA short story written for this test.\r\nThe end.\n";
    ParseResult r = ParseResult.parse(detecting, "/corpus/2024/story-12.txt", body);
    Article a = r.onlyArticle();
    assertThat(a.id(), is("story-12"));
    assertThat(a.body(), is(body));
    assertThat(a.record(), is(0L));
    assertThat(a.title(), is(nullValue()));
    assertThat(a.publishedMillis(), is(nullValue()));
    assertThat(r.counts, is(new ParseCounts(1, 1, 0, 0)));
  }

  @Test
  public void textIdDropsCompressionExtensionToo() {
    // The parser gets decompressed content; the name still carries the suffix.
    ParseResult r = ParseResult.parse(detecting, "/corpus/a.txt.gz", "Body.");
    assertThat(r.ids(), is(List.of("a")));
  }

  @Test
  public void forcedFormatOverridesExtension() {
    ParseResult r = ParseResult.parse(ParseResult.parser(InputFormat.TEXT), "/c/notes.csv", "x,y\n1,2\n");
    assertThat(r.ids(), is(List.of("notes")));
    assertThat(r.bodies(), is(List.of("x,y\n1,2\n")));
  }

  @Test
  public void latin1TextFile() {
    byte[] bytes = "Señor Muñoz déclare.".getBytes(StandardCharsets.ISO_8859_1);
    ParseResult r = ParseResult.parse(detecting, "/c/es.txt", bytes);
    assertThat(r.bodies(), is(List.of("Señor Muñoz déclare.")));
  }

  @Test
  public void fileOfBlankLinesIsAnEmptyFileInEveryFormat() {
    assertEmptyFileInEveryFormat(" \n\n  \n".getBytes(StandardCharsets.UTF_8), "the file has only blank lines");
  }

  @Test
  public void textFileOfInvisibleCharactersHasEmptyBody() {
    ParseResult r = ParseResult.parse(detecting, "/c/blank.txt", " \u200B\u00A0\n");
    assertThat(r.onlyRejection().reason(), is("empty_body"));
    assertThat(r.onlyRejection().message(), containsString("blank.txt: the body is empty"));
  }

  @Test
  public void emptyFileIsReportedOnceInEveryFormat() {
    assertEmptyFileInEveryFormat(new byte[0], "the file is empty");
  }

  private void assertEmptyFileInEveryFormat(byte[] content, String message) {
    for (String name : List.of("e.txt", "e.jsonl", "e.csv")) {
      ParseResult r = ParseResult.parse(detecting, "/c/" + name, content);
      RejectedRecord e = r.onlyRejection();
      assertThat(name, e.reason(), is("empty_file"));
      assertThat(e.record(), is(0L));
      assertThat(e.message(), containsString(name + ": " + message));
      assertThat(r.counts, is(new ParseCounts(1, 0, 1, 0)));
    }
  }

  @Test
  public void nulByteInFirst8KiBMeansBinary() {
    byte[] bytes = new byte[10_000];
    Arrays.fill(bytes, (byte) 'a');
    bytes[8000] = 0;
    ParseResult r = ParseResult.parse(detecting, "/c/image.jsonl", bytes);
    assertThat(r.onlyRejection().reason(), is("binary_file"));
    assertThat(r.onlyRejection().record(), is(0L));
    assertThat(r.articles.size(), is(0));

    // UTF-16 text is caught the same way rather than read as garbage.
    ParseResult utf16 =
        ParseResult.parse(detecting, "/c/u.txt", "Hello".getBytes(StandardCharsets.UTF_16LE));
    assertThat(utf16.onlyRejection().reason(), is("binary_file"));
    // CJK text in UTF-16 has no NUL byte; its byte order mark gives it away.
    for (String charset : List.of("UTF-16", "UTF-16LE")) {
      byte[] cjk = ("\uFEFF" + "习近平在北京会见了法国总统马克龙").getBytes(Charset.forName(charset));
      ParseResult marked = ParseResult.parse(detecting, "/c/cjk.txt", cjk);
      assertThat(charset, marked.onlyRejection().reason(), is("binary_file"));
    }
  }

  @Test
  public void nulByteAfterFirst8KiBIsNotChecked() {
    byte[] bytes = new byte[10_000];
    Arrays.fill(bytes, (byte) 'a');
    bytes[9000] = 0;
    ParseResult r = ParseResult.parse(detecting, "/c/late.txt", bytes);
    assertThat(r.onlyArticle().body().length(), is(10_000));
  }

  @Test
  public void oversizedTextFileIsRejected() {
    ArticleParser small = new ArticleParser(null, FieldMap.identity(), DateParser.isoOnly(), 10);
    assertThat(ParseResult.parse(small, "/c/ok.txt", "0123456789").ids(), is(List.of("ok")));
    ParseResult r = ParseResult.parse(small, "/c/big.txt", "0123456789A");
    assertThat(r.onlyRejection().reason(), is("article_too_large"));
    ParseResult huge = ParseResult.parse(small, "/c/huge.txt", "x".repeat(1000));
    assertThat(huge.onlyRejection().reason(), is("article_too_large"));
    assertThat(huge.onlyRejection().message(), containsString("more than 30 bytes"));
  }

  @Test
  public void truncatedGzipKeepsEarlierRecordsAndReportsReadError() throws IOException {
    StringBuilder jsonl = new StringBuilder();
    for (int i = 1; i <= 2000; i++) {
      jsonl.append("{\"id\":\"t").append(i).append("\",\"body\":\"Record number ").append(i)
          .append(" with some words that vary ").append(i * 7919 % 1000).append(".\"}\n");
    }
    byte[] gz = gzip(jsonl.toString());
    byte[] truncated = Arrays.copyOf(gz, gz.length / 2);
    ParseResult r =
        ParseResult.parse(
            detecting, "/c/cut.jsonl.gz", new GZIPInputStream(new ByteArrayInputStream(truncated)));
    RejectedRecord error = r.onlyRejection();
    assertThat(error.reason(), is("read_error"));
    long lastGood = r.articles.get(r.articles.size() - 1).record();
    assertThat(r.articles.size() > 100, is(true));
    assertThat(r.articles.size() < 2000, is(true));
    assertThat(error.record(), is(lastGood + 1));
    assertThat(
        error.message(),
        containsString("cut.jsonl.gz: read error after line " + lastGood + ", the rest of the file was skipped"));
    assertThat(error.message(), containsString("Unexpected end of ZLIB input stream"));
  }

  @Test
  public void readErrorInShortFileKeepsRecordsBeforeIt() {
    byte[] csv = "id,body\nr1,One.\nr2,Two.\n".getBytes(StandardCharsets.UTF_8);
    ParseResult r =
        ParseResult.parse(detecting, "/c/f.csv", failingAfter(csv, new IOException("disk gone")));
    assertThat(r.ids(), is(List.of("r1", "r2")));
    RejectedRecord error = r.onlyRejection();
    assertThat(error.record(), is(3L));
    assertThat(
        error.message(),
        is("f.csv: read error after record 2 (line 3), the rest of the file was skipped:"
            + " IOException: disk gone"));
    assertThat(r.counts, is(new ParseCounts(3, 2, 1, 0)));
  }

  @Test
  public void readErrorInCsvNamesTheLastRecord() {
    // More than the 8 KiB sniffed up front.
    StringBuilder csv = new StringBuilder("id,body\n");
    for (int i = 1; i <= 500; i++) {
      csv.append("r").append(i).append(",Row number ").append(i).append(".\n");
    }
    ParseResult r =
        ParseResult.parse(
            detecting,
            "/c/f.csv",
            failingAfter(csv.toString().getBytes(StandardCharsets.UTF_8), new IOException("disk gone")));
    assertThat(r.articles.size(), is(500));
    RejectedRecord error = r.onlyRejection();
    assertThat(error.reason(), is("read_error"));
    assertThat(error.record(), is(501L));
    assertThat(
        error.message(),
        is("f.csv: read error after record 500 (line 501), the rest of the file was skipped:"
            + " IOException: disk gone"));
  }

  @Test
  public void failureWhileHandlingARecordCountsThatRecordOnce() {
    List<RejectedRecord> rejections = new ArrayList<>();
    ArticleParser.Sink failingSink =
        new ArticleParser.Sink() {
          @Override
          public void article(Article article) {
            throw new IllegalStateException("sink broke");
          }

          @Override
          public void rejected(RejectedRecord rejected) {
            rejections.add(rejected);
          }
        };
    ParseCounts counts =
        detecting.parse(
            "/c/s.jsonl",
            new ByteArrayInputStream("{\"body\":\"B.\"}\n".getBytes(StandardCharsets.UTF_8)),
            failingSink);
    assertThat(rejections.size(), is(1));
    assertThat(rejections.get(0).record(), is(1L));
    assertThat(
        rejections.get(0).message(),
        is("s.jsonl: read error in line 1, the rest of the file was skipped:"
            + " IllegalStateException: sink broke"));
    // The article never got out, so its record is the one rejected: read once, not twice.
    assertThat(counts, is(new ParseCounts(1, 0, 1, 0)));
  }

  @Test
  public void failureBeforeAnyRecordSkipsTheFile() {
    ParseResult r =
        ParseResult.parse(detecting, "/c/t.txt", failingAfter(new byte[0], new IOException("boom")));
    RejectedRecord error = r.onlyRejection();
    assertThat(error.reason(), is("read_error"));
    assertThat(error.record(), is(0L));
    assertThat(error.message(), is("t.txt: read error, file skipped: IOException: boom"));
    assertThat(r.counts, is(new ParseCounts(1, 0, 1, 0)));
  }

  @Test
  public void unexpectedRuntimeExceptionBecomesReadError() {
    String line = "{\"id\":\"k\",\"body\":\"Kept.\"}\n";
    byte[] jsonl = line.repeat(1000).getBytes(StandardCharsets.UTF_8);
    ParseResult r =
        ParseResult.parse(
            detecting, "/c/r.jsonl", failingAfter(jsonl, new IllegalStateException("bug")));
    assertThat(r.articles.size(), is(1000));
    assertThat(r.onlyRejection().reason(), is("read_error"));
    assertThat(r.onlyRejection().message(), containsString("IllegalStateException: bug"));
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  /** Serves {@code content}, then fails with {@code failure} instead of reporting the end. */
  private static InputStream failingAfter(byte[] content, Exception failure) {
    return new InputStream() {
      private int position;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (position >= content.length) {
          if (failure instanceof IOException) {
            throw (IOException) failure;
          }
          throw (RuntimeException) failure;
        }
        int n = Math.min(len, content.length - position);
        System.arraycopy(content, position, b, off, n);
        position += n;
        return n;
      }
    };
  }
}
