package org.corpusanalytics.transforms.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.util.SerializableUtils;
import org.joda.time.Instant;
import org.junit.Test;

public class SideInputCacheTest {
  private final IntervalWindow monday = new IntervalWindow(new Instant(0), new Instant(86_400_000L));
  private final IntervalWindow tuesday =
      new IntervalWindow(new Instant(86_400_000L), new Instant(2 * 86_400_000L));

  @Test
  public void computesOncePerWindow() {
    SideInputCache<String> cache = new SideInputCache<>();
    AtomicInteger calls = new AtomicInteger();

    assertThat(cache.get(GlobalWindow.INSTANCE, () -> "v" + calls.incrementAndGet()), equalTo("v1"));
    assertThat(cache.get(GlobalWindow.INSTANCE, () -> "v" + calls.incrementAndGet()), equalTo("v1"));
    assertThat(calls.get(), equalTo(1));
  }

  @Test
  public void recomputesWhenTheWindowChanges() {
    SideInputCache<String> cache = new SideInputCache<>();

    assertThat(cache.get(monday, () -> "monday"), equalTo("monday"));
    assertThat(cache.get(tuesday, () -> "tuesday"), equalTo("tuesday"));
    // An equal window is the same window, whatever the instance.
    assertThat(
        cache.get(new IntervalWindow(new Instant(86_400_000L), new Instant(2 * 86_400_000L)), () -> "again"),
        equalTo("tuesday"));
    assertThat(cache.get(monday, () -> "monday, again"), equalTo("monday, again"));
  }

  @Test
  public void aDeserializedCopyStartsEmpty() {
    SideInputCache<String> cache = new SideInputCache<>();
    cache.get(GlobalWindow.INSTANCE, () -> "before");

    SideInputCache<String> copy = SerializableUtils.clone(cache);

    assertThat(copy.get(GlobalWindow.INSTANCE, () -> "after"), equalTo("after"));
  }
}
