package org.corpusanalytics.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.Mean;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

public class DirectRunnerGroupingTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  /** 300 values over 37 keys; key kN gets the values i with i % 37 == N. */
  private static List<KV<String, Long>> input() {
    List<KV<String, Long>> in = new ArrayList<>();
    for (long i = 0; i < 300; i++) {
      in.add(KV.of("k" + (i % 37), i));
    }
    return in;
  }

  @Test
  public void shardedGroupingsGiveEveryKeyWhatGroupingByKeyGivesIt() {
    PCollection<KV<String, Long>> in =
        pipeline.apply(
            Create.of(input()).withCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));

    PCollection<String> grouped =
        in.apply(GroupByKey.create())
            .apply(
                "Describe",
                MapElements.into(TypeDescriptors.strings())
                    .via(
                        (KV<String, Iterable<Long>> g) -> {
                          List<Long> values = new ArrayList<>();
                          g.getValue().forEach(values::add);
                          Collections.sort(values);
                          return g.getKey() + "=" + values;
                        }));
    PCollection<KV<String, Long>> sums = in.apply(Sum.longsPerKey());
    PCollection<KV<String, Double>> means = in.apply(Mean.perKey());
    PCollection<Long> total = in.apply(Count.globally());
    PCollection<KV<String, Long>> reshuffled = in.apply(Reshuffle.viaRandomKey());
    PAssert.that(reshuffled).containsInAnyOrder(input());

    TupleTag<Long> left = new TupleTag<>();
    TupleTag<Long> right = new TupleTag<>();
    PCollection<String> joined =
        KeyedPCollectionTuple.of(left, in)
            .and(right, sums)
            .apply(CoGroupByKey.create())
            .apply(
                "DescribeJoin",
                MapElements.into(TypeDescriptors.strings())
                    .via(
                        (KV<String, CoGbkResult> j) -> {
                          int n = 0;
                          for (Long ignored : j.getValue().getAll(left)) {
                            n++;
                          }
                          return j.getKey() + ":" + n + ":" + j.getValue().getOnly(right);
                        }));

    Map<String, List<Long>> expected =
        input().stream()
            .collect(
                Collectors.groupingBy(
                    KV::getKey, Collectors.mapping(KV::getValue, Collectors.toList())));
    List<String> expectedGroups = new ArrayList<>();
    List<KV<String, Long>> expectedSums = new ArrayList<>();
    List<KV<String, Double>> expectedMeans = new ArrayList<>();
    List<String> expectedJoins = new ArrayList<>();
    expected.forEach(
        (k, values) -> {
          List<Long> sorted = new ArrayList<>(values);
          Collections.sort(sorted);
          long sum = values.stream().mapToLong(Long::longValue).sum();
          expectedGroups.add(k + "=" + sorted);
          expectedSums.add(KV.of(k, sum));
          expectedMeans.add(KV.of(k, (double) sum / values.size()));
          expectedJoins.add(k + ":" + values.size() + ":" + sum);
        });
    PAssert.that(grouped).containsInAnyOrder(expectedGroups);
    PAssert.that(sums).containsInAnyOrder(expectedSums);
    PAssert.that(means).containsInAnyOrder(expectedMeans);
    PAssert.that(joined).containsInAnyOrder(expectedJoins);
    PAssert.thatSingleton(total).isEqualTo(300L);

    // GroupByKey (twice: ours, the join's), Sum, Mean, Reshuffle, plus PAssert's own groupings.
    int before = DirectRunnerGrouping.countShardable(pipeline).values().stream().mapToInt(i -> i).sum();
    assertThat(before, greaterThan(3));
    DirectRunnerGrouping.apply(pipeline, 5);
    assertThat(DirectRunnerGrouping.countShardable(pipeline), equalTo(Map.of()));
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void perKeyCombineKeepsOneAccumulatorPerKeyAndEncodesIt() throws Exception {
    PerKeyInShardCombineFn<String, Long, long[], Long> fn =
        new PerKeyInShardCombineFn<>(Sum.ofLongs(), StringUtf8Coder.of());
    PerKeyInShardCombineFn.ShardAccumulator<String, long[]> a = fn.createAccumulator();
    a = fn.addInput(a, KV.of("x", 2L));
    a = fn.addInput(a, KV.of("y", 5L));
    a = fn.addInput(a, KV.of("x", 3L));
    PerKeyInShardCombineFn.ShardAccumulator<String, long[]> b =
        fn.addInput(fn.createAccumulator(), KV.of("x", 10L));

    Coder<PerKeyInShardCombineFn.ShardAccumulator<String, long[]>> coder =
        fn.getAccumulatorCoder(
            pipeline.getCoderRegistry(), KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    byte[] encoded = CoderUtils.encodeToByteArray(coder, a);
    // As the Direct runner copies held accumulators: decoded, then encoded again before any use.
    PerKeyInShardCombineFn.ShardAccumulator<String, long[]> copied =
        CoderUtils.clone(coder, CoderUtils.decodeFromByteArray(coder, encoded));
    assertThat(CoderUtils.encodeToByteArray(coder, copied), equalTo(encoded));
    // Used after decoding, it takes more input.
    copied = fn.addInput(copied, KV.of("y", 1L));

    List<KV<String, Long>> out =
        new ArrayList<>(fn.extractOutput(fn.mergeAccumulators(List.of(copied, b))));
    out.sort((p, q) -> p.getKey().compareTo(q.getKey()));
    assertThat(out, equalTo(List.of(KV.of("x", 15L), KV.of("y", 6L))));
  }

  @Test
  public void equalKeysAlwaysGoToTheSameShardInRange() {
    int[] seen = new int[7];
    for (int i = 0; i < 1000; i++) {
      int shard = PerKeyInShardCombineFn.shardOf(StringUtf8Coder.of(), "key" + i, 7);
      assertThat(shard, equalTo(PerKeyInShardCombineFn.shardOf(StringUtf8Coder.of(), "key" + i, 7)));
      seen[shard]++;
    }
    for (int count : seen) {
      assertThat(count, greaterThan(80));
      assertThat(count, lessThan(220));
    }
  }
}
