package org.corpusanalytics.transforms.dedup;

/**
 * Fixed 64-bit hash functions, the same on every JVM, worker and runner: nothing here depends on
 * {@link Object#hashCode()}, the default charset or a random seed.
 */
final class Hashing {
  private Hashing() {}

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /** The SplitMix64 finalizer: a bijection of the 64-bit values that mixes every input bit. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** FNV-1a over the UTF-16 chars of {@code s[from, to)}, then mixed. */
  static long hashChars(CharSequence s, int from, int to) {
    long h = FNV_OFFSET;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      h = (h ^ (c & 0xff)) * FNV_PRIME;
      h = (h ^ (c >>> 8)) * FNV_PRIME;
    }
    return mix64(h);
  }

  /** FNV-1a over bytes, then mixed. */
  static long hashBytes(byte[] bytes) {
    long h = FNV_OFFSET;
    for (byte b : bytes) {
      h = (h ^ (b & 0xff)) * FNV_PRIME;
    }
    return mix64(h);
  }
}
