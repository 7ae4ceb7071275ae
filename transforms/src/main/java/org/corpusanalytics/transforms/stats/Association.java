package org.corpusanalytics.transforms.stats;

/**
 * Article-level association scores of two entities. With N counted articles, n_a and n_b articles
 * mentioning each entity and n_ab mentioning both: {@code pmi = ln(n_ab * N / (n_a * n_b))} and
 * {@code npmi = pmi / -ln(n_ab / N)}, which lies in [-1, 1]; npmi is 1 when both occur in every
 * article.
 */
public final class Association {
  private Association() {}

  public static double pmi(long both, long a, long b, long total) {
    check(both, a, b, total);
    return Math.log((double) both * total / ((double) a * b));
  }

  public static double npmi(long both, long a, long b, long total) {
    check(both, a, b, total);
    if (both == total || (both == a && both == b)) {
      return 1.0; // always together: exactly 1, where the division could give 1.0000000000000002
    }
    double npmi = pmi(both, a, b, total) / -Math.log((double) both / total);
    return Math.max(-1.0, Math.min(1.0, npmi));
  }

  private static void check(long both, long a, long b, long total) {
    if (both <= 0 || both > a || both > b || a > total || b > total) {
      throw new IllegalArgumentException(
          "inconsistent counts: both=" + both + " a=" + a + " b=" + b + " total=" + total);
    }
  }
}
