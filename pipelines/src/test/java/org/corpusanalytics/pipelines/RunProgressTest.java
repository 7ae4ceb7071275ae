package org.corpusanalytics.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.joda.time.Duration;
import org.junit.Test;

public class RunProgressTest {
  /** A run that is RUNNING for {@code polls} waits, then DONE. */
  private static final class FakeResult implements PipelineResult {
    private int polls;
    private State state;

    FakeResult(int polls, State initial) {
      this.polls = polls;
      this.state = initial;
    }

    @Override
    public State getState() {
      return state;
    }

    @Override
    public State cancel() {
      return State.CANCELLED;
    }

    @Override
    public State waitUntilFinish(Duration duration) {
      if (polls-- <= 0) {
        state = State.DONE;
      }
      return state;
    }

    @Override
    public State waitUntilFinish() {
      state = State.DONE;
      return state;
    }

    @Override
    public MetricResults metrics() {
      throw new UnsupportedOperationException("no metrics");
    }
  }

  @Test
  public void printsALinePerIntervalWhileTheRunGoesOn() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    PipelineResult.State state =
        RunProgress.follow(new FakeResult(3, PipelineResult.State.RUNNING), out, 1);
    assertThat(state, equalTo(PipelineResult.State.DONE));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed.split("\n").length, equalTo(3));
    assertThat(printed, containsString("0 articles read"));
  }

  @Test
  public void aRunnerThatBlockedInRunPrintsNothing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PipelineResult.State state =
        RunProgress.follow(
            new FakeResult(3, PipelineResult.State.DONE), new PrintStream(bytes), 1);
    assertThat(state, equalTo(PipelineResult.State.DONE));
    assertThat(bytes.size(), equalTo(0));
  }

  @Test
  public void theLineGivesCountRateAndElapsedTime() {
    assertThat(
        RunProgress.line(12_345, 3_725),
        equalTo("corpus-analytics: 12,345 articles read, 3.3 articles/s, 1:02:05 elapsed"));
  }
}
