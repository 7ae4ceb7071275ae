package org.corpusanalytics.transforms.stats;

/**
 * Dunning's log-likelihood ratio G² for a change in how many articles mention an entity between two
 * corpora. The 2x2 table is (articles with the entity, articles without it) x (before, now):
 *
 * <pre>
 *            with        without
 *   before   a           nBefore - a
 *   now      b           nNow - b
 * </pre>
 *
 * <p>{@code G² = 2 Σ O ln(O / E)} over the four cells, with {@code E = row total * column total /
 * N} and {@code 0 ln 0 = 0}. G² is never negative; it is 0 when the share of articles is the same,
 * and under the null hypothesis it follows a χ² distribution with one degree of freedom (3.84 is
 * p = 0.05, 10.83 is p = 0.001). It says how surprising a change is, not in which direction:
 * compare the shares for that.
 */
public final class LogLikelihood {
  private LogLikelihood() {}

  /** G² of the 2x2 table above; 0 when either corpus is empty. */
  public static double g2(long a, long nBefore, long b, long nNow) {
    if (a < 0 || b < 0 || a > nBefore || b > nNow) {
      throw new IllegalArgumentException(
          "inconsistent counts: a=" + a + " nBefore=" + nBefore + " b=" + b + " nNow=" + nNow);
    }
    if (nBefore == 0 || nNow == 0) {
      return 0.0;
    }
    double n = (double) nBefore + nNow;
    double with = (double) a + b;
    double without = n - with;
    double g =
        term(a, nBefore * with / n)
            + term(nBefore - a, nBefore * without / n)
            + term(b, nNow * with / n)
            + term(nNow - b, nNow * without / n);
    // Rounding can leave a tiny negative sum when the shares are equal.
    return Math.max(0.0, 2.0 * g);
  }

  private static double term(double observed, double expected) {
    return observed == 0 ? 0.0 : observed * Math.log(observed / expected);
  }

  /** The change in the share of articles that mention the entity: {@code b/nNow - a/nBefore}. */
  public static double shareChange(long a, long nBefore, long b, long nNow) {
    double before = nBefore == 0 ? 0.0 : (double) a / nBefore;
    double now = nNow == 0 ? 0.0 : (double) b / nNow;
    return now - before;
  }
}
