package org.corpusanalytics.transforms.dedup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.corpusanalytics.transforms.model.CanonicalPosition;
import org.corpusanalytics.transforms.model.CanonicalPositionCoder;

/**
 * The first {@code k} members of a group in canonical order, and the group's size: the result of
 * {@link #combineFn}, a combiner, so a group of any size is summarized without being held in one
 * place. Independent of the order members arrive in.
 */
public final class FirstMembers implements Serializable {
  private final List<CanonicalPosition> first;
  private final long size;

  FirstMembers(List<CanonicalPosition> first, long size) {
    this.first = List.copyOf(first);
    this.size = size;
  }

  /** Up to k members, ascending. */
  public List<CanonicalPosition> first() {
    return first;
  }

  public long size() {
    return size;
  }

  public static Combine.CombineFn<CanonicalPosition, FirstMembers, FirstMembers> combineFn(int k) {
    return new FirstKFn(k);
  }

  /** Merges two ascending lists, keeping the k smallest distinct members. */
  private static List<CanonicalPosition> mergeSmallest(
      List<CanonicalPosition> a, List<CanonicalPosition> b, int k) {
    List<CanonicalPosition> out = new ArrayList<>(Math.min(k, a.size() + b.size()));
    int i = 0;
    int j = 0;
    while (out.size() < k && (i < a.size() || j < b.size())) {
      CanonicalPosition next;
      if (j >= b.size() || (i < a.size() && a.get(i).compareTo(b.get(j)) <= 0)) {
        next = a.get(i++);
      } else {
        next = b.get(j++);
      }
      if (out.isEmpty() || !out.get(out.size() - 1).equals(next)) {
        out.add(next);
      }
    }
    return out;
  }

  private static final class FirstKFn
      extends Combine.CombineFn<CanonicalPosition, FirstMembers, FirstMembers> {
    private final int k;

    FirstKFn(int k) {
      if (k < 1) {
        throw new IllegalArgumentException("k must be at least 1, got " + k);
      }
      this.k = k;
    }

    @Override
    public FirstMembers createAccumulator() {
      return new FirstMembers(List.of(), 0);
    }

    @Override
    public FirstMembers addInput(FirstMembers acc, CanonicalPosition input) {
      return new FirstMembers(mergeSmallest(acc.first, List.of(input), k), acc.size + 1);
    }

    @Override
    public FirstMembers mergeAccumulators(Iterable<FirstMembers> accumulators) {
      List<CanonicalPosition> first = List.of();
      long size = 0;
      for (FirstMembers a : accumulators) {
        first = mergeSmallest(first, a.first, k);
        size += a.size;
      }
      return new FirstMembers(first, size);
    }

    @Override
    public FirstMembers extractOutput(FirstMembers acc) {
      return acc;
    }

    @Override
    public Coder<FirstMembers> getAccumulatorCoder(
        CoderRegistry registry, Coder<CanonicalPosition> inputCoder) {
      return FirstMembersCoder.INSTANCE;
    }

    @Override
    public Coder<FirstMembers> getDefaultOutputCoder(
        CoderRegistry registry, Coder<CanonicalPosition> inputCoder) {
      return FirstMembersCoder.INSTANCE;
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FirstMembers
        && size == ((FirstMembers) o).size
        && first.equals(((FirstMembers) o).first);
  }

  @Override
  public int hashCode() {
    return Objects.hash(first, size);
  }

  @Override
  public String toString() {
    return first + " of " + size;
  }

  /** The members, then the size. */
  public static final class FirstMembersCoder extends AtomicCoder<FirstMembers> {
    static final FirstMembersCoder INSTANCE = new FirstMembersCoder();
    private static final ListCoder<CanonicalPosition> LIST =
        ListCoder.of(CanonicalPositionCoder.of());

    public static FirstMembersCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(FirstMembers value, OutputStream out) throws IOException {
      LIST.encode(value.first, out);
      VarLongCoder.of().encode(value.size, out);
    }

    @Override
    public FirstMembers decode(InputStream in) throws IOException {
      return new FirstMembers(LIST.decode(in), VarLongCoder.of().decode(in));
    }
  }
}
