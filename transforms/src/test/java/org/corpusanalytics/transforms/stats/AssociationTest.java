package org.corpusanalytics.transforms.stats;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import org.junit.Test;

public class AssociationTest {
  @Test
  public void independentEntitiesScoreZero() {
    // P(a) = P(b) = 1/2, P(a,b) = 1/4.
    assertThat(Association.pmi(25, 50, 50, 100), closeTo(0.0, 1e-12));
    assertThat(Association.npmi(25, 50, 50, 100), closeTo(0.0, 1e-12));
  }

  @Test
  public void alwaysTogetherScoresOne() {
    assertThat(Association.pmi(10, 10, 10, 100), closeTo(Math.log(10), 1e-12));
    assertThat(Association.npmi(10, 10, 10, 100), closeTo(1.0, 1e-12));
    assertThat(Association.npmi(3, 3, 3, 3), closeTo(1.0, 1e-12));
    // Exactly 1, never above it by a rounding error.
    for (long n = 1; n <= 50; n++) {
      for (long total = n + 1; total <= 60; total++) {
        assertThat(n + " of " + total, Association.npmi(n, n, n, total), equalTo(1.0));
        assertThat(Association.npmi(n, n, n + 1 > total ? total : n + 1, total), lessThanOrEqualTo(1.0));
      }
    }
  }

  @Test
  public void lessThanChanceIsNegative() {
    double pmi = Association.pmi(1, 50, 50, 100);
    assertThat(pmi, closeTo(Math.log(100.0 / 2500.0), 1e-12));
    assertThat(Association.npmi(1, 50, 50, 100), closeTo(pmi / -Math.log(0.01), 1e-12));
  }

  @Test(expected = IllegalArgumentException.class)
  public void inconsistentCountsAreRejected() {
    Association.pmi(5, 4, 10, 100);
  }
}
