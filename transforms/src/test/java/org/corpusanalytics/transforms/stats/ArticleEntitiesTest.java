package org.corpusanalytics.transforms.stats;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.KV;
import org.corpusanalytics.transforms.ner.AnnotatedArticle;
import org.corpusanalytics.transforms.ner.EntityType;
import org.corpusanalytics.transforms.ner.ResolvedMention;
import org.junit.Test;

public class ArticleEntitiesTest {
  private static final String MATH_ALPHA = "\uD835\uDC00lpha Corp"; // U+1D400, beyond U+FFFF
  private static final String WIDE_ZETA = "\uFF3Aeta Corp"; // U+FF3A, full-width

  @Test
  public void pairsAreOrderedByCodePointAsQueriesCompareThem() {
    AnnotatedArticle article = article(MATH_ALPHA, WIDE_ZETA);
    Map<KV<String, String>, Long> pairs =
        ArticleEntities.pairs(article, ArticleEntities.names(article));
    // UTF-8 byte order, as in DuckDB's entity_a < entity_b: U+FF3A before U+1D400.
    assertThat(pairs.keySet(), contains(KV.of(WIDE_ZETA, MATH_ALPHA)));
  }

  @Test
  public void capTiesAreBrokenInCodePointOrder() {
    AnnotatedArticle article = article(MATH_ALPHA, WIDE_ZETA, "Zulu Corp");
    assertThat(
        ArticleEntities.pairCandidates(article, 2), contains("Zulu Corp", WIDE_ZETA));
  }

  private static AnnotatedArticle article(String... names) {
    List<ResolvedMention> mentions = new ArrayList<>();
    int offset = 0;
    for (String name : names) {
      mentions.add(
          new ResolvedMention(0, offset, offset + name.length(), name, EntityType.ORGANIZATION, name));
      offset += name.length() + 1;
    }
    return new AnnotatedArticle("a", null, null, null, offset, 0, null, 1, mentions);
  }
}
