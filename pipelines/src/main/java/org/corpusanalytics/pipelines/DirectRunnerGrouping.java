package org.corpusanalytics.pipelines;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.runners.AppliedPTransform;
import org.apache.beam.sdk.runners.PTransformOverride;
import org.apache.beam.sdk.runners.PTransformOverrideFactory;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.construction.PTransformReplacements;
import org.apache.beam.sdk.util.construction.ReplacementOutputs;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.WindowingStrategy;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Makes the Direct runner fast on many distinct keys, with the same results.
 *
 * <p>The Direct runner gives every key of a grouping its own bundle, and every later ParDo
 * processes each bundle separately; for each bundle it translates the ParDo to its portable form
 * (serializing and deserializing the DoFn: {@code ParDoEvaluatorFactory.forApplication} calls
 * {@code ParDoTranslation.getSchemaInformation} and {@code getSideInputMapping}), which costs
 * milliseconds. 400,000 co-mention pairs times the steps after {@code SumPerPair} took hours.
 *
 * <p>Before a Direct run, this rewrites every {@link Reshuffle} (which keys each element at
 * random, so one bundle per article) to spread elements over {@code shards} keys, and every
 * {@link GroupByKey} and {@link Combine.PerKey} of the
 * global window (the whole report) to group by a few shard keys first ({@code shards}, from a hash
 * of the encoded key), then by key inside each shard: a {@code GroupByKey} becomes group by shard,
 * then split the shard's values by key; a {@code Combine.perKey(fn)} becomes a combine by shard
 * whose accumulator holds {@code fn}'s accumulator per key ({@link PerKeyInShardCombineFn}), so
 * combining stays incremental. Each grouping then yields {@code shards} bundles. Every key still
 * gets exactly the values and the combined result it got before, so the tables do not change.
 * The Direct runner keeps every grouping's input in memory; here it holds it as bytes.
 *
 * <p>A shard's grouped values are carried as their encoded bytes, and a combine's accumulators
 * stay encoded until merged: the Direct runner copies a key's grouped state through its coder
 * ({@code CopyOnAccessInMemoryStateInternals}) each time another bundle adds to it, once per input
 * bundle, and bytes copy far more cheaply than decoded records.
 *
 * <p>Other runners (Flink) group by key natively and must not use this: a shard would be one huge
 * group there.
 */
public final class DirectRunnerGrouping {
  private DirectRunnerGrouping() {}

  /** Shards per grouping for a Direct runner running {@code parallelism} bundles at once. */
  public static int shardsFor(int parallelism) {
    return Math.max(8, 4 * parallelism);
  }

  /**
   * Rewrites the groupings when the pipeline is to run on the Direct runner, with {@link
   * #shardsFor} its target parallelism; leaves other runners' pipelines alone.
   */
  public static void applyIfDirect(Pipeline pipeline) {
    PipelineOptions options = pipeline.getOptions();
    if (options.getRunner() == DirectRunner.class) {
      apply(pipeline, shardsFor(options.as(DirectOptions.class).getTargetParallelism()));
    }
  }

