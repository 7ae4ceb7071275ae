package org.corpusanalytics.transforms.stats;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.values.KV;
import org.corpusanalytics.transforms.ner.AnnotatedArticle;
import org.corpusanalytics.transforms.ner.EntityType;
import org.corpusanalytics.transforms.ner.ResolvedMention;
import org.junit.Test;

/** An article with thousands of distinct entities contributes the pairs of its top 100 only. */
public class ComentionCapTest {
  @Test
  public void thousandsOfEntitiesGivePairsOfTheCappedSetOnly() {
    List<ResolvedMention> mentions = new ArrayList<>();
    int offset = 0;
    for (int i = 0; i < 3000; i++) {
      String name = String.format("Person %04d", i);
      // Person 0000..0009 are mentioned twice, so they must be among the candidates.
      for (int copies = 0; copies < (i < 10 ? 2 : 1); copies++) {
        mentions.add(new ResolvedMention(i / 50, offset, offset + 11, name, EntityType.PERSON, name));
        offset += 12;
      }
    }
    AnnotatedArticle article =
        new AnnotatedArticle("big", null, null, null, offset, 0, null, 60, mentions);

    assertThat(CountComentions.isCapped(article, 100), is(true));
    assertThat(CountComentions.isCapped(article, 3000), is(false));
    Set<String> candidates =
        ArticleEntities.pairCandidates(article, CountComentions.DEFAULT_MAX_ENTITIES_PER_ARTICLE);
    assertThat(candidates.size(), is(100));
    for (int i = 0; i < 10; i++) {
      assertThat(candidates.contains(String.format("Person %04d", i)), is(true));
    }
    Map<KV<String, String>, Long> pairs = ArticleEntities.pairs(article, candidates);
    assertThat(pairs.size(), is(100 * 99 / 2));
  }
}
