package org.corpusanalytics.transforms.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.model.RejectedRecord;
import org.junit.Test;

public class ArticleParserJsonLinesTest {
  private static final String FILE = "/data/in/news-003.jsonl";

  private final ArticleParser parser = ParseResult.parser(null);

  private ParseResult parse(String content) {
    return ParseResult.parse(parser, FILE, content);
  }

  @Test
  public void readsAllFields() {
    ParseResult r =
        parse(
            "{\"id\":\"a1\",\"title\":\"Rain\",\"body\":\"It rained in Oslo.\","
                + "\"published\":\"2024-03-01T08:00:00Z\",\"source\":\"Daily\",\"url\":\"http://x/a1\"}\n");
    Article a = r.onlyArticle();
    assertThat(a.id(), is("a1"));
    assertThat(a.title(), is("Rain"));
    assertThat(a.body(), is("It rained in Oslo."));
    assertThat(a.publishedMillis(), is(Instant.parse("2024-03-01T08:00:00Z").toEpochMilli()));
    assertThat(a.source(), is("Daily"));
    assertThat(a.url(), is("http://x/a1"));
    assertThat(a.sourceFile(), is(FILE));
    assertThat(a.record(), is(1L));
    assertThat(r.counts, is(new ParseCounts(1, 1, 0, 0)));
  }

  @Test
  public void badLinesAmongGoodOnesAreRejectedOneByOne() {
    ParseResult r =
        parse(
            String.join(
                "\n",
                "{\"id\":\"g1\",\"body\":\"First good.\"}",
                "{\"id\":\"b1\",\"body\":\"broken\"",
                "",
                "[1,2]",
                "{\"id\":\"g2\",\"body\":\"Second good.\"}",
                "{\"id\":\"b2\",\"body\":\"x\"} trailing",
                "{\"id\":\"g3\",\"body\":\"Third good.\"}"));
    assertThat(r.ids(), is(List.of("g1", "g2", "g3")));
    assertThat(r.reasons(), is(List.of("invalid_json", "invalid_json", "invalid_json")));
    // Physical line numbers, the blank line 3 included in numbering but not counted.
    assertThat(r.rejectedRecords(), is(List.of(2L, 4L, 6L)));
    assertThat(r.articles.get(1).record(), is(5L));
    assertThat(r.counts, is(new ParseCounts(6, 3, 3, 0)));
    RejectedRecord first = r.rejections.get(0);
    assertThat(first.message(), startsWith("news-003.jsonl line 2: invalid JSON: "));
    assertThat(first.excerpt(), is("{\"id\":\"b1\",\"body\":\"broken\""));
    assertThat(r.rejections.get(1).message(), containsString("expected an object, found an array"));
  }

  @Test
  public void bodyMustBeAString() {
    ParseResult r = parse("{\"id\":\"n\",\"body\":42}\n{\"id\":\"o\",\"body\":{\"text\":\"x\"}}\n");
    assertThat(r.reasons(), is(List.of("body_not_string", "body_not_string")));
    assertThat(
        r.rejections.get(0).message(),
        is("news-003.jsonl line 1: the 'body' field is a number, expected a string"));
    assertThat(r.rejections.get(1).message(), containsString("is an object"));
  }

  @Test
  public void missingOrNullBody() {
    ParseResult r = parse("{\"id\":\"m\",\"summary\":\"no body key\"}\n{\"id\":\"n\",\"body\":null}\n");
    assertThat(r.reasons(), is(List.of("missing_body", "missing_body")));
    assertThat(
        r.rejections.get(0).message(),
        is(
            "news-003.jsonl line 1: no body field (looked for 'body', 'text', 'content', 'article';"
                + " use --fieldMap body=<key> if the text is under another key)"));
    assertThat(r.rejections.get(1).message(), is("news-003.jsonl line 2: the 'body' field is null"));
  }

