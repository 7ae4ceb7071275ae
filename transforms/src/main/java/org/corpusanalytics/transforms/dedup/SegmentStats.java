package org.corpusanalytics.transforms.dedup;

import java.io.EOFException;
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
import org.corpusanalytics.transforms.model.CanonicalPosition;
import org.corpusanalytics.transforms.model.CanonicalPositionCoder;

/**
 * What the corpus holds of one sentence: its first copy, how often it occurs and in how many
 * articles. Built by {@link #combineFn} from one {@link #inArticle} per article, so a sentence found
 * in a million articles is summed by partial combines, never gathered.
 *
 * <p>The first copy is the first in canonical order among the articles that are counted; a copy in
 * a near-duplicate article is first only when no counted article has one. A near duplicate is left
 * out of the counts, so a sentence kept there and removed from a later article (an update that
 * added it) would be counted nowhere.
 */
public final class SegmentStats implements Serializable {
  private final @Nullable CanonicalPosition first;
  private final boolean firstInNearDuplicate;
  private final long occurrences;
  private final long articles;

  public SegmentStats(@Nullable CanonicalPosition first, long occurrences, long articles) {
    this(first, false, occurrences, articles);
  }

  private SegmentStats(
      @Nullable CanonicalPosition first,
      boolean firstInNearDuplicate,
      long occurrences,
      long articles) {
    this.first = first;
    this.firstInNearDuplicate = firstInNearDuplicate;
    this.occurrences = occurrences;
    this.articles = articles;
  }

  /** One article's copies of a sentence: the first at {@code first}, {@code occurrences} in all. */
  public static SegmentStats inArticle(
      CanonicalPosition first, long occurrences, boolean nearDuplicate) {
    return new SegmentStats(first, nearDuplicate, occurrences, 1);
  }

  /** The first copy, as described above; null only for an empty accumulator. */
  public @Nullable CanonicalPosition first() {
    return first;
  }

  public long occurrences() {
    return occurrences;
  }

  public long articles() {
    return articles;
  }

  /** Whether the first copy is in a near-duplicate article: no counted article has the sentence. */
  public boolean firstInNearDuplicate() {
    return firstInNearDuplicate;
  }

  SegmentStats plus(SegmentStats o) {
    SegmentStats earlier = o.first == null || (first != null && precedes(o)) ? this : o;
    return new SegmentStats(
        earlier.first,
        earlier.firstInNearDuplicate,
        occurrences + o.occurrences,
        articles + o.articles);
  }

  private boolean precedes(SegmentStats o) {
    if (firstInNearDuplicate != o.firstInNearDuplicate) {
      return !firstInNearDuplicate;
    }
    return first.compareTo(o.first) <= 0;
  }

  public static Combine.CombineFn<SegmentStats, SegmentStats, SegmentStats> combineFn() {
    return new StatsFn();
  }

  private static final class StatsFn
      extends Combine.CombineFn<SegmentStats, SegmentStats, SegmentStats> {
    @Override
    public SegmentStats createAccumulator() {
      return new SegmentStats(null, 0, 0);
    }

    @Override
    public SegmentStats addInput(SegmentStats acc, SegmentStats input) {
      return acc.plus(input);
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
        CoderRegistry registry, Coder<SegmentStats> inputCoder) {
      return SegmentStatsCoder.INSTANCE;
    }

    @Override
    public Coder<SegmentStats> getDefaultOutputCoder(
        CoderRegistry registry, Coder<SegmentStats> inputCoder) {
      return SegmentStatsCoder.INSTANCE;
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof SegmentStats)) {
      return false;
    }
    SegmentStats s = (SegmentStats) o;
    return occurrences == s.occurrences
        && articles == s.articles
        && firstInNearDuplicate == s.firstInNearDuplicate
        && Objects.equals(first, s.first);
  }

  @Override
  public int hashCode() {
    return Objects.hash(first, firstInNearDuplicate, occurrences, articles);
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
      out.write(value.firstInNearDuplicate ? 1 : 0);
      VarLongCoder.of().encode(value.occurrences, out);
      VarLongCoder.of().encode(value.articles, out);
    }

    @Override
    public SegmentStats decode(InputStream in) throws IOException {
      CanonicalPosition first = FIRST.decode(in);
      int flag = in.read();
      if (flag < 0) {
        throw new EOFException("SegmentStats truncated");
      }
      return new SegmentStats(
          first, flag == 1, VarLongCoder.of().decode(in), VarLongCoder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
