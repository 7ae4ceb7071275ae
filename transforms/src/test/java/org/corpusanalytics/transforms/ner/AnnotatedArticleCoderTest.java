package org.corpusanalytics.transforms.ner;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.lessThan;

import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.junit.Test;

public class AnnotatedArticleCoderTest {
  private static final AnnotatedArticle FULL =
      new AnnotatedArticle(
          "wire-7",
          "Talks in Harbourton",
          1_710_028_800_000L,
          "Northwind Wire",
          1234,
          56,
          "wire-3",
          9,
          List.of(
              new ResolvedMention(0, 10, 22, "Helen Carter", EntityType.PERSON, "Helen Carter"),
              new ResolvedMention(3, 400, 406, "Carter", EntityType.PERSON, "Helen Carter"),
              new ResolvedMention(3, 410, 420, "Harbourton", EntityType.LOCATION, "Harbourton"),
              new ResolvedMention(8, 1200, 1209, "Zoë Ålund", EntityType.MISC, "Zoë Ålund")),
          1,
          2);

  private static final AnnotatedArticle BARE =
      new AnnotatedArticle("a", null, null, null, 0, 0, null, 0, List.of());

  @Test
  public void everyFieldSurvivesTheRoundTrip() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(AnnotatedArticleCoder.of(), FULL);
    CoderProperties.coderDecodeEncodeEqual(AnnotatedArticleCoder.of(), BARE);
    AnnotatedArticle decoded = CoderUtils.clone(AnnotatedArticleCoder.of(), FULL);
    assertThat(decoded.sentencesCut(), equalTo(1));
    assertThat(decoded.sentencesFailed(), equalTo(2));
    assertThat(decoded.mentions().get(1).entity(), equalTo("Helen Carter"));
    assertThat(decoded.mentions().get(1).text(), equalTo("Carter"));
    assertThat(decoded.duplicateOf(), equalTo("wire-3"));
  }

  @Test
  public void isDeterministicAndTheDefaultCoder() throws Exception {
    CoderProperties.coderDeterministic(AnnotatedArticleCoder.of(), FULL, FULL);
    CoderProperties.coderSerializable(AnnotatedArticleCoder.of());
    Coder<AnnotatedArticle> coder =
        CoderRegistry.createDefault().getCoder(TypeDescriptor.of(AnnotatedArticle.class));
    assertThat(coder, instanceOf(AnnotatedArticleCoder.class));
  }

  @Test
  public void isSmallerThanTheReflectionCoder() throws Exception {
    int compact = CoderUtils.encodeToByteArray(AnnotatedArticleCoder.of(), FULL).length;
    int reflect = CoderUtils.encodeToByteArray(AvroCoder.of(AnnotatedArticle.class), FULL).length;
    assertThat(compact, lessThan(reflect));
  }

  @Test(expected = org.apache.beam.sdk.coders.CoderException.class)
  public void aTruncatedArticleIsAnError() throws Exception {
    byte[] bytes = CoderUtils.encodeToByteArray(AnnotatedArticleCoder.of(), FULL);
    CoderUtils.decodeFromByteArray(
        AnnotatedArticleCoder.of(), java.util.Arrays.copyOf(bytes, bytes.length - 12));
  }
}
