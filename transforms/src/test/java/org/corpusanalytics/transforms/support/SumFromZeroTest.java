package org.corpusanalytics.transforms.support;

import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.junit.Rule;
import org.junit.Test;

public class SumFromZeroTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Test
  public void anEmptyInputSumsToOneZero() {
    PCollection<Long> sum =
        pipeline.apply(Create.empty(VarLongCoder.of())).apply(SumFromZero.of());
    PAssert.that(sum).containsInAnyOrder(0L);
    pipeline.run();
  }

  @Test
  public void valuesSumToOneTotal() {
    PCollection<Long> sum = pipeline.apply(Create.of(3L, 4L, 5L)).apply(SumFromZero.of());
    PAssert.that(sum).containsInAnyOrder(12L);
    pipeline.run();
  }

  @Test
  public void aSingletonViewOfAnEmptyInputReadsZero() {
    PCollectionView<Long> total =
        pipeline
            .apply("Nothing", Create.empty(VarLongCoder.of()))
            .apply(SumFromZero.of())
            .apply(View.asSingleton());
    PCollection<String> read =
        pipeline
            .apply("Main", Create.of("x"))
            .apply(ParDo.of(new ReadFn(total)).withSideInputs(total));
    PAssert.that(read).containsInAnyOrder("x 0");
    pipeline.run();
  }

  private static final class ReadFn extends DoFn<String, String> {
    private final PCollectionView<Long> total;

    ReadFn(PCollectionView<Long> total) {
      this.total = total;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      c.output(c.element() + " " + c.sideInput(total));
    }
  }
}
