package org.corpusanalytics.transforms.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.junit.Rule;
import org.junit.Test;

public class MarkedViewTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  /** Each main element with the view's map, as text. */
  private static PCollection<String> readThrough(
      TestPipeline pipeline,
      String name,
      PCollectionView<List<KV<Boolean, KV<String, Integer>>>> view) {
    return pipeline
        .apply(name + "Main", Create.of("x"))
        .apply(
            name + "Read",
            ParDo.of(
                    new DoFn<String, String>() {
                      @ProcessElement
                      public void process(ProcessContext c) {
                        Map<String, Integer> map = MarkedView.map(c.sideInput(view));
                        c.output(c.element() + " " + new TreeMap<>(map));
                      }
                    })
                .withSideInputs(view));
  }

  @Test
  public void theViewHoldsTheInputWithoutTheMarker() {
    KvCoder<String, Integer> coder = KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of());
    PCollectionView<List<KV<Boolean, KV<String, Integer>>>> some =
        pipeline
            .apply("Some", Create.of(KV.of("a", 1), KV.of("b", 2)).withCoder(coder))
            .apply("SomeView", MarkedView.asList());
    PCollectionView<List<KV<Boolean, KV<String, Integer>>>> none =
        pipeline
            .apply("None", Create.empty(coder))
            .apply("NoneView", MarkedView.asList());
    PAssert.that(readThrough(pipeline, "Some", some)).containsInAnyOrder("x {a=1, b=2}");
    PAssert.that(readThrough(pipeline, "None", none)).containsInAnyOrder("x {}");
    pipeline.run();
  }

  @Test
  public void elementsDropsOnlyTheMarker() {
    List<KV<Boolean, String>> view =
        List.of(KV.of(true, "a"), KV.of(false, null), KV.of(true, "b"));
    assertThat(MarkedView.elements(view), equalTo(List.of("a", "b")));
  }
}
