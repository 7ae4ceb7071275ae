package org.corpusanalytics.transforms.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.model.RejectedRecord;
import org.junit.Test;

public class ArticleParserCsvTest {
  private static final String FILE = "gs://bucket/in/wire.csv";

  private final ArticleParser parser = ParseResult.parser(null);

  private ParseResult parse(String content) {
    return ParseResult.parse(parser, FILE, content);
  }

  @Test
  public void readsMappedColumnsAndNumbersDataRows() {
    ParseResult r =
        parse(
            "id,title,body,published,source,url\r\n"
                + "c1,Rates,Banks raised rates.,2024-02-03,Wire,http://w/c1\r\n"
                + ",,No id here.,,,\r\n");
    Article a = r.articles.get(0);
    assertThat(a.id(), is("c1"));
    assertThat(a.title(), is("Rates"));
    assertThat(a.body(), is("Banks raised rates."));
    assertThat(a.publishedMillis(), is(Instant.parse("2024-02-03T00:00:00Z").toEpochMilli()));
    assertThat(a.source(), is("Wire"));
    assertThat(a.url(), is("http://w/c1"));
    assertThat(a.record(), is(1L));
    Article b = r.articles.get(1);
    assertThat(b.id(), is("wire.csv:2"));
    assertThat(b.title(), is(nullValue()));
    assertThat(b.publishedMillis(), is(nullValue()));
    assertThat(r.counts, is(new ParseCounts(2, 2, 0, 0)));
  }

  @Test
  public void quotedFieldsMayHoldNewlinesCommasAndQuotes() {
    ParseResult r =
        parse(
            "id,body\n"
                + "q1,\"Line one,\nline two said \"\"hi\"\".\r\nLine three.\"\n"
                + "q2,Plain.\n");
    assertThat(r.ids(), is(List.of("q1", "q2")));
    assertThat(r.bodies().get(0), is("Line one,\nline two said \"hi\".\r\nLine three."));
    assertThat(r.articles.get(1).record(), is(2L));
  }

  @Test
  public void rowWithWrongColumnCountIsRejectedAndReadingGoesOn() {
    ParseResult r =
        parse("id,title,body\nr1,T,Good one.\nr2,Too,many,columns\nr3,Few\n\nr4,T,Good two.\n");
    assertThat(r.ids(), is(List.of("r1", "r4")));
    assertThat(r.reasons(), is(List.of("csv_column_count", "csv_column_count")));
    assertThat(r.rejectedRecords(), is(List.of(2L, 3L)));
    RejectedRecord many = r.rejections.get(0);
    assertThat(
        many.message(), is("wire.csv record 2 (line 3): the row has 4 columns, the header has 3"));
    assertThat(many.excerpt(), is("r2,Too,many,columns"));
    // The blank line is skipped, not counted: r4 is data row 4 on line 6.
    assertThat(r.articles.get(1).record(), is(4L));
    assertThat(r.counts, is(new ParseCounts(4, 2, 2, 0)));
  }

  @Test
  public void linesOfSpacesAreBlankLinesBeforeAndAfterTheHeader() {
    ParseResult r =
        parse(
            "   \n,,\nid,title,body\nb1,T,Good one.\n  \t \n,T,Good two.\nb3,Too,many,columns\n");
    assertThat(r.ids(), is(List.of("b1", "wire.csv:2")));
    assertThat(r.articles.get(1).record(), is(2L));
    assertThat(r.reasons(), is(List.of("csv_column_count")));
    assertThat(
        r.rejections.get(0).message(),
        is("wire.csv record 3 (line 7): the row has 4 columns, the header has 3"));
    assertThat(r.counts, is(new ParseCounts(3, 2, 1, 0)));
  }

  @Test
  public void unbalancedQuoteRejectsOnceAndStopsTheFile() {
    ParseResult r =
        parse(
            "id,body\n"
                + "u1,Fine.\n"
                + "u2,\"Starts quoted but never ends.\n"
                + "u3,Swallowed.\n"
                + "u4,Also swallowed.\n");
    assertThat(r.ids(), is(List.of("u1")));
    RejectedRecord bad = r.onlyRejection();
    assertThat(bad.reason(), is("csv_unbalanced_quote"));
    assertThat(bad.record(), is(2L));
    assertThat(bad.message(), containsString("wire.csv record 2 (line 3): unbalanced quote"));
    assertThat(bad.excerpt(), is("u2,\"Starts quoted but never ends.\nu3,Swallowed.\nu4,Also swallowed.\n"));
    assertThat(r.counts, is(new ParseCounts(2, 1, 1, 0)));
  }

  @Test
  public void textAfterClosingQuoteRejectsOnlyThatRow() {
    ParseResult r = parse("id,body\nm1,\"Quoted\"junk\nm2,\"Fine\" \nm3,Next.\n");
    assertThat(r.ids(), is(List.of("m2", "m3")));
    RejectedRecord bad = r.onlyRejection();
    assertThat(bad.reason(), is("csv_malformed"));
    assertThat(bad.record(), is(1L));
    assertThat(bad.excerpt(), is("m1,\"Quoted\"junk"));
  }

