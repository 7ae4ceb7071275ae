package org.corpusanalytics.transforms.dedup;

import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.corpusanalytics.transforms.support.MarkedView;
import org.corpusanalytics.transforms.support.SideInputCache;

/**
 * Joins every element of a large keyed collection with the one value its key has in a lookup
 * collection, without funnelling a hot key through one worker.
 *
 * <p>A plain {@code CoGroupByKey} sends every element of a key to one place: a footer that occurs in
 * a million articles is a million elements behind one key. Here a key with more than {@code
 * hotKeyThreshold} elements (as told by {@code counts}, which callers get from a combiner) is split
 * into {@code ceil(count / hotKeyThreshold)} salted sub-keys (at most {@code maxFanout}): each
 * element goes to the sub-key picked by a fixed hash of its encoded value, and the lookup value is
 * replicated to every sub-key. Keys at or under the threshold keep a single sub-key, so the lookup
 * side is only copied for the few hot keys. The hot keys travel as a small side input (at most
 * {@code total elements / hotKeyThreshold} entries).
 *
 * <p>The output does not depend on the salting: every element meets the same lookup value whatever
 * its sub-key. Elements whose key has no lookup value are dropped (an inner join).
 *
 * @param <K> key; its coder must be deterministic
 * @param <V> element value
 * @param <W> lookup value
 */
