package org.corpusanalytics.pipelines;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;

/**
 * Runs a per-key {@link CombineFn} for all the keys of one shard at once: the accumulator holds one
 * accumulator of the wrapped fn per key (keys compared by their coder's structural value, as a
 * GroupByKey compares them), and the output is every key's output.
 *
 * <p>Used by {@link DirectRunnerGrouping} so that the Direct runner sees a few shard keys instead
 * of one key per entity, pair or sentence.
 */
final class PerKeyInShardCombineFn<K, InputT, AccumT, OutputT>
    extends CombineFn<KV<K, InputT>, Map<Object, KV<K, AccumT>>, List<KV<K, OutputT>>> {
  private final CombineFn<InputT, AccumT, OutputT> fn;
  private final Coder<K> keyCoder;

  PerKeyInShardCombineFn(CombineFn<InputT, AccumT, OutputT> fn, Coder<K> keyCoder) {
    this.fn = fn;
    this.keyCoder = keyCoder;
  }

  /** The shard of a key: a fixed hash of its encoding, so equal keys always meet. */
  static <K> int shardOf(Coder<K> keyCoder, K key, int shards) {
    try {
      return Math.floorMod(Arrays.hashCode(CoderUtils.encodeToByteArray(keyCoder, key)), shards);
    } catch (CoderException e) {
      throw new IllegalStateException("cannot encode a grouping key", e);
    }
  }

  @Override
  public Map<Object, KV<K, AccumT>> createAccumulator() {
    return new HashMap<>();
  }

  @Override
  public Map<Object, KV<K, AccumT>> addInput(Map<Object, KV<K, AccumT>> acc, KV<K, InputT> input) {
    Object structural = keyCoder.structuralValue(input.getKey());
    KV<K, AccumT> entry = acc.get(structural);
    AccumT keyAcc = entry == null ? fn.createAccumulator() : entry.getValue();
    acc.put(structural, KV.of(input.getKey(), fn.addInput(keyAcc, input.getValue())));
    return acc;
  }

  @Override
  public Map<Object, KV<K, AccumT>> mergeAccumulators(Iterable<Map<Object, KV<K, AccumT>>> accs) {
    Map<Object, KV<K, List<AccumT>>> byKey = new HashMap<>();
    for (Map<Object, KV<K, AccumT>> acc : accs) {
      for (Map.Entry<Object, KV<K, AccumT>> e : acc.entrySet()) {
        byKey
            .computeIfAbsent(e.getKey(), k -> KV.of(e.getValue().getKey(), new ArrayList<>()))
            .getValue()
            .add(e.getValue().getValue());
      }
    }
    Map<Object, KV<K, AccumT>> merged = new HashMap<>(byKey.size() * 2);
    for (Map.Entry<Object, KV<K, List<AccumT>>> e : byKey.entrySet()) {
      List<AccumT> parts = e.getValue().getValue();
      AccumT one = parts.size() == 1 ? parts.get(0) : fn.mergeAccumulators(parts);
      merged.put(e.getKey(), KV.of(e.getValue().getKey(), one));
    }
    return merged;
  }

  @Override
  public List<KV<K, OutputT>> extractOutput(Map<Object, KV<K, AccumT>> acc) {
    List<KV<K, OutputT>> out = new ArrayList<>(acc.size());
    for (KV<K, AccumT> e : acc.values()) {
      out.add(KV.of(e.getKey(), fn.extractOutput(e.getValue())));
    }
    return out;
  }

  @Override
  public Coder<Map<Object, KV<K, AccumT>>> getAccumulatorCoder(
      CoderRegistry registry, Coder<KV<K, InputT>> inputCoder) throws CannotProvideCoderException {
    @SuppressWarnings("unchecked")
    Coder<InputT> valueCoder = ((KvCoder<K, InputT>) inputCoder).getValueCoder();
    return new AccumulatorCoder<>(keyCoder, fn.getAccumulatorCoder(registry, valueCoder));
  }

  /** Encodes the accumulator as its (key, accumulator) pairs; the structural keys are rebuilt. */
  private static final class AccumulatorCoder<K, AccumT>
      extends CustomCoder<Map<Object, KV<K, AccumT>>> {
    private final Coder<K> keyCoder;
    private final Coder<AccumT> accumCoder;

    AccumulatorCoder(Coder<K> keyCoder, Coder<AccumT> accumCoder) {
      this.keyCoder = keyCoder;
      this.accumCoder = accumCoder;
    }

    @Override
    public void encode(Map<Object, KV<K, AccumT>> value, OutputStream out) throws IOException {
      VarIntCoder.of().encode(value.size(), out);
      for (KV<K, AccumT> e : value.values()) {
        keyCoder.encode(e.getKey(), out);
        accumCoder.encode(e.getValue(), out);
      }
    }

    @Override
    public Map<Object, KV<K, AccumT>> decode(InputStream in) throws IOException {
      int size = VarIntCoder.of().decode(in);
      Map<Object, KV<K, AccumT>> value = new HashMap<>(size * 2);
      for (int i = 0; i < size; i++) {
        K key = keyCoder.decode(in);
        value.put(keyCoder.structuralValue(key), KV.of(key, accumCoder.decode(in)));
      }
      return value;
    }
  }
}
