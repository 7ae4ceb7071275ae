package org.corpusanalytics.transforms.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.Test;

public class CodePointOrderTest {
  private static final CodePointOrder ORDER = CodePointOrder.INSTANCE;

  @Test
  public void charactersBeyondTheBasicPlaneSortAfterFullWidthForms() {
    String math = "\uD835\uDC00lpha Corp"; // U+1D400 MATHEMATICAL BOLD CAPITAL A
    String fullWidth = "\uFF3Aeta Corp"; // U+FF3A FULLWIDTH LATIN CAPITAL LETTER Z
    assertThat(fullWidth.compareTo(math), greaterThan(0)); // UTF-16 order, what this replaces
    assertThat(ORDER.compare(fullWidth, math), lessThan(0));
    assertThat(ORDER.compare(math, fullWidth), greaterThan(0));
  }

  @Test
  public void agreesWithUtf8ByteOrder() {
    String[] alphabet = {
      "a", "Z", "é", "\u4E2D", "\uE000", "\uFF3A", "\uFFFF", "\uD83D\uDE00", "\uD835\uDC00", "\uD800\uDC00"
    };
    Random random = new Random(7);
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      StringBuilder word = new StringBuilder();
      for (int j = random.nextInt(4); j >= 0; j--) {
        word.append(alphabet[random.nextInt(alphabet.length)]);
      }
      words.add(word.toString());
    }
    for (int i = 0; i + 1 < words.size(); i++) {
      String a = words.get(i);
      String b = words.get(i + 1);
      int bytes = Integer.signum(Arrays.compareUnsigned(utf8(a), utf8(b)));
      assertThat(a + " vs " + b, Integer.signum(ORDER.compare(a, b)), is(bytes));
    }
  }

  @Test
  public void prefixesComeFirst() {
    List<String> names = new ArrayList<>(List.of("Ab", "A", "", "B"));
    names.sort(ORDER);
    assertThat(names, contains("", "A", "Ab", "B"));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
