package org.corpusanalytics.transforms.ner;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class PhraseMatcherTest {
  private static List<String> find(List<String> phrases, String text) {
    List<String> out = new ArrayList<>();
    for (PhraseMatcher.Match m : new PhraseMatcher(phrases).find(text)) {
      out.add(text.substring(m.start(), m.end()) + "#" + m.phrase());
    }
    return out;
  }

  @Test
  public void findsEveryPhraseInOnePassIncludingSuffixesOfOthers() {
    // "he" ends inside "she" and "hers": the failure links must still report it.
    assertThat(
        find(List.of("he", "she", "his", "hers"), "ushers he his she"),
        contains("he#0", "his#2", "she#1"));
  }

  @Test
  public void repeatedAndAdjacentMatches() {
    assertThat(find(List.of("Oslo"), "Oslo Oslo,Oslo."), contains("Oslo#0", "Oslo#0", "Oslo#0"));
  }

  @Test
  public void equalPhrasesKeepTheFirst() {
    assertThat(find(List.of("Acme", "Acme"), "Acme"), contains("Acme#0"));
  }

  @Test
  public void equallyLongOverlapsKeepTheLeftmost() {
    assertThat(find(List.of("A B", "B C"), "A B C"), contains("A B#0"));
  }
}
