package org.corpusanalytics.transforms.dedup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.KV;
import org.corpusanalytics.transforms.model.CanonicalPosition;
import org.corpusanalytics.transforms.model.CanonicalPositionCoder;

/**
 * What the corpus holds of one sentence: its first copy in canonical order, how often it occurs and
 * in how many articles. Built by {@link #combineFn} from one {@code KV(first position in the
 * article, occurrences in the article)} per article, so a sentence found in a million articles is
 * summed by partial combines, never gathered.
 */
public final class SegmentStats implements Serializable {
  private final @Nullable CanonicalPosition first;
  private final long occurrences;
  private final long articles;

  public SegmentStats(@Nullable CanonicalPosition first, long occurrences, long articles) {
    this.first = first;
    this.occurrences = occurrences;
    this.articles = articles;
  }

  /** The first copy in canonical order; null only for an empty accumulator. */
  public @Nullable CanonicalPosition first() {
    return first;
  }

  public long occurrences() {
    return occurrences;
  }

  public long articles() {
    return articles;
  }

  SegmentStats plus(SegmentStats o) {
    CanonicalPosition min =
        first == null ? o.first : o.first == null || first.compareTo(o.first) <= 0 ? first : o.first;
    return new SegmentStats(min, occurrences + o.occurrences, articles + o.articles);
  }

  public static Combine.CombineFn<KV<CanonicalPosition, Long>, SegmentStats, SegmentStats>
      combineFn() {
    return new StatsFn();
  }

  private static final class StatsFn
      extends Combine.CombineFn<KV<CanonicalPosition, Long>, SegmentStats, SegmentStats> {
    @Override
    public SegmentStats createAccumulator() {
      return new SegmentStats(null, 0, 0);
    }

    @Override
    public SegmentStats addInput(SegmentStats acc, KV<CanonicalPosition, Long> input) {
      return acc.plus(new SegmentStats(input.getKey(), input.getValue(), 1));
    }

    @Override
    public SegmentStats mergeAccumulators(Iterable<SegmentStats> accumulators) {
      SegmentStats sum = createAccumulator();
      for (SegmentStats a : accumulators) {
        sum = sum.plus(a);
      }
      return sum;
    }

    @Override
    public SegmentStats extractOutput(SegmentStats acc) {
      return acc;
    }

    @Override
    public Coder<SegmentStats> getAccumulatorCoder(
        CoderRegistry registry, Coder<KV<CanonicalPosition, Long>> inputCoder) {
      return SegmentStatsCoder.INSTANCE;
    }

    @Override
    public Coder<SegmentStats> getDefaultOutputCoder(
        CoderRegistry registry, Coder<KV<CanonicalPosition, Long>> inputCoder) {
      return SegmentStatsCoder.INSTANCE;
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof SegmentStats)) {
      return false;
    }
    SegmentStats s = (SegmentStats) o;
    return occurrences == s.occurrences && articles == s.articles && Objects.equals(first, s.first);
  }

  @Override
  public int hashCode() {
    return Objects.hash(first, occurrences, articles);
  }

  @Override
  public String toString() {
    return occurrences + "x in " + articles + " articles, first " + first;
  }

  /** Deterministic coder. */
  public static final class SegmentStatsCoder extends AtomicCoder<SegmentStats> {
    static final SegmentStatsCoder INSTANCE = new SegmentStatsCoder();
    private static final Coder<CanonicalPosition> FIRST =
        NullableCoder.of(CanonicalPositionCoder.of());

    public static SegmentStatsCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(SegmentStats value, OutputStream out) throws IOException {
      FIRST.encode(value.first, out);
      VarLongCoder.of().encode(value.occurrences, out);
      VarLongCoder.of().encode(value.articles, out);
    }

    @Override
    public SegmentStats decode(InputStream in) throws IOException {
      return new SegmentStats(
          FIRST.decode(in), VarLongCoder.of().decode(in), VarLongCoder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
