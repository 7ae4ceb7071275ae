package org.corpusanalytics.pipelines;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
 * of one key per entity, pair or sentence. A decoded accumulator keeps its bytes until it is next
 * used: the Direct runner copies the accumulators it holds for a shard through their coder each
 * time another bundle adds one, and copying bytes costs little beside rebuilding every key's map.
 */
final class PerKeyInShardCombineFn<K, InputT, AccumT, OutputT>
    extends CombineFn<
        KV<K, InputT>, PerKeyInShardCombineFn.ShardAccumulator<K, AccumT>, List<KV<K, OutputT>>> {
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
  public ShardAccumulator<K, AccumT> createAccumulator() {
    return new ShardAccumulator<>(new HashMap<>());
  }

  @Override
  public ShardAccumulator<K, AccumT> addInput(
      ShardAccumulator<K, AccumT> acc, KV<K, InputT> input) {
    Map<Object, KV<K, AccumT>> byKey = acc.byKey();
    Object structural = keyCoder.structuralValue(input.getKey());
    KV<K, AccumT> entry = byKey.get(structural);
    AccumT keyAcc = entry == null ? fn.createAccumulator() : entry.getValue();
    byKey.put(structural, KV.of(input.getKey(), fn.addInput(keyAcc, input.getValue())));
    return acc;
  }

  @Override
  public ShardAccumulator<K, AccumT> mergeAccumulators(Iterable<ShardAccumulator<K, AccumT>> accs) {
    Map<Object, KV<K, List<AccumT>>> byKey = new HashMap<>();
    for (ShardAccumulator<K, AccumT> acc : accs) {
      for (Map.Entry<Object, KV<K, AccumT>> e : acc.byKey().entrySet()) {
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
    return new ShardAccumulator<>(merged);
  }

  @Override
  public List<KV<K, OutputT>> extractOutput(ShardAccumulator<K, AccumT> acc) {
    Collection<KV<K, AccumT>> entries = acc.byKey().values();
    List<KV<K, OutputT>> out = new ArrayList<>(entries.size());
    for (KV<K, AccumT> e : entries) {
      out.add(KV.of(e.getKey(), fn.extractOutput(e.getValue())));
    }
    return out;
  }

  @Override
  public Coder<ShardAccumulator<K, AccumT>> getAccumulatorCoder(
      CoderRegistry registry, Coder<KV<K, InputT>> inputCoder) throws CannotProvideCoderException {
    @SuppressWarnings("unchecked")
    Coder<InputT> valueCoder = ((KvCoder<K, InputT>) inputCoder).getValueCoder();
    return new AccumulatorCoder<>(keyCoder, fn.getAccumulatorCoder(registry, valueCoder));
  }

  /**
   * One shard's accumulators by structural key: live, or as the bytes they were decoded from until
   * they are read (then the bytes are dropped, since the map may change).
   */
  static final class ShardAccumulator<K, AccumT> {
    private Map<Object, KV<K, AccumT>> byKey;
    private byte[] encoded;
    private final AccumulatorCoder<K, AccumT> coder;

    ShardAccumulator(Map<Object, KV<K, AccumT>> byKey) {
      this.byKey = byKey;
      this.encoded = null;
      this.coder = null;
    }

    private ShardAccumulator(byte[] encoded, AccumulatorCoder<K, AccumT> coder) {
      this.byKey = null;
      this.encoded = encoded;
      this.coder = coder;
    }

    Map<Object, KV<K, AccumT>> byKey() {
      if (byKey == null) {
        byKey = coder.decodeEntries(encoded);
        encoded = null;
      }
      return byKey;
    }
  }

  /** Encodes the accumulator as its (key, accumulator) pairs; the structural keys are rebuilt. */
  static final class AccumulatorCoder<K, AccumT> extends CustomCoder<ShardAccumulator<K, AccumT>> {
    private final Coder<K> keyCoder;
    private final Coder<AccumT> accumCoder;

    AccumulatorCoder(Coder<K> keyCoder, Coder<AccumT> accumCoder) {
      this.keyCoder = keyCoder;
      this.accumCoder = accumCoder;
    }

    @Override
    public void encode(ShardAccumulator<K, AccumT> value, OutputStream out) throws IOException {
      byte[] bytes = value.encoded != null ? value.encoded : encodeEntries(value.byKey);
      VarIntCoder.of().encode(bytes.length, out);
      out.write(bytes);
    }

    @Override
    public ShardAccumulator<K, AccumT> decode(InputStream in) throws IOException {
      byte[] bytes = new byte[VarIntCoder.of().decode(in)];
      new DataInputStream(in).readFully(bytes);
      return new ShardAccumulator<>(bytes, this);
    }

    private byte[] encodeEntries(Map<Object, KV<K, AccumT>> byKey) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      VarIntCoder.of().encode(byKey.size(), out);
      for (KV<K, AccumT> e : byKey.values()) {
        keyCoder.encode(e.getKey(), out);
        accumCoder.encode(e.getValue(), out);
      }
      return out.toByteArray();
    }

    private Map<Object, KV<K, AccumT>> decodeEntries(byte[] bytes) {
      try {
        InputStream in = new ByteArrayInputStream(bytes);
        int size = VarIntCoder.of().decode(in);
        Map<Object, KV<K, AccumT>> byKey = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
          K key = keyCoder.decode(in);
          byKey.put(keyCoder.structuralValue(key), KV.of(key, accumCoder.decode(in)));
        }
        return byKey;
      } catch (IOException e) {
        throw new IllegalStateException("cannot decode a shard's accumulators", e);
      }
    }
  }
}
