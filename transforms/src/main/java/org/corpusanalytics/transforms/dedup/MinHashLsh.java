package org.corpusanalytics.transforms.dedup;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * MinHash signatures and banded locality-sensitive hashing over {@link ShingleSet}s.
 *
 * <p>Hash function {@code i} maps a shingle {@code x} to {@code mix64(x ^ seed_i)}, where {@code
 * mix64} is a bijection of 64-bit values and the seeds come from a {@link SplittableRandom} with the
 * fixed seed {@link #SEED}: every worker, runner and run computes the same signatures. The
 * signature's {@code i}-th value is the minimum over the set, and two sets agree on it with
 * probability equal to their Jaccard similarity {@code s}.
 *
 * <p>The signature is cut into {@code bands} bands of {@code rows} values; two sets become a
 * candidate pair when they agree on all rows of at least one band, with probability {@code 1 - (1 -
 * s^rows)^bands} (the S-curve, {@link #candidateProbability}). Candidates are then checked with the
 * exact Jaccard similarity, so banding only decides recall and cost, never precision.
 */
public final class MinHashLsh implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The fixed seed of the hash functions. Changing it changes which pairs are candidates. */
  public static final long SEED = 0x5eed_0f_c0_a5_1dL;
  /** Hash functions available to {@link #forThreshold}. */
  public static final int MAX_HASHES = 128;
  /** The candidate probability {@link #forThreshold} asks for at the threshold. */
  public static final double TARGET_RECALL = 0.999;

  private final int bands;
  private final int rows;
  private final long[] seeds;

  public MinHashLsh(int bands, int rows) {
    if (bands < 1 || rows < 1) {
      throw new IllegalArgumentException("bands and rows must be positive: " + bands + "x" + rows);
    }
    this.bands = bands;
    this.rows = rows;
    this.seeds = new long[bands * rows];
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = random.nextLong();
    }
  }

  /**
   * The banding for a Jaccard threshold: the most rows per band (fewest spurious candidates) such
   * that with {@code bands = MAX_HASHES / rows} a pair at the threshold is a candidate with
   * probability at least {@link #TARGET_RECALL}. For 0.8 that is 25 bands of 5 rows (125 hashes).
   */
  public static MinHashLsh forThreshold(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
    }
    int bestRows = 1;
    for (int rows = 1; rows <= MAX_HASHES; rows++) {
      if (candidateProbability(threshold, MAX_HASHES / rows, rows) >= TARGET_RECALL) {
        bestRows = rows;
      }
    }
    return new MinHashLsh(MAX_HASHES / bestRows, bestRows);
  }

  /** Probability that two sets with Jaccard similarity {@code s} share at least one band. */
  public static double candidateProbability(double s, int bands, int rows) {
    return 1 - Math.pow(1 - Math.pow(s, rows), bands);
  }

  public double candidateProbability(double s) {
    return candidateProbability(s, bands, rows);
  }

  public int bands() {
    return bands;
  }

  public int rows() {
    return rows;
  }

  public int numHashes() {
    return seeds.length;
  }

  /** The MinHash signature; all {@link Long#MAX_VALUE} for an empty set. */
  public long[] signature(ShingleSet set) {
    long[] sig = new long[seeds.length];
    java.util.Arrays.fill(sig, Long.MAX_VALUE);
    int n = set.size();
    for (int k = 0; k < n; k++) {
      long x = set.get(k);
      for (int i = 0; i < sig.length; i++) {
        long h = Hashing.mix64(x ^ seeds[i]);
        if (h < sig[i]) {
          sig[i] = h;
        }
      }
    }
    return sig;
  }

  /**
   * One bucket key per band: a hash of the band's index and its rows. Sets that share a key agree
   * on that band (up to a 2<sup>-64</sup> chance of a spurious match, which the exact check drops).
   */
  public long[] bandKeys(long[] signature) {
    if (signature.length != seeds.length) {
      throw new IllegalArgumentException(
          "signature has " + signature.length + " values, expected " + seeds.length);
    }
    long[] keys = new long[bands];
    for (int b = 0; b < bands; b++) {
      long h = Hashing.mix64(b + 1L);
      for (int r = 0; r < rows; r++) {
        h = Hashing.mix64(h * 0x9E3779B97F4A7C15L + signature[b * rows + r]);
      }
      keys[b] = h;
    }
    return keys;
  }

  @Override
  public String toString() {
    return "MinHashLsh{" + bands + " bands x " + rows + " rows}";
  }
}
