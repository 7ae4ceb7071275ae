package org.corpusanalytics.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.corpusanalytics.pipelines.CompilingJvm;
import org.corpusanalytics.pipelines.CorpusReport;

/**
 * Runs the report ({@link CorpusReport#main}) in this JVM (or, like the report, in a child JVM
 * that compiles the tagger's feature extractor: see {@link CompilingJvm}) and, as the JVM that
 * ran it exits, prints one line
 * {@code BENCHMARK peak_heap_bytes=N gc_millis=N gc_count=N}: the highest heap use seen by a
 * sampler every 20 ms, and the collectors' total time.
 */
public final class MeasuredRun {
  static final String PREFIX = "BENCHMARK ";

  private MeasuredRun() {}

  public static void main(String[] args) {
    // As the report's own main would: the tagging JVM is then the child, measured there.
    OptionalInt child = CompilingJvm.runIfUseful(MeasuredRun.class, args);
    if (child.isPresent()) {
      System.exit(child.getAsInt());
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (true) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  long gcMillis = 0;
                  long gcCount = 0;
                  for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                    gcMillis += Math.max(0, gc.getCollectionTime());
                    gcCount += Math.max(0, gc.getCollectionCount());
                  }
                  peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  System.out.println(
                      PREFIX
                          + "peak_heap_bytes="
                          + peak.get()
                          + " gc_millis="
                          + gcMillis
                          + " gc_count="
                          + gcCount);
                  System.out.flush();
                }));
    CorpusReport.main(args);
  }
}
