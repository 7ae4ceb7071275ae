package org.corpusanalytics.transforms.stats;

import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.KV;

/** Sums pairs of counts element-wise; a combiner, so partial sums happen before the shuffle. */
final class LongPairs {
  private LongPairs() {}

  static Combine.BinaryCombineFn<KV<Long, Long>> sum() {
    return new Combine.BinaryCombineFn<KV<Long, Long>>() {
      @Override
      public KV<Long, Long> apply(KV<Long, Long> a, KV<Long, Long> b) {
        return KV.of(a.getKey() + b.getKey(), a.getValue() + b.getValue());
      }
    };
  }
}
