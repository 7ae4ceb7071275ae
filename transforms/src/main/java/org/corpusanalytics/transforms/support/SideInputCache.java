package org.corpusanalytics.transforms.support;

import java.io.Serializable;
import java.util.function.Supplier;
import javax.annotation.Nullable;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;

/**
 * What a DoFn derives from its side inputs, computed on the first element of each window and
 * reused for the others.
 *
 * <p>Runners can make every {@code sideInput()} call cost more than the element's own work: the
 * Flink runner formats a description of the whole view (coder and schema included) on each call,
 * and the Direct runner rebuilds a map view from all its entries. A side input's content is fixed
 * for its window, so computing once per window gives the same result as computing per element. The
 * report runs in one window, the global one.
 */
public final class SideInputCache<V> implements Serializable {
  private static final long serialVersionUID = 1L;

  private transient @Nullable BoundedWindow window;
  private transient @Nullable V value;

  /** The value for {@code window}: {@code compute}'s result on its first element. */
  public V get(BoundedWindow window, Supplier<V> compute) {
    V v = value;
    if (v == null || !window.equals(this.window)) {
      v = compute.get();
      value = v;
      this.window = window;
    }
    return v;
  }
}
