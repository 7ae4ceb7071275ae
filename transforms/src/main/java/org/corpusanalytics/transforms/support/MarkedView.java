package org.corpusanalytics.transforms.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * A list side input that is never empty: the input's elements, each as {@code KV(true, e)}, and
 * one marker, {@code KV(false, null)}. Read it with {@link #elements}.
 *
 * <p>Why: the Direct runner makes a view of an empty collection ready when the watermark passes
 * the window, which produces no output; if by then no other step has work, the elements waiting
 * for that view are never retried and the run never ends (it keeps polling timers). A view with
 * an element is written like any output, which wakes them. Deep in the pipeline (a join after
 * near-duplicate detection) this hung dedup tests more than half the time. The marker costs one
 * element on every runner.
 */
public final class MarkedView<T>
    extends PTransform<PCollection<T>, PCollectionView<List<KV<Boolean, T>>>> {
  private MarkedView() {}

  public static <T> MarkedView<T> asList() {
    return new MarkedView<>();
  }

  @Override
  public PCollectionView<List<KV<Boolean, T>>> expand(PCollection<T> input) {
    Coder<KV<Boolean, T>> coder = KvCoder.of(BooleanCoder.of(), NullableCoder.of(input.getCoder()));
    PCollection<KV<Boolean, T>> marked =
        input
            .apply("MarkElements", ParDo.of(new MarkFn<T>()))
            .setCoder(coder);
    PCollection<KV<Boolean, T>> marker =
        input
            .getPipeline()
            .apply(
                "Marker",
                Create.of(Collections.singletonList(KV.of(false, (T) null))).withCoder(coder));
    return PCollectionList.of(marked)
        .and(marker)
        .apply("WithMarker", Flatten.pCollections())
        .setCoder(coder)
        .apply("AsView", View.asList());
  }

  private static final class MarkFn<T> extends DoFn<T, KV<Boolean, T>> {
    @ProcessElement
    public void process(@Element T e, OutputReceiver<KV<Boolean, T>> out) {
      out.output(KV.of(true, e));
    }
  }

  /** The input's elements in a view made by {@link #asList}, without the marker. */
  public static <T> List<T> elements(List<KV<Boolean, T>> view) {
    List<T> out = new ArrayList<>(view.size());
    for (KV<Boolean, T> e : view) {
      if (e.getKey()) {
        out.add(e.getValue());
      }
    }
    return out;
  }

  /** The input's pairs in a view made by {@link #asList}, as a map: their keys must be unique. */
  public static <K, V> Map<K, V> map(List<KV<Boolean, KV<K, V>>> view) {
    Map<K, V> out = new HashMap<>();
    for (KV<K, V> e : elements(view)) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }
}
