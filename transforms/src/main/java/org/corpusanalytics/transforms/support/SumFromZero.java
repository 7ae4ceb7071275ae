package org.corpusanalytics.transforms.support;

import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * The sum of the input as exactly one element, 0 for an empty input. Unlike {@code
 * Sum.longsGlobally()}, whose empty-input default is produced by an element waiting on a view of
 * the (possibly empty) result, it never waits on an empty view: see {@link MarkedView} for why
 * that matters on the Direct runner. A view of it is never empty either.
 */
public final class SumFromZero extends PTransform<PCollection<Long>, PCollection<Long>> {
  private SumFromZero() {}

  public static SumFromZero of() {
    return new SumFromZero();
  }

  @Override
  public PCollection<Long> expand(PCollection<Long> input) {
    PCollection<Long> zero =
        input.getPipeline().apply("Zero", Create.of(0L).withCoder(VarLongCoder.of()));
    return PCollectionList.of(input)
        .and(zero)
        .apply("WithZero", Flatten.pCollections())
        .apply("Sum", Combine.globally(Sum.ofLongs()).withoutDefaults());
  }
}
