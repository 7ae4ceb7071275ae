package org.corpusanalytics.transforms.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.model.RejectedRecord;

/** Runs an {@link ArticleParser} into lists and checks its accounting against what it emitted. */
final class ParseResult {
  final List<Article> articles = new ArrayList<>();
  final List<RejectedRecord> rejections = new ArrayList<>();
  ParseCounts counts;

  static ArticleParser parser(InputFormat format) {
    return new ArticleParser(
        format, FieldMap.identity(), DateParser.isoOnly(), ArticleParser.DEFAULT_MAX_ARTICLE_CHARS);
  }

  static ParseResult parse(ArticleParser parser, String fileName, String content) {
    return parse(parser, fileName, content.getBytes(StandardCharsets.UTF_8));
  }

  static ParseResult parse(ArticleParser parser, String fileName, byte[] content) {
    return parse(parser, fileName, new ByteArrayInputStream(content));
  }

  static ParseResult parse(ArticleParser parser, String fileName, InputStream in) {
    ParseResult result = new ParseResult();
    result.counts =
        parser.parse(
            fileName,
            in,
            new ArticleParser.Sink() {
              @Override
              public void article(Article article) {
                result.articles.add(article);
              }

              @Override
              public void rejected(RejectedRecord rejected) {
                result.rejections.add(rejected);
              }
            });
    // The accounting every file must satisfy.
    assertThat("processed", result.counts.processed(), is((long) result.articles.size()));
    assertThat("rejected", result.counts.rejected(), is((long) result.rejections.size()));
    assertThat(
        "read = processed + rejected",
        result.counts.read(),
        is(result.counts.processed() + result.counts.rejected()));
    for (RejectedRecord r : result.rejections) {
      assertThat(r.sourceFile(), is(fileName));
    }
    for (Article a : result.articles) {
      assertThat(a.sourceFile(), is(fileName));
    }
    return result;
  }

  List<String> ids() {
    return articles.stream().map(Article::id).collect(Collectors.toList());
  }

  List<String> bodies() {
    return articles.stream().map(Article::body).collect(Collectors.toList());
  }

  List<String> reasons() {
    return rejections.stream().map(RejectedRecord::reason).collect(Collectors.toList());
  }

  List<Long> rejectedRecords() {
    return rejections.stream().map(RejectedRecord::record).collect(Collectors.toList());
  }

  RejectedRecord onlyRejection() {
    assertThat(rejections, hasSize(1));
    return rejections.get(0);
  }

  Article onlyArticle() {
    assertThat(articles, hasSize(1));
    return articles.get(0);
  }
}
