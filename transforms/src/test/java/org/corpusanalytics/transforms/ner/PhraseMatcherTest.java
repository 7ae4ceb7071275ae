package org.corpusanalytics.transforms.ner;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

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
  public void anAbbreviationIsNoWordOfALongerOne() {
    List<String> phrases = List.of("U.S.", "Ford");
    assertThat(find(phrases, "The U.S.S.R. or U.S.A. or U.S.1"), empty());
    // The period ended the abbreviation: a hyphen after it starts the next word.
    assertThat(find(phrases, "U.S.-China ties, Ford-owned"), contains("U.S.#0"));
    assertThat(find(List.of(".NET"), "ASP.NET, then .NET"), contains(".NET#0"));
    assertThat(
        find(phrases, "In the U.S. Ford said (U.S.), U.S.; then the U.S."),
        contains("U.S.#0", "Ford#1", "U.S.#0", "U.S.#0", "U.S.#0"));
  }

  @Test
  public void equalPhrasesKeepTheFirst() {
    assertThat(find(List.of("Acme", "Acme"), "Acme"), contains("Acme#0"));
  }

  @Test
  public void equallyLongOverlapsKeepTheLeftmost() {
    assertThat(find(List.of("A B", "B C"), "A B C"), contains("A B#0"));
  }

  @Test
  public void manyPhrasesSharingPrefixesAndCharactersBeyondLatin() {
    // Thousands of trie states (the edge table grows many times), shared prefixes, and chars
    // whose code is above 0xFF, including the last UTF-16 unit.
    List<String> phrases = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      phrases.add("Name" + i + " \u00c5se" + (i % 7) + (i % 2 == 0 ? "" : " \u5317\uffff"));
    }
    PhraseMatcher matcher = new PhraseMatcher(phrases);
    for (int i = 0; i < 3000; i += 37) {
      String text = "said " + phrases.get(i) + ", then Name" + i + " left";
      List<PhraseMatcher.Match> found = matcher.find(text);
      assertThat(found.size(), equalTo(1));
      assertThat(found.get(0).phrase(), equalTo(i));
      assertThat(text.substring(found.get(0).start(), found.get(0).end()), equalTo(phrases.get(i)));
    }
    assertThat(matcher.find("Name3000 \u00c5se4 and Name12 \u00c5se"), empty());
  }
}