public final class HotKeyJoin<K, V, W>
    extends PTransform<PCollection<KV<K, V>>, PCollection<KV<K, KV<V, W>>>> {
  public static final long DEFAULT_HOT_KEY_THRESHOLD = 10_000;
  public static final int DEFAULT_MAX_FANOUT = 1_000;

  private final PCollection<KV<K, W>> lookup;
  private final @Nullable PCollection<KV<K, Long>> counts;
  private final long hotKeyThreshold;
  private final int maxFanout;

  private HotKeyJoin(
      PCollection<KV<K, W>> lookup,
      @Nullable PCollection<KV<K, Long>> counts,
      long hotKeyThreshold,
      int maxFanout) {
    this.lookup = lookup;
    this.counts = counts;
    this.hotKeyThreshold = hotKeyThreshold;
    this.maxFanout = maxFanout;
  }

  /**
   * Joins with {@code lookup} (at most one value per key); {@code counts} holds, for at least every
   * hot key, how many input elements have it. Null counts: no key is hot (a plain join, for inputs
   * whose keys are known to have few elements each).
   */
  public static <K, V, W> HotKeyJoin<K, V, W> with(
      PCollection<KV<K, W>> lookup, @Nullable PCollection<KV<K, Long>> counts) {
    return new HotKeyJoin<>(lookup, counts, DEFAULT_HOT_KEY_THRESHOLD, DEFAULT_MAX_FANOUT);
  }

  /** Keys with more elements than this are split; each sub-key gets about this many. */
  public HotKeyJoin<K, V, W> withHotKeyThreshold(long threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException("hotKeyThreshold must be at least 1, got " + threshold);
    }
    return new HotKeyJoin<>(lookup, counts, threshold, maxFanout);
  }

  public HotKeyJoin<K, V, W> withMaxFanout(int fanout) {
    if (fanout < 1) {
      throw new IllegalArgumentException("maxFanout must be at least 1, got " + fanout);
    }
    return new HotKeyJoin<>(lookup, counts, hotKeyThreshold, fanout);
  }

  /** Sub-keys for a key with {@code count} elements. */
  static int fanout(long count, long hotKeyThreshold, int maxFanout) {
    if (count <= hotKeyThreshold) {
      return 1;
    }
    long parts = (count + hotKeyThreshold - 1) / hotKeyThreshold;
    return (int) Math.min(parts, maxFanout);
  }

  @Override
  public PCollection<KV<K, KV<V, W>>> expand(PCollection<KV<K, V>> input) {
    KvCoder<K, V> inputCoder = (KvCoder<K, V>) input.getCoder();
    Coder<K> keyCoder = inputCoder.getKeyCoder();
    Coder<V> valueCoder = inputCoder.getValueCoder();
    Coder<W> lookupCoder = ((KvCoder<K, W>) lookup.getCoder()).getValueCoder();
    KvCoder<K, Integer> saltedKeyCoder = KvCoder.of(keyCoder, VarIntCoder.of());

    long threshold = hotKeyThreshold;
    int max = maxFanout;
    PCollection<KV<K, Long>> keyCounts =
        counts != null
            ? counts
            : input
                .getPipeline()
                .apply("NoHotKeys", Create.empty(KvCoder.of(keyCoder, VarLongCoder.of())));
    PCollectionView<List<KV<Boolean, KV<K, Integer>>>> hotKeys =
        keyCounts
            .apply("FindHotKeys", ParDo.of(new HotKeysFn<K>(threshold, max)))
            .setCoder(KvCoder.of(keyCoder, VarIntCoder.of()))
            .apply("HotKeysAsView", MarkedView.asList());

    PCollection<KV<KV<K, Integer>, V>> salted =
        input
            .apply(
                "SaltElements",
                ParDo.of(new SaltFn<K, V>(hotKeys, valueCoder)).withSideInputs(hotKeys))
            .setCoder(KvCoder.of(saltedKeyCoder, valueCoder));
    PCollection<KV<KV<K, Integer>, W>> replicated =
        lookup
            .apply(
                "ReplicateLookupForHotKeys",
                ParDo.of(new ReplicateFn<K, W>(hotKeys)).withSideInputs(hotKeys))
            .setCoder(KvCoder.of(saltedKeyCoder, lookupCoder));

    TupleTag<V> elementTag = new TupleTag<>();
    TupleTag<W> lookupTag = new TupleTag<>();
    return KeyedPCollectionTuple.of(lookupTag, replicated)
        .and(elementTag, salted)
        .apply("JoinBySaltedKey", CoGroupByKey.create())
        .apply("EmitJoined", ParDo.of(new EmitFn<K, V, W>(elementTag, lookupTag)))
        .setCoder(KvCoder.of(keyCoder, KvCoder.of(valueCoder, lookupCoder)));
  }

  private static final class HotKeysFn<K> extends DoFn<KV<K, Long>, KV<K, Integer>> {
    private final Counter hot = Metrics.counter("hot_key_join", "hot_keys");
    private final long threshold;
    private final int maxFanout;

    HotKeysFn(long threshold, int maxFanout) {
      this.threshold = threshold;
      this.maxFanout = maxFanout;
    }

    @ProcessElement
    public void process(@Element KV<K, Long> count, OutputReceiver<KV<K, Integer>> out) {
      int parts = fanout(count.getValue(), threshold, maxFanout);
      if (parts > 1) {
        hot.inc();
        out.output(KV.of(count.getKey(), parts));
      }
    }
  }

  private static final class SaltFn<K, V> extends DoFn<KV<K, V>, KV<KV<K, Integer>, V>> {
    private final PCollectionView<List<KV<Boolean, KV<K, Integer>>>> hotKeys;
    private final SideInputCache<Map<K, Integer>> hot = new SideInputCache<>();
    private final Coder<V> valueCoder;

    SaltFn(PCollectionView<List<KV<Boolean, KV<K, Integer>>>> hotKeys, Coder<V> valueCoder) {
      this.hotKeys = hotKeys;
      this.valueCoder = valueCoder;
    }

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window) throws CoderException {
      KV<K, V> e = c.element();
      Integer parts = hot.get(window, () -> MarkedView.map(c.sideInput(hotKeys))).get(e.getKey());
      int salt = 0;
      if (parts != null) {
        long h = Hashing.hashBytes(CoderUtils.encodeToByteArray(valueCoder, e.getValue()));
        salt = (int) Math.floorMod(h, (long) parts);
      }
      c.output(KV.of(KV.of(e.getKey(), salt), e.getValue()));
    }
  }

  private static final class ReplicateFn<K, W> extends DoFn<KV<K, W>, KV<KV<K, Integer>, W>> {
    private final PCollectionView<List<KV<Boolean, KV<K, Integer>>>> hotKeys;
    private final SideInputCache<Map<K, Integer>> hot = new SideInputCache<>();

    ReplicateFn(PCollectionView<List<KV<Boolean, KV<K, Integer>>>> hotKeys) {
      this.hotKeys = hotKeys;
    }

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window) {
      KV<K, W> e = c.element();
      Integer parts = hot.get(window, () -> MarkedView.map(c.sideInput(hotKeys))).get(e.getKey());
      int n = parts == null ? 1 : parts;
      for (int salt = 0; salt < n; salt++) {
        c.output(KV.of(KV.of(e.getKey(), salt), e.getValue()));
      }
    }
  }

  private static final class EmitFn<K, V, W>
      extends DoFn<KV<KV<K, Integer>, CoGbkResult>, KV<K, KV<V, W>>> {
    private final TupleTag<V> elementTag;
    private final TupleTag<W> lookupTag;

    EmitFn(TupleTag<V> elementTag, TupleTag<W> lookupTag) {
      this.elementTag = elementTag;
      this.lookupTag = lookupTag;
    }

    @ProcessElement
    public void process(
        @Element KV<KV<K, Integer>, CoGbkResult> group, OutputReceiver<KV<K, KV<V, W>>> out) {
      @Nullable W value = group.getValue().getOnly(lookupTag, null);
      if (value == null) {
        return;
      }
      K key = group.getKey().getKey();
      for (V element : group.getValue().getAll(elementTag)) {
        out.output(KV.of(key, KV.of(element, value)));
      }
    }
  }
}
