package org.corpusanalytics.transforms.ner;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.corpusanalytics.transforms.dedup.DedupedArticle;
import org.corpusanalytics.transforms.model.Article;
import org.corpusanalytics.transforms.text.SentenceSplitter;
import org.corpusanalytics.transforms.text.TextNormalizer;
import org.junit.Rule;
import org.junit.Test;

/** Weird text and a failing recognizer never fail the tagging stage; failures are counted. */
public class RecognizeEntitiesRobustnessTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  /** Tags capitalized words; fails on BOOM (exception) and DEEP (stack overflow); WILD gets a bad span. */
  static final class TroubledRecognizer implements EntityRecognizer {
    private static final Pattern WORD = Pattern.compile("\\p{Lu}\\p{Ll}+");

    @Override
    public List<Mention> recognize(String sentence) {
      if (sentence.contains("BOOM")) {
        throw new IllegalStateException("tagger exploded");
      }
      if (sentence.contains("DEEP")) {
        throw new StackOverflowError();
      }
      List<Mention> out = new ArrayList<>();
      if (sentence.contains("WILD")) {
        out.add(new Mention(0, sentence.length() + 5, "x", EntityType.PERSON));
        out.add(null);
      }
      Matcher m = WORD.matcher(sentence);
      while (m.find()) {
        out.add(new Mention(m.start(), m.end(), m.group(), EntityType.PERSON));
      }
      return out;
    }
  }

  @Test
  public void aFailingSentenceIsCountedAndTheOthersAreTagged() {
    String body = "Alice met Bob. BOOM went Carol. Then DEEP trouble for Dave. WILD times for Erin. Frank left.";
    AnnotatedArticle a = annotate(body, new TroubledRecognizer(), new SentenceSplitter());
    assertThat(a.sentencesFailed(), is(2));
    assertThat(a.sentences(), is(5));
    List<String> names = new ArrayList<>();
    for (ResolvedMention m : a.mentions()) {
      assertThat(body.substring(m.start(), m.end()), is(m.text()));
      names.add(m.text());
    }
    assertThat(names, is(List.of("Alice", "Bob", "Erin", "Frank")));
  }

  @Test
  public void overLongSentencesAreCountedWhenCut() {
    String body = "Short one. " + "x".repeat(2500) + " and then " + "Word ".repeat(300) + "end.";
    AnnotatedArticle a = annotate(body, new TroubledRecognizer(), new SentenceSplitter().withMaxSentenceChars(1000));
    assertThat(a.sentencesCut(), is(1));
    assertThat(a.sentences(), greaterThan(4));
  }

  @Test
  public void randomTextNeverFailsAndMentionsPointIntoTheBody() {
    Random random = new Random(1234L);
    EntityRecognizer spans = new RandomSpans();
    long deadline = System.nanoTime() + 2_000_000_000L;
    int cases = 0;
    for (; cases < 500 && System.nanoTime() < deadline; cases++) {
      String body = randomText(random, random.nextInt(random.nextBoolean() ? 200 : 5000));
      SentenceSplitter splitter = new SentenceSplitter().withMaxSentenceChars(1 + random.nextInt(300));
      AnnotatedArticle a;
      try {
        a = annotate(body, spans, splitter);
      } catch (RuntimeException | Error e) {
        throw new AssertionError("case " + cases + " failed on " + escape(body), e);
      }
      assertThat(a.sentencesFailed(), is(0));
      for (ResolvedMention m : a.mentions()) {
        assertThat(m.end(), lessThanOrEqualTo(body.length()));
        assertThat(body.substring(m.start(), m.end()), is(m.text()));
      }
    }
    assertThat(cases, greaterThan(5));
  }

  @Test
  public void theStageCountsFailedAndCutSentences() {
    Article article =
        new Article("a1", null, "Alice met Bob. BOOM. " + "y".repeat(30), null, null, null, "/f", 1);
    PAssert.that(
            p.apply(Create.of(new DedupedArticle(article, List.of())))
                .apply(
                    RecognizeEntities.with(new TroubledRecognizer())
                        .withSplitter(new SentenceSplitter().withMaxSentenceChars(10)))
                .apply(MapElements.into(TypeDescriptors.strings()).via(AnnotatedArticle::id)))
        .containsInAnyOrder("a1");
    PipelineResult run = p.run();
    run.waitUntilFinish();
    assertThat(counter(run, "sentences_failed"), is(1L));
    assertThat(counter(run, "sentences_cut"), is(2L));
  }

  private static AnnotatedArticle annotate(String body, EntityRecognizer r, SentenceSplitter splitter) {
    Article article = new Article("id", null, body, null, null, null, "/f", 1);
    return RecognizeEntities.annotate(
        new DedupedArticle(article, List.of()), r, new TextNormalizer(), splitter);
  }

  /** Random valid spans of each sentence. */
  static final class RandomSpans implements EntityRecognizer {
    @Override
    public List<Mention> recognize(String sentence) {
      Random random = new Random(sentence.hashCode());
      List<Mention> out = new ArrayList<>();
      for (int i = 0; i < 3 && sentence.length() > 1; i++) {
        int start = random.nextInt(sentence.length() - 1);
        int end = start + 1 + random.nextInt(Math.min(20, sentence.length() - start));
        out.add(new Mention(start, end, sentence.substring(start, end),
            EntityType.values()[random.nextInt(EntityType.values().length)]));
      }
      return out;
    }
  }

  private static final String[] PIECES = {
    " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u200b", "\u200d", "\u00ad", "\ufeff", "\u202e",
    ".", "!", "?", "...", "\u2026", "\"", "\u201c", "\u201d", "(", ")", "Mr.", "U.S.", "e.g.",
    "Alice", "Bob", "Zo\u0308e", "\u00e9", "e\u0301", "\u1100\u1161", "\ufb01", "\u2163", "\uff21",
    "\ud83d\ude00", "\ud83d", "\ude00", "\u0000", "\u0007", "\u0627\u0644\u0642\u0627\u0647\u0631\u0629",
    "\u4e60\u8fd1\u5e73", "\u0e19\u0e32\u0e22\u0e01", "abc", "Def", "GHI", "1", "3.5", "-", "'",
  };

  private static String randomText(Random random, int pieces) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      if (random.nextInt(40) == 0) {
        s.append((char) random.nextInt(0x10000)); // anything, lone surrogates included
      } else {
        s.append(PIECES[random.nextInt(PIECES.length)]);
      }
    }
    return s.toString();
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }

  private static long counter(PipelineResult run, String name) {
    long sum = 0;
    for (MetricResult<Long> c :
        run.metrics()
            .queryMetrics(
                MetricsFilter.builder().addNameFilter(MetricNameFilter.named("entities", name)).build())
            .getCounters()) {
      sum += c.getAttempted();
    }
    return sum;
  }
}
