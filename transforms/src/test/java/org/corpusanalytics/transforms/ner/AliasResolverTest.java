package org.corpusanalytics.transforms.ner;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class AliasResolverTest {
  private static AliasResolver.Sentence sentence(String text, Object... typeAndSurface) {
    List<Mention> mentions = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < typeAndSurface.length; i += 2) {
      EntityType type = (EntityType) typeAndSurface[i];
      String surface = (String) typeAndSurface[i + 1];
      int start = text.indexOf(surface, from);
      mentions.add(new Mention(start, start + surface.length(), surface, type));
      from = start + surface.length();
    }
    return new AliasResolver.Sentence(text, mentions);
  }

  private static List<String> entities(List<AliasResolver.Resolved> resolved) {
    List<String> out = new ArrayList<>();
    for (AliasResolver.Resolved r : resolved) {
      out.add(r.entity + "/" + r.type + "@" + r.sentence + ":" + r.text);
    }
    return out;
  }

  @Test
  public void surnameAndFirstNameLinkToTheFullNameWhateverTheirTag() {
    List<AliasResolver.Sentence> article =
        List.of(
            sentence(
                "U.S. President Donald Trump said he would meet Kim Jong-un again.",
                EntityType.LOCATION, "U.S.",
                EntityType.PERSON, "Donald Trump",
                EntityType.PERSON, "Kim Jong-un"),
            sentence("Trump praised Kim on Tuesday.", EntityType.PERSON, "Trump",
                EntityType.LOCATION, "Kim"));
    assertThat(
        entities(new AliasResolver().resolve(article)),
        contains(
            "U.S./LOCATION@0:U.S.",
            "Donald Trump/PERSON@0:Donald Trump",
            "Kim Jong-un/PERSON@0:Kim Jong-un",
            "Donald Trump/PERSON@1:Trump",
            "Kim Jong-un/PERSON@1:Kim"));
  }

  @Test
  public void untaggedSurnameOfAPersonInTheSameArticleIsAdded() {
    List<AliasResolver.Sentence> article =
        List.of(
            sentence("Helen Carter spoke in Oslo.", EntityType.PERSON, "Helen Carter",
                EntityType.LOCATION, "Oslo"),
            sentence("Later, Carter left for Bergen.", EntityType.LOCATION, "Bergen"));
    assertThat(
        entities(new AliasResolver().resolve(article)),
        contains(
            "Helen Carter/PERSON@0:Helen Carter",
            "Oslo/LOCATION@0:Oslo",
            "Helen Carter/PERSON@1:Carter",
            "Bergen/LOCATION@1:Bergen"));
  }

  @Test
  public void ambiguousSurnameStaysAsTagged() {
    List<AliasResolver.Sentence> article =
        List.of(
            sentence("Kim Jong-un met Kim Yo-jong.", EntityType.PERSON, "Kim Jong-un",
                EntityType.PERSON, "Kim Yo-jong"),
            sentence("Kim spoke first.", EntityType.PERSON, "Kim"));
    List<AliasResolver.Resolved> resolved = new AliasResolver().resolve(article);
    assertThat(resolved.get(2).entity, equalTo("Kim"));
  }

  @Test
  public void titlesAndPossessivesAreNotPartOfTheName() {
    assertThat(AliasResolver.canonicalName("President Donald  Trump", EntityType.PERSON),
        equalTo("Donald Trump"));
    assertThat(AliasResolver.canonicalName("Mr. Smith's", EntityType.PERSON), equalTo("Smith"));
    assertThat(AliasResolver.canonicalName("President", EntityType.PERSON), equalTo("President"));
    // Only people carry titles: an organization keeps its words.
    assertThat(AliasResolver.canonicalName("General Motors", EntityType.ORGANIZATION),
        equalTo("General Motors"));
  }

  @Test
  public void aSingleWordPersonWithNoFullNameStaysItself() {
    List<AliasResolver.Sentence> article =
        List.of(sentence("Trump spoke.", EntityType.PERSON, "Trump"));
    assertThat(entities(new AliasResolver().resolve(article)), contains("Trump/PERSON@0:Trump"));
  }
}