  @Test
  public void unmappedFieldsAreFoundUnderTheirUsualNames() {
    ParseResult r =
        parse(
            "{\"doc_id\":\"d1\",\"headline\":\"H\",\"text\":\"Body in text.\","
                + "\"date\":\"2024-05-06\",\"publisher\":\"P\",\"link\":\"http://x/d1\"}\n"
                + "{\"id\":\"d2\",\"content\":\"Body in content.\",\"published_at\":\"2024-05-07\"}\n");
    assertThat(r.ids(), is(List.of("d1", "d2")));
    assertThat(r.bodies(), is(List.of("Body in text.", "Body in content.")));
    Article a = r.articles.get(0);
    assertThat(a.title(), is("H"));
    assertThat(a.publishedMillis(), is(Instant.parse("2024-05-06T00:00:00Z").toEpochMilli()));
    assertThat(a.source(), is("P"));
    assertThat(a.url(), is("http://x/d1"));
    assertThat(
        r.articles.get(1).publishedMillis(),
        is(Instant.parse("2024-05-07T00:00:00Z").toEpochMilli()));
  }

  @Test
  public void theFirstUsualNameARecordHasWinsEvenWhenNull() {
    ParseResult r =
        parse(
            "{\"id\":\"w1\",\"content\":\"Second choice.\",\"body\":\"First choice.\"}\n"
                + "{\"id\":\"w2\",\"body\":null,\"text\":\"Not used.\"}\n");
    assertThat(r.bodies(), is(List.of("First choice.")));
    assertThat(r.reasons(), is(List.of("missing_body")));
  }

  @Test
  public void blankBodyIsEmpty() {
    ParseResult r = parse("{\"id\":\"e\",\"body\":\"  \\n\\t \"}\n{\"id\":\"f\",\"body\":\"\"}\n");
    assertThat(r.reasons(), is(List.of("empty_body", "empty_body")));
    assertThat(r.counts, is(new ParseCounts(2, 0, 2, 0)));
  }

  @Test
  public void idFallsBackToFileAndLineAndNumbersBecomeText() {
    ParseResult r =
        parse(
            "{\"body\":\"No id.\"}\n"
                + "{\"id\":42,\"body\":\"Numeric id.\"}\n"
                + "{\"id\":\"  \",\"body\":\"Blank id.\"}\n"
                + "{\"id\":[1],\"body\":\"Array id.\"}\n");
    assertThat(
        r.ids(),
        is(List.of("news-003.jsonl:1", "42", "news-003.jsonl:3", "news-003.jsonl:4")));
  }

  @Test
  public void optionalFieldsTakeScalarTextAndDropObjects() {
    ParseResult r =
        parse("{\"id\":\"s\",\"body\":\"B.\",\"title\":7,\"source\":{\"name\":\"x\"},\"url\":true}\n");
    Article a = r.onlyArticle();
    assertThat(a.title(), is("7"));
    assertThat(a.source(), is(nullValue()));
    assertThat(a.url(), is("true"));
  }

  @Test
  public void fieldMapRenamesInputKeys() {
    ArticleParser mapped =
        new ArticleParser(
            InputFormat.JSONL,
            FieldMap.parse("id=uid,body=content,published=date"),
            DateParser.isoOnly(),
            1000);
    ParseResult r =
        ParseResult.parse(
            mapped,
            "x.jsonl",
            "{\"uid\":\"u1\",\"content\":\"Mapped body.\",\"date\":\"2024-01-02\",\"body\":\"ignored\"}\n"
                + "{\"uid\":\"u2\",\"body\":\"only canonical key\"}\n");
    Article a = r.articles.get(0);
    assertThat(a.id(), is("u1"));
    assertThat(a.body(), is("Mapped body."));
    assertThat(a.publishedMillis(), is(Instant.parse("2024-01-02T00:00:00Z").toEpochMilli()));
    assertThat(r.reasons(), is(List.of("missing_body")));
    assertThat(r.rejections.get(0).message(), is("x.jsonl line 2: no 'content' field"));
  }

  @Test
  public void crlfLinesAreRead() {
    ParseResult r = parse("{\"id\":\"c1\",\"body\":\"One.\"}\r\n\r\n{\"id\":\"c2\",\"body\":\"Two.\"}\r\n");
    assertThat(r.ids(), is(List.of("c1", "c2")));
    assertThat(r.bodies(), is(List.of("One.", "Two.")));
    assertThat(r.articles.get(1).record(), is(3L));
  }

