package org.corpusanalytics.transforms.stats;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import org.junit.Test;

public class LogLikelihoodTest {
  /** Dunning's entropy form, an independent formula: 2 (Σ k ln k - Σ R ln R - Σ C ln C + N ln N). */
  private static double entropyForm(long a, long nBefore, long b, long nNow) {
    long n = nBefore + nNow;
    long with = a + b;
    return 2
        * (xlnx(a) + xlnx(nBefore - a) + xlnx(b) + xlnx(nNow - b)
            - xlnx(nBefore) - xlnx(nNow)
            - xlnx(with) - xlnx(n - with)
            + xlnx(n));
  }

  private static double xlnx(long x) {
    return x == 0 ? 0 : x * Math.log(x);
  }

  @Test
  public void matchesHandComputedValues() {
    // [[10, 90], [30, 70]]: expected counts 20, 80, 20, 80.
    assertThat(LogLikelihood.g2(10, 100, 30, 100), closeTo(12.971514326006812, 1e-9));
    assertThat(LogLikelihood.g2(0, 50, 5, 60), closeTo(6.259309850171391, 1e-9));
    assertThat(LogLikelihood.g2(3, 3, 0, 7), closeTo(12.217286041097866, 1e-9));
    assertThat(LogLikelihood.g2(1, 1000, 40, 2000), closeTo(25.475364183894413, 1e-9));
  }

  @Test
  public void agreesWithTheEntropyForm() {
    long[][] tables = {{10, 100, 30, 100}, {0, 50, 5, 60}, {7, 7, 3, 9}, {123, 4567, 89, 1011}};
    for (long[] t : tables) {
      assertThat(LogLikelihood.g2(t[0], t[1], t[2], t[3]), closeTo(entropyForm(t[0], t[1], t[2], t[3]), 1e-6));
    }
  }

  @Test
  public void equalSharesScoreZeroAndTheScoreIsSymmetric() {
    assertThat(LogLikelihood.g2(5, 50, 10, 100), closeTo(0.0, 1e-12));
    assertThat(LogLikelihood.g2(0, 10, 0, 20), equalTo(0.0));
    assertThat(LogLikelihood.g2(10, 10, 20, 20), equalTo(0.0));
    assertThat(LogLikelihood.g2(10, 100, 30, 100), closeTo(LogLikelihood.g2(30, 100, 10, 100), 1e-12));
    assertThat(LogLikelihood.g2(2, 40, 9, 40), greaterThan(LogLikelihood.g2(2, 40, 5, 40)));
  }

  @Test
  public void anEmptyCorpusGivesZero() {
    assertThat(LogLikelihood.g2(0, 0, 3, 10), equalTo(0.0));
    assertThat(LogLikelihood.shareChange(0, 0, 3, 10), closeTo(0.3, 1e-12));
    assertThat(LogLikelihood.shareChange(5, 10, 1, 10), closeTo(-0.4, 1e-12));
  }

  @Test(expected = IllegalArgumentException.class)
  public void moreArticlesThanTheCorpusHoldsIsAnError() {
    LogLikelihood.g2(11, 10, 0, 10);
  }
}
