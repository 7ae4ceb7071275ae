package org.corpusanalytics.transforms.dedup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Arrays;
import javax.annotation.Nullable;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.VarIntCoder;

/** A set of hashed shingles, held as a sorted array of distinct longs. Immutable. */
@DefaultCoder(ShingleSet.ShingleSetCoder.class)
public final class ShingleSet implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final ShingleSet EMPTY = new ShingleSet(new long[0]);

  private final long[] hashes;

  private ShingleSet(long[] sortedDistinct) {
    this.hashes = sortedDistinct;
  }

  /** A set of the given hashes, in any order, duplicates allowed. */
  public static ShingleSet of(long... hashes) {
    long[] copy = hashes.clone();
    Arrays.sort(copy);
    return ofSorted(copy);
  }

  /** Takes ownership of a sorted array and removes its duplicates. */
  static ShingleSet ofSorted(long[] sorted) {
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[n++] = sorted[i];
      }
    }
    return new ShingleSet(n == sorted.length ? sorted : Arrays.copyOf(sorted, n));
  }

  public int size() {
    return hashes.length;
  }

  public boolean isEmpty() {
    return hashes.length == 0;
  }

  /** The i-th smallest hash. */
  public long get(int i) {
    return hashes[i];
  }

  /** Number of shingles in both sets. */
  public int intersectionSize(ShingleSet other) {
    long[] a = hashes;
    long[] b = other.hashes;
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return common;
  }

  /** |A ∩ B| / |A ∪ B|; 0 when both sets are empty, so empty bodies are never near duplicates. */
  public double jaccard(ShingleSet other) {
    int common = intersectionSize(other);
    int union = hashes.length + other.hashes.length - common;
    return union == 0 ? 0.0 : (double) common / union;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ShingleSet && Arrays.equals(hashes, ((ShingleSet) o).hashes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hashes);
  }

  @Override
  public String toString() {
    return "ShingleSet{" + hashes.length + " shingles}";
  }

  /** Size, then each hash as 8 bytes. Deterministic. */
  public static final class ShingleSetCoder extends AtomicCoder<ShingleSet> {
    private static final ShingleSetCoder INSTANCE = new ShingleSetCoder();

    public static ShingleSetCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(ShingleSet value, OutputStream out) throws IOException {
      VarIntCoder.of().encode(value.hashes.length, out);
      DataOutputStream data = new DataOutputStream(out);
      for (long h : value.hashes) {
        data.writeLong(h);
      }
      data.flush();
    }

    @Override
    public ShingleSet decode(InputStream in) throws IOException {
      int n = VarIntCoder.of().decode(in);
      long[] hashes = new long[n];
      DataInputStream data = new DataInputStream(in);
      for (int i = 0; i < n; i++) {
        hashes[i] = data.readLong();
      }
      return new ShingleSet(hashes);
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }
  }
}