  @Test
  public void latin1LineIsDecodedOnItsOwn() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("{\"id\":\"u\",\"body\":\"Zürich in UTF-8.\"}\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("{\"id\":\"l\",\"body\":\"Café in Latin-1.\"}\n".getBytes(StandardCharsets.ISO_8859_1));
    bytes.write("{\"id\":\"v\",\"body\":\"Genève again UTF-8.\"}\n".getBytes(StandardCharsets.UTF_8));
    ParseResult r = ParseResult.parse(parser, FILE, bytes.toByteArray());
    assertThat(
        r.bodies(), is(List.of("Zürich in UTF-8.", "Café in Latin-1.", "Genève again UTF-8.")));
  }

  @Test
  public void byteOrderMarkOnFirstLineIsIgnored() {
    ParseResult r = parse("\uFEFF{\"id\":\"bom\",\"body\":\"After a BOM.\"}\n");
    assertThat(r.ids(), is(List.of("bom")));
  }

  @Test
  public void unparseableDateKeepsArticleAndIsCounted() {
    ParseResult r =
        parse(
            "{\"id\":\"d1\",\"body\":\"A.\",\"published\":\"last Tuesday\"}\n"
                + "{\"id\":\"d2\",\"body\":\"B.\",\"published\":\"2024-05-06\"}\n"
                + "{\"id\":\"d3\",\"body\":\"C.\"}\n"
                + "{\"id\":\"d4\",\"body\":\"D.\",\"published\":{\"y\":2024}}\n");
    assertThat(r.ids(), is(List.of("d1", "d2", "d3", "d4")));
    assertThat(r.articles.get(0).publishedMillis(), is(nullValue()));
    assertThat(r.articles.get(2).publishedMillis(), is(nullValue()));
    assertThat(r.counts, is(new ParseCounts(4, 4, 0, 2)));
  }

  @Test
  public void oversizedBodyIsRejected() {
    ArticleParser small = new ArticleParser(null, FieldMap.identity(), DateParser.isoOnly(), 10);
    ParseResult r =
        ParseResult.parse(
            small,
            FILE,
            "{\"id\":\"s\",\"body\":\"0123456789\"}\n{\"id\":\"l\",\"body\":\"0123456789A\"}\n");
    assertThat(r.ids(), is(List.of("s")));
    RejectedRecord big = r.onlyRejection();
    assertThat(big.reason(), is("article_too_large"));
    assertThat(
        big.message(),
        is("news-003.jsonl line 2: the body has 11 characters, more than the limit of 10"));
  }

  @Test
  public void lineTooLongToHoldAnAllowedArticleIsSkippedWithoutBufferingIt() {
    ArticleParser small = new ArticleParser(null, FieldMap.identity(), DateParser.isoOnly(), 10);
    String huge = "{\"id\":\"h\",\"body\":\"" + "z".repeat(3_000_000) + "\"}";
    ParseResult r =
        ParseResult.parse(small, FILE, huge + "\n{\"id\":\"after\",\"body\":\"Fine.\"}\n");
    assertThat(r.ids(), is(List.of("after")));
    RejectedRecord big = r.onlyRejection();
    assertThat(big.reason(), is("article_too_large"));
    assertThat(big.record(), is(1L));
    assertThat(big.message(), containsString("line 1: the line has " + huge.length() + " bytes"));
    assertThat(big.excerpt().length(), is(RejectedRecord.MAX_EXCERPT_CHARS));
  }

  @Test
  public void excerptIsCutTo200Chars() {
    String longBad = "{\"body\": " + "x".repeat(500);
    ParseResult r = parse(longBad + "\n");
    assertThat(r.onlyRejection().excerpt(), is(longBad.substring(0, 200)));
  }

  @Test
  public void onlyBlankLinesIsAnEmptyFile() {
    ParseResult r = parse("\n  \n\r\n");
    assertThat(r.onlyRejection().reason(), is("empty_file"));
    assertThat(r.onlyRejection().record(), is(0L));
    assertThat(r.counts, is(new ParseCounts(1, 0, 1, 0)));
  }
}
