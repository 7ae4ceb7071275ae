package org.corpusanalytics.transforms.ner;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.corpusanalytics.transforms.dedup.DedupedArticle;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.text.SentenceSplitter;
import org.corpusanalytics.transforms.text.TextNormalizer;
import org.junit.Test;

/**
 * The layout and world-knowledge rules on random text in the shapes they look for (score lines,
 * standings, datelines, brackets, line-ups, lines in capitals, designators, countries and peoples'
 * words, organizations' head words and bracketed abbreviations), under a tagger that tags random
 * word runs: no rule may throw (a throw costs the article its mentions) and every mention must be a
 * span of the body.
 */
public class RecognitionRulesFuzzTest {
  private static final String[] WORDS = {
    "Leeds", "United", "Newcastle", "2", "1", "0", "3", "10", "4:02:11", "1996-08-30", "(", ")",
    ",", ".", "-", "'s", "\"", "and", "or", "In", "The", "of", "Inc", "Corp", "Bros", "II",
    "Germany", "German", "Germans", "U.S.", "Britain", "Iraqi", "West", "Indies", "Jordan",
    "London-based", "Helen", "Carter", "Northwind", "Motors", "HARBOURTON", "SOCCER", "BEAT",
    "NEW", "YORK", "halftime", "1-0", "Monday", "said", "beat", "team", "Ålund", "Zoë", "'", "&",
    "--", "(K)", "x", "3.", "Piet", "Vanhoek", "Belgium", "Racing", "\t", "\u00a0",
    "Council", "Bank", "League", "Union", "on", "for", "Friday", "Nordvik", "Stock", "Exchange",
    "NSE", "(NSE)", "N.S.E.", "LU"
  };
  private static final EntityType[] TYPES = EntityType.values();

  /** Tags random runs of words with random types; the same text always gets the same tags. */
  private static final class RandomTagger implements EntityRecognizer {
    @Override
    public List<Mention> recognize(String sentence) {
      Random random = new Random(sentence.hashCode());
      List<int[]> words = new ArrayList<>();
      int i = 0;
      while (i < sentence.length()) {
        while (i < sentence.length() && Character.isWhitespace(sentence.charAt(i))) {
          i++;
        }
        int start = i;
        while (i < sentence.length() && !Character.isWhitespace(sentence.charAt(i))) {
          i++;
        }
        if (i > start) {
          words.add(new int[] {start, i});
        }
      }
      List<Mention> out = new ArrayList<>();
      int w = 0;
      while (w < words.size()) {
        if (random.nextInt(3) == 0) {
          int last = Math.min(words.size() - 1, w + random.nextInt(3));
          int start = words.get(w)[0];
          int end = words.get(last)[1];
          out.add(
              new Mention(
                  start, end, sentence.substring(start, end), TYPES[random.nextInt(TYPES.length)]));
          w = last + 1;
        } else {
          w++;
        }
      }
      return out;
    }
  }

  private static String body(Random random) {
    StringBuilder b = new StringBuilder();
    int lines = 1 + random.nextInt(8);
    for (int l = 0; l < lines; l++) {
      int words = 1 + random.nextInt(12);
      boolean capitals = random.nextInt(4) == 0;
      for (int w = 0; w < words; w++) {
        String word = WORDS[random.nextInt(WORDS.length)];
        b.append(capitals ? word.toUpperCase(java.util.Locale.ROOT) : word).append(' ');
      }
      b.append(random.nextInt(5) == 0 ? "\n\n" : "\n");
    }
    return b.toString();
  }

  @Test
  public void noRuleThrowsAndEveryMentionIsASpanOfTheBody() {
    ArticleRecognition stage =
        new ArticleRecognition(
            new TextNormalizer(), new SentenceSplitter(), RecognitionRules.defaults());
    EntityRecognizer tagger = new RandomTagger();
    Random random = new Random(20261127);
    int mentions = 0;
    for (int n = 0; n < 3000; n++) {
      String body = body(random);
      DedupedArticle article =
          new DedupedArticle(new Article("fuzz-" + n, null, body, null, null, null, "f", n), List.of());
      AnnotatedArticle annotated = stage.annotate(article, tagger);
      assertThat("article " + n + ": " + body, annotated.sentencesFailed(), equalTo(0));
      for (ResolvedMention m : annotated.mentions()) {
        assertThat(m.end(), lessThanOrEqualTo(body.length()));
        assertThat("article " + n, body.substring(m.start(), m.end()), equalTo(m.text()));
      }
      mentions += annotated.mentions().size();
    }
    assertThat(mentions, greaterThan(3000));
  }
}