  @Test
  public void headerWithoutBodyColumnRejectsTheFileOnce() {
    ParseResult r = parse("id,title,summary\n1,T,Some text.\n2,U,More text.\n");
    RejectedRecord bad = r.onlyRejection();
    assertThat(bad.reason(), is("csv_missing_body_column"));
    assertThat(bad.record(), is(0L));
    assertThat(
        bad.message(),
        containsString("no body column (looked for 'body', 'text', 'content', 'article')"));
    assertThat(bad.message(), containsString("[id, title, summary]"));
    assertThat(r.counts, is(new ParseCounts(1, 0, 1, 0)));
  }

  @Test
  public void headerWithoutMappedBodyColumnNamesIt() {
    ArticleParser mapped =
        new ArticleParser(InputFormat.CSV, FieldMap.parse("body=story"), DateParser.isoOnly(), 1000);
    RejectedRecord bad = ParseResult.parse(mapped, "x.csv", "id,body\n1,B.\n").onlyRejection();
    assertThat(bad.message(), containsString("the header has no 'story' column, so no row"));
  }

  @Test
  public void unmappedColumnsAreFoundUnderTheirUsualNames() {
    ParseResult r =
        parse("Headline,TEXT,docid,Date,content\nH,Body in text.,k9,2024-07-09,not the body\n");
    Article a = r.onlyArticle();
    assertThat(a.id(), is("k9"));
    assertThat(a.title(), is("H"));
    assertThat(a.body(), is("Body in text."));
    assertThat(a.publishedMillis(), is(Instant.parse("2024-07-09T00:00:00Z").toEpochMilli()));
  }

  @Test
  public void fieldMapSelectsColumnsAndHeaderMatchIgnoresCaseAndSpaces() {
    ArticleParser mapped =
        new ArticleParser(
            InputFormat.CSV, FieldMap.parse("body=Text,published=Date"), DateParser.isoOnly(), 1000);
    ParseResult r =
        ParseResult.parse(mapped, "x.data", "ID , date,TEXT\nk1,2024-07-08,Mapped text.\n");
    Article a = r.onlyArticle();
    assertThat(a.id(), is("k1"));
    assertThat(a.body(), is("Mapped text."));
    assertThat(a.publishedMillis(), is(Instant.parse("2024-07-08T00:00:00Z").toEpochMilli()));
  }

  @Test
  public void latin1RowIsDecodedOnItsOwn() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("\uFEFFid,body\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("l1,Crème brûlée in UTF-8.\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("l2,Crème brûlée in Latin-1.\n".getBytes(StandardCharsets.ISO_8859_1));
    bytes.write("l3,Ärger in UTF-8.\n".getBytes(StandardCharsets.UTF_8));
    ParseResult r = ParseResult.parse(parser, FILE, bytes.toByteArray());
    assertThat(r.ids(), is(List.of("l1", "l2", "l3")));
    assertThat(
        r.bodies(),
        is(List.of("Crème brûlée in UTF-8.", "Crème brûlée in Latin-1.", "Ärger in UTF-8.")));
  }

  @Test
  public void emptyAndOversizedBodies() {
    ArticleParser small = new ArticleParser(null, FieldMap.identity(), DateParser.isoOnly(), 10);
    ParseResult r =
        ParseResult.parse(small, FILE, "id,body\ne1,\"   \"\ne2,0123456789A\ne3,Short.\n");
    assertThat(r.ids(), is(List.of("e3")));
    assertThat(r.reasons(), is(List.of("empty_body", "article_too_large")));
  }

  @Test
  public void hugeRecordStopsTheFileWithoutBufferingTheRest() {
    ArticleParser small = new ArticleParser(null, FieldMap.identity(), DateParser.isoOnly(), 10);
    // An unbalanced quote early in a big file: the cap (2 x limit + 1 MiB) stops it.
    StringBuilder content = new StringBuilder("id,body\nh1,Fine.\nh2,\"open quote\n");
    for (int i = 0; i < 40_000; i++) {
      content.append("filler line ").append(i).append(" of the swallowed rest\n");
    }
    ParseResult r = ParseResult.parse(small, FILE, content.toString());
    assertThat(r.ids(), is(List.of("h1")));
    RejectedRecord bad = r.onlyRejection();
    assertThat(bad.reason(), is("article_too_large"));
    assertThat(bad.record(), is(2L));
    assertThat(bad.message(), containsString("record 2 (line 3): the record is longer than"));
  }

  @Test
  public void headerOnlyFileHasNoRecords() {
    ParseResult r = parse("id,body\n");
    assertThat(r.counts, is(new ParseCounts(0, 0, 0, 0)));
  }
}
