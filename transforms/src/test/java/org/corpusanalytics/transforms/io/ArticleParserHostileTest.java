package org.corpusanalytics.transforms.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/** Inputs built to hurt: huge lines and records, invisible bodies, binary data without NULs. */
public class ArticleParserHostileTest {
  private final ArticleParser detecting = ParseResult.parser(null);

  @Test
  public void aBodyOfInvisibleCharactersIsEmpty() {
    ParseResult r =
        ParseResult.parse(
            detecting,
            "/c/f.jsonl",
            "{\"id\":\"a\",\"body\":\" \\u00a0\\u200b\\ufeff\\u2003\\t\"}\n{\"id\":\"b\",\"body\":\"\\u0007\"}\n");
    assertThat(r.reasons(), is(List.of("empty_body", "empty_body")));
    assertThat(r.rejections.get(0).message(), containsString("only invisible characters"));
    ParseResult text = ParseResult.parse(detecting, "/c/nbsp.txt", "\u00a0\u00a0\r\n\u200b");
    assertThat(text.reasons(), is(List.of("empty_body")));
  }

  @Test
  public void aMillionCharacterLineWithoutSpacesIsAnArticleInEveryFormat() {
    String line = randomLetters(1_000_000, 5L);
    assertThat(ParseResult.parse(detecting, "/c/long.txt", line).onlyArticle().body(), is(line));
    assertThat(
        ParseResult.parse(detecting, "/c/long.jsonl", "{\"id\":\"l\",\"body\":\"" + line + "\"}")
            .onlyArticle()
            .body(),
        is(line));
    assertThat(
        ParseResult.parse(detecting, "/c/long.csv", "id,body\nl," + line + "\n").onlyArticle().body(),
        is(line));
  }

  @Test
  public void twentyMegabyteArticlesAreRejectedInEveryFormatAndTheRestIsRead() {
    String big = "word ".repeat(4_000_000); // 20 MB
    ParseResult text = ParseResult.parse(detecting, "/c/big.txt", big);
    assertThat(text.reasons(), is(List.of("article_too_large")));

    ParseResult jsonl =
        ParseResult.parse(
            detecting,
            "/c/big.jsonl",
            "{\"id\":\"big\",\"body\":\"" + big + "\"}\n{\"id\":\"small\",\"body\":\"Fine.\"}\n");
    assertThat(jsonl.reasons(), is(List.of("article_too_large")));
    assertThat(jsonl.ids(), is(List.of("small")));
    assertThat(jsonl.rejections.get(0).excerpt().length(), is(200));

    ParseResult csv =
        ParseResult.parse(
            detecting, "/c/big.csv", "id,body\nsmall,Fine.\nbig,\"" + big + "\"\nlater,Lost.\n");
    assertThat(csv.ids(), is(List.of("small")));
    assertThat(csv.reasons(), is(List.of("article_too_large")));
    assertThat(csv.rejections.get(0).message(), containsString("the rest of the file was skipped"));
  }

  @Test
  public void binaryWithoutNulBytesIsStillBinary() {
    byte[] bytes = new byte[4000];
    new Random(9L).nextBytes(bytes);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        bytes[i] = 1;
      }
    }
    for (String name : List.of("/c/x.txt", "/c/x.jsonl", "/c/x.csv")) {
      ParseResult r = ParseResult.parse(detecting, name, bytes);
      assertThat(name, r.reasons(), is(List.of("binary_file")));
      assertThat(r.onlyRejection().message(), containsString("control characters"));
    }
    // Text with a few form feeds, escapes and a stray control character is text.
    String text = "Page one.\f\u001b[1mBold\u001b[0m and a bell\u0007 here.\nMore text follows here.";
    assertThat(
        ParseResult.parse(detecting, "/c/ok.txt", text.getBytes(StandardCharsets.UTF_8)).articles.size(),
        is(1));
  }

  private static String randomLetters(int n, long seed) {
    Random random = new Random(seed);
    char[] chars = new char[n];
    for (int i = 0; i < n; i++) {
      chars[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(chars);
  }
}
