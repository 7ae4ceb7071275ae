package org.corpusanalytics.transforms.ner;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

public class ShortNamesTest {
  /** Mentions as "text=entity" (PERSON) or "text=entity/TYPE". */
  static AnnotatedArticle article(String id, String... mentions) {
    List<ResolvedMention> list = new ArrayList<>();
    int at = 0;
    for (String m : mentions) {
      String[] p = m.split("[=/]");
      EntityType type = p.length > 2 ? EntityType.valueOf(p[2]) : EntityType.PERSON;
      list.add(new ResolvedMention(0, at, at + p[0].length(), p[0], type, p[1]));
      at += p[0].length() + 1;
    }
    return new AnnotatedArticle(id, null, null, null, at, 0, null, 1, list);
  }

  private static ShortNames.Votes votes(List<List<String>> articles) {
    ShortNames.Votes v = new ShortNames.Votes();
    for (List<String> longNames : articles) {
      v.add(longNames);
    }
    return v;
  }

  @Test
  public void observationsAreShortFormsUsedWithLongerNames() {
    AnnotatedArticle a =
        article(
            "a",
            "Donald Trump=Donald Trump",
            "Trump=Donald Trump",
            "Kim=Kim",
            "Kim Jong-un=Kim Jong-un",
            "Kim Yo-jong=Kim Yo-jong",
            "Oslo=Oslo/LOCATION");
    Map<String, Set<String>> seen = ShortNames.observations(a);
    assertThat(seen.keySet(), contains("Kim", "Trump"));
    assertThat(seen.get("Kim"), contains("Kim Jong-un", "Kim Yo-jong"));
    assertThat(seen.get("Trump"), contains("Donald Trump"));
    // The long name alone is no use of the short form.
    assertThat(ShortNames.observations(article("b", "Donald Trump=Donald Trump")).size(), equalTo(0));
  }

  @Test
  public void ninetyPercentOfTheArticlesDecide() {
    List<List<String>> articles = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      articles.add(List.of("Donald Trump"));
    }
    articles.add(List.of("Ivanka Trump"));
    assertThat(votes(articles).decide(0.9), equalTo("Donald Trump")); // 9 of 10
    articles.add(List.of("Melania Trump"));
    assertThat(votes(articles).decide(0.9), nullValue()); // 9 of 11 is below 90%
    assertThat(votes(articles).decide(0.8), equalTo("Donald Trump"));
  }

  @Test
  public void twoNamesThatBothReachTheShareAreAmbiguous() {
    // Every article names both Kims: each reaches 100%, so "Kim" links to neither.
    List<List<String>> articles = List.of(
        List.of("Kim Jong-un", "Kim Yo-jong"), List.of("Kim Jong-un", "Kim Yo-jong"));
    assertThat(votes(articles).decide(0.9), nullValue());
  }

  @Test
  public void votesMergeLikeOneCount() {
    ShortNames.Votes a = votes(List.of(List.of("Donald Trump"), List.of("Donald Trump")));
    ShortNames.Votes b = votes(List.of(List.of("Ivanka Trump")));
    assertThat(a.merge(b).articles(), equalTo(3L));
    assertThat(a.decide(0.6), equalTo("Donald Trump"));
    assertThat(a.decide(0.9), nullValue());
  }

  @Test
  public void onlyStandalonePersonShortFormsAreRenamed() {
    Map<String, String> links = Map.of("Trump", "Donald Trump", "Kim", "Kim Jong-un");
    AnnotatedArticle standalone = article("a", "Trump=Trump", "Trump's=Trump", "Kim=Kim/LOCATION");
    List<String> entities = new ArrayList<>();
    for (ResolvedMention m : ShortNames.apply(standalone, links).mentions()) {
      entities.add(m.text() + "=" + m.entity() + "/" + m.type());
    }
    assertThat(
        entities,
        contains("Trump=Donald Trump/PERSON", "Trump's=Donald Trump/PERSON", "Kim=Kim/LOCATION"));
    // An article with its own longer name for the word keeps its own decision.
    AnnotatedArticle own = article("b", "Ivanka Trump=Ivanka Trump", "Trump=Trump");
    assertThat(ShortNames.apply(own, links).mentions().get(1).entity(), equalTo("Trump"));
  }
}