  /** Rewrites the pipeline's groupings; call after building the graph, before {@code run}. */
  public static void apply(Pipeline pipeline, int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be at least 1, got " + shards);
    }
    // The shard groupings themselves are keyed by ShardCoder, which isShardable refuses.
    List<PTransformOverride> overrides = new ArrayList<>();
    // A reshuffle by random key gives every element its own key, hence its own bundle.
    overrides.add(
        PTransformOverride.of(
            app -> app.getTransform() instanceof Reshuffle.ViaRandomKey && isGlobalBatch(app),
            new ReshuffleFactory<>(shards)));
    overrides.add(
        PTransformOverride.of(
            app -> app.getTransform() instanceof Reshuffle && isGlobalBatch(app),
            new ReshuffleFactory<>(shards)));
    overrides.add(
        PTransformOverride.of(
            app -> app.getTransform() instanceof GroupByKey && isShardable(app),
            new GroupByKeyFactory<>(shards)));
    overrides.add(
        PTransformOverride.of(
            app ->
                app.getTransform() instanceof Combine.PerKey
                    && ((Combine.PerKey<?, ?, ?>) app.getTransform()).getFn()
                        instanceof Combine.CombineFn
                    && ((Combine.PerKey<?, ?, ?>) app.getTransform()).getSideInputs().isEmpty()
                    && isShardable(app),
            new CombinePerKeyFactory<>(shards)));
    pipeline.replaceAll(overrides);
  }

  /**
   * Batch groupings of the global window with the default trigger and a real key: there, grouping
   * by shard then by key gives every key what grouping by key gives it.
   */
  static boolean isShardable(AppliedPTransform<?, ?, ?> app) {
    if (!isGlobalBatch(app)) {
      return false;
    }
    PCollection<?> input = app.getMainInputs().values().iterator().next();
    if (!(input.getCoder() instanceof KvCoder)) {
      return false;
    }
    Coder<?> keyCoder = ((KvCoder<?, ?>) input.getCoder()).getKeyCoder();
    return !(keyCoder instanceof VoidCoder) && !(keyCoder instanceof ShardCoder);
  }

  /** One bounded main input in the global window with the default trigger. */
  static boolean isGlobalBatch(AppliedPTransform<?, ?, ?> app) {
    if (app.getMainInputs().size() != 1) {
      return false;
    }
    PCollection<?> input = app.getMainInputs().values().iterator().next();
    WindowingStrategy<?, ?> windowing = input.getWindowingStrategy();
    return input.isBounded() == PCollection.IsBounded.BOUNDED
        && windowing.getWindowFn() instanceof GlobalWindows
        && windowing.getTrigger() instanceof DefaultTrigger;
  }

  /**
   * Reshuffle as: spread the elements round robin over the shards, group by shard, emit them
   * again with their own timestamps. The Direct runner needs no rebalancing beyond its bundles.
   */
  static final class ShardedReshuffle<T> extends PTransform<PCollection<T>, PCollection<T>> {
    private final int shards;

    ShardedReshuffle(int shards) {
      this.shards = shards;
    }

    @Override
    public PCollection<T> expand(PCollection<T> input) {
      Coder<T> coder = input.getCoder();
      Coder<TimestampedValue<T>> timestamped = TimestampedValue.TimestampedValueCoder.of(coder);
      return input
          .apply("SpreadOverShards", ParDo.of(new SpreadFn<T>(shards, timestamped)))
          .setCoder(KvCoder.of(ShardCoder.INSTANCE, ByteArrayCoder.of()))
          .apply("GroupByShard", GroupByKey.create())
          .apply("EmitWithTimestamps", ParDo.of(new UnspreadFn<T>(timestamped)))
          .setCoder(coder);
    }
  }

  private static final class SpreadFn<T> extends DoFn<T, KV<Integer, byte[]>> {
    private final int shards;
    private final Coder<TimestampedValue<T>> coder;
    private transient int next;

    SpreadFn(int shards, Coder<TimestampedValue<T>> coder) {
      this.shards = shards;
      this.coder = coder;
    }

    @ProcessElement
    public void process(
        @Element T e, @Timestamp Instant timestamp, OutputReceiver<KV<Integer, byte[]>> out) {
      next = (next + 1) % shards;
      out.output(KV.of(next, encode(coder, TimestampedValue.of(e, timestamp))));
    }
  }

  private static final class UnspreadFn<T> extends DoFn<KV<Integer, Iterable<byte[]>>, T> {
    private final Coder<TimestampedValue<T>> coder;

    UnspreadFn(Coder<TimestampedValue<T>> coder) {
      this.coder = coder;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<byte[]>> shard, OutputReceiver<T> out) {
      for (byte[] encoded : shard.getValue()) {
        TimestampedValue<T> e = decode(coder, encoded);
        out.outputWithTimestamp(e.getValue(), e.getTimestamp());
      }
    }

    // Elements go back to their own (earlier) timestamps, as Reshuffle does.
    @Override
    @SuppressWarnings("deprecation")
    public Duration getAllowedTimestampSkew() {
      return Duration.millis(Long.MAX_VALUE);
    }
  }

  private static final class ReshuffleFactory<T>
      implements PTransformOverrideFactory<
          PCollection<T>, PCollection<T>, PTransform<PCollection<T>, PCollection<T>>> {
    private final int shards;

    ReshuffleFactory(int shards) {
      this.shards = shards;
    }

    @Override
    public PTransformReplacement<PCollection<T>, PCollection<T>> getReplacementTransform(
        AppliedPTransform<PCollection<T>, PCollection<T>, PTransform<PCollection<T>, PCollection<T>>>
            transform) {
      return PTransformReplacement.of(
          PTransformReplacements.getSingletonMainInput(transform),
          new ShardedReshuffle<T>(shards));
    }

    @Override
    public Map<PCollection<?>, ReplacementOutput> mapOutputs(
        Map<TupleTag<?>, PCollection<?>> outputs, PCollection<T> newOutput) {
      return ReplacementOutputs.singleton(outputs, newOutput);
    }
  }

  /** The shard keys' coder; its own class so the rewrite never shards its own groupings again. */
  static final class ShardCoder extends AtomicCoder<Integer> {
    static final ShardCoder INSTANCE = new ShardCoder();

    @Override
    public void encode(Integer value, OutputStream out) throws IOException {
      VarIntCoder.of().encode(value, out);
    }

    @Override
    public Integer decode(InputStream in) throws IOException {
      return VarIntCoder.of().decode(in);
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }
  }

  /** GroupByKey as: key by shard, group by shard, split each shard's values by key. */
  static final class ShardedGroupByKey<K, V>
      extends PTransform<PCollection<KV<K, V>>, PCollection<KV<K, Iterable<V>>>> {
    private final int shards;

    ShardedGroupByKey(int shards) {
      this.shards = shards;
    }

    @Override
    public PCollection<KV<K, Iterable<V>>> expand(PCollection<KV<K, V>> input) {
      KvCoder<K, V> coder = (KvCoder<K, V>) input.getCoder();
      return input
          .apply("AssignShard", ParDo.of(new EncodeInShardFn<K, V>(coder, shards)))
          .setCoder(KvCoder.of(ShardCoder.INSTANCE, ByteArrayCoder.of()))
          .apply("GroupByShard", GroupByKey.create())
          .apply("GroupByKeyInShard", ParDo.of(new GroupInShardFn<K, V>(coder)))
          .setCoder(KvCoder.of(coder.getKeyCoder(), IterableCoder.of(coder.getValueCoder())));
    }
  }

  /** Combine.perKey as: key by shard, combine per shard with a per-key accumulator, unpack. */
  static final class ShardedCombinePerKey<K, InputT, AccumT, OutputT>
      extends PTransform<PCollection<KV<K, InputT>>, PCollection<KV<K, OutputT>>> {
    private final Combine.CombineFn<InputT, AccumT, OutputT> fn;
    private final Coder<KV<K, OutputT>> outputCoder;
    private final int shards;

    ShardedCombinePerKey(
        Combine.CombineFn<InputT, AccumT, OutputT> fn,
        Coder<KV<K, OutputT>> outputCoder,
        int shards) {
      this.fn = fn;
      this.outputCoder = outputCoder;
      this.shards = shards;
    }

    @Override
    public PCollection<KV<K, OutputT>> expand(PCollection<KV<K, InputT>> input) {
      KvCoder<K, InputT> coder = (KvCoder<K, InputT>) input.getCoder();
      return input
          .apply(
              "AssignShard", ParDo.of(new AssignShardFn<K, InputT>(coder.getKeyCoder(), shards)))
          .setCoder(KvCoder.of(ShardCoder.INSTANCE, coder))
          .apply(
              "CombineByShard",
              Combine.perKey(new PerKeyInShardCombineFn<>(fn, coder.getKeyCoder())))
          .setCoder(KvCoder.of(ShardCoder.INSTANCE, ListCoder.of(outputCoder)))
          .apply("UnpackShard", ParDo.of(new UnpackShardFn<K, OutputT>()))
          .setCoder(outputCoder);
    }
  }

  private static final class AssignShardFn<K, V> extends DoFn<KV<K, V>, KV<Integer, KV<K, V>>> {
    private final Coder<K> keyCoder;
    private final int shards;

    AssignShardFn(Coder<K> keyCoder, int shards) {
      this.keyCoder = keyCoder;
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element KV<K, V> e, OutputReceiver<KV<Integer, KV<K, V>>> out) {
      out.output(KV.of(PerKeyInShardCombineFn.shardOf(keyCoder, e.getKey(), shards), e));
    }
  }

  /** Keys an element by its key's shard, carrying it encoded. */
  private static final class EncodeInShardFn<K, V> extends DoFn<KV<K, V>, KV<Integer, byte[]>> {
    private final KvCoder<K, V> coder;
    private final int shards;

    EncodeInShardFn(KvCoder<K, V> coder, int shards) {
      this.coder = coder;
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element KV<K, V> e, OutputReceiver<KV<Integer, byte[]>> out) {
      int shard = PerKeyInShardCombineFn.shardOf(coder.getKeyCoder(), e.getKey(), shards);
      out.output(KV.of(shard, encode(coder, e)));
    }
  }

  /** Splits one shard's values by key (compared as GroupByKey compares them: structurally). */
  private static final class GroupInShardFn<K, V>
      extends DoFn<KV<Integer, Iterable<byte[]>>, KV<K, Iterable<V>>> {
    private final KvCoder<K, V> coder;

    GroupInShardFn(KvCoder<K, V> coder) {
      this.coder = coder;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<byte[]>> shard, OutputReceiver<KV<K, Iterable<V>>> out) {
      Coder<K> keyCoder = coder.getKeyCoder();
      Map<Object, KV<K, List<V>>> byKey = new LinkedHashMap<>();
      for (byte[] encoded : shard.getValue()) {
        KV<K, V> e = decode(coder, encoded);
        byKey
            .computeIfAbsent(
                keyCoder.structuralValue(e.getKey()), k -> KV.of(e.getKey(), new ArrayList<>()))
            .getValue()
            .add(e.getValue());
      }
      for (KV<K, List<V>> group : byKey.values()) {
        out.output(KV.of(group.getKey(), group.getValue()));
      }
    }
  }

  private static final class UnpackShardFn<K, OutputT>
      extends DoFn<KV<Integer, List<KV<K, OutputT>>>, KV<K, OutputT>> {
    @ProcessElement
    public void process(
        @Element KV<Integer, List<KV<K, OutputT>>> shard, OutputReceiver<KV<K, OutputT>> out) {
      for (KV<K, OutputT> e : shard.getValue()) {
        out.output(e);
      }
    }
  }

  static <T> byte[] encode(Coder<T> coder, T value) {
    try {
      return CoderUtils.encodeToByteArray(coder, value);
    } catch (CoderException e) {
      throw new IllegalStateException("cannot encode a grouped value", e);
    }
  }

  static <T> T decode(Coder<T> coder, byte[] encoded) {
    try {
      return CoderUtils.decodeFromByteArray(coder, encoded);
    } catch (CoderException e) {
      throw new IllegalStateException("cannot decode a grouped value", e);
    }
  }

  private static final class GroupByKeyFactory<K, V>
      implements PTransformOverrideFactory<
          PCollection<KV<K, V>>, PCollection<KV<K, Iterable<V>>>, GroupByKey<K, V>> {
    private final int shards;

    GroupByKeyFactory(int shards) {
      this.shards = shards;
    }

    @Override
    public PTransformReplacement<PCollection<KV<K, V>>, PCollection<KV<K, Iterable<V>>>>
        getReplacementTransform(
            AppliedPTransform<PCollection<KV<K, V>>, PCollection<KV<K, Iterable<V>>>, GroupByKey<K, V>>
                transform) {
      return PTransformReplacement.of(
          PTransformReplacements.getSingletonMainInput(transform),
          new ShardedGroupByKey<K, V>(shards));
    }

    @Override
    public Map<PCollection<?>, ReplacementOutput> mapOutputs(
        Map<TupleTag<?>, PCollection<?>> outputs, PCollection<KV<K, Iterable<V>>> newOutput) {
      return ReplacementOutputs.singleton(outputs, newOutput);
    }
  }

  private static final class CombinePerKeyFactory<K, InputT, OutputT>
      implements PTransformOverrideFactory<
          PCollection<KV<K, InputT>>,
          PCollection<KV<K, OutputT>>,
          Combine.PerKey<K, InputT, OutputT>> {
    private final int shards;

    CombinePerKeyFactory(int shards) {
      this.shards = shards;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public PTransformReplacement<PCollection<KV<K, InputT>>, PCollection<KV<K, OutputT>>>
        getReplacementTransform(
            AppliedPTransform<
                    PCollection<KV<K, InputT>>,
                    PCollection<KV<K, OutputT>>,
                    Combine.PerKey<K, InputT, OutputT>>
                transform) {
      Combine.CombineFn fn = (Combine.CombineFn) transform.getTransform().getFn();
      Coder<KV<K, OutputT>> outputCoder =
          PTransformReplacements.getSingletonMainOutput(transform).getCoder();
      return PTransformReplacement.of(
          PTransformReplacements.getSingletonMainInput(transform),
          new ShardedCombinePerKey<K, InputT, Object, OutputT>(fn, outputCoder, shards));
    }

    @Override
    public Map<PCollection<?>, ReplacementOutput> mapOutputs(
        Map<TupleTag<?>, PCollection<?>> outputs, PCollection<KV<K, OutputT>> newOutput) {
      return ReplacementOutputs.singleton(outputs, newOutput);
    }
  }

  /** For tests: counts the transforms of each kind this rewrite would replace. */
  static Map<String, Integer> countShardable(Pipeline pipeline) {
    Map<String, Integer> counts = new HashMap<>();
    pipeline.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public CompositeBehavior enterCompositeTransform(
              org.apache.beam.sdk.runners.TransformHierarchy.Node node) {
            count(node);
            return CompositeBehavior.ENTER_TRANSFORM;
          }

          @Override
          public void visitPrimitiveTransform(
              org.apache.beam.sdk.runners.TransformHierarchy.Node node) {
            count(node);
          }

          private void count(org.apache.beam.sdk.runners.TransformHierarchy.Node node) {
            if (node.getTransform() == null || node.isRootNode()) {
              return;
            }
            AppliedPTransform<?, ?, ?> app = node.toAppliedPTransform(pipeline);
            if (app.getTransform() instanceof GroupByKey && isShardable(app)) {
              counts.merge("GroupByKey", 1, Integer::sum);
            } else if (app.getTransform() instanceof Combine.PerKey && isShardable(app)) {
              counts.merge("Combine.PerKey", 1, Integer::sum);
            } else if ((app.getTransform() instanceof Reshuffle
                    || app.getTransform() instanceof Reshuffle.ViaRandomKey)
                && isGlobalBatch(app)) {
              counts.merge("Reshuffle", 1, Integer::sum);
            }
          }
        });
    return counts;
  }
}
