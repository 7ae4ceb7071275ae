package org.corpusanalytics.pipelines;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.joda.time.Duration;

/**
 * Waits for a run to finish and, while it runs, prints a progress line every few seconds: articles
 * read (the {@code read/articles} counter), the rate and the elapsed time. Runners whose
 * {@code run()} returns only when the job is done (Flink in attached batch mode) have nothing to
 * follow, so nothing is printed for them; the Direct runner runs non-blocking for this (see
 * {@code DirectOptions.setBlockOnRun(false)}).
 */
final class RunProgress {
  static final long DEFAULT_INTERVAL_MILLIS = 5_000;

  private RunProgress() {}

  static PipelineResult.State follow(PipelineResult result, PrintStream out, long intervalMillis) {
    PipelineResult.State state = result.getState();
    if (state.isTerminal()) {
      return state;
    }
    long start = System.nanoTime();
    while (true) {
      state = result.waitUntilFinish(Duration.millis(intervalMillis));
      if (state != null && state.isTerminal()) {
        return state;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long articles = counter(result, "read", "articles");
      out.println(line(articles, seconds));
      out.flush();
    }
  }

  static String line(long articles, double seconds) {
    long s = (long) seconds;
    return String.format(
        Locale.ROOT,
        "corpus-analytics: %,d articles read, %.1f articles/s, %d:%02d:%02d elapsed",
        articles,
        seconds > 0 ? articles / seconds : 0.0,
        s / 3600,
        (s / 60) % 60,
        s % 60);
  }

  /** The attempted value of a counter summed over steps; 0 when the runner cannot say. */
  static long counter(PipelineResult result, String namespace, String name) {
    try {
      MetricQueryResults metrics =
          result
              .metrics()
              .queryMetrics(
                  MetricsFilter.builder()
                      .addNameFilter(MetricNameFilter.named(namespace, name))
                      .build());
      long total = 0;
      for (MetricResult<Long> c : metrics.getCounters()) {
        Long v = c.getAttempted();
        total += v == null ? 0 : v;
      }
      return total;
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
