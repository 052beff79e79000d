package dev.apikeys.benchmarks;

import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Pinned virtual threads (JFR {@code jdk.VirtualThreadPinned}, threshold 0) seen so far in the
 * fork, warm-up iterations included, since the first calls are where class loading may pin:
 * {@code pinned.sdk} counts those with an SDK frame in their stack, {@code pinned.all} all of
 * them. Both are running totals (aggregated by maximum), so any fork's value above 0 means a
 * pin. {@code pinned.sdk.measured} counts the pins with an SDK frame in measurement
 * iterations only: the steady state, after the first calls have loaded and initialised their
 * classes (a virtual thread still pins its carrier while it loads or initialises a class, even on
 * JDK 24+); {@code pinned.sdk.measured.other} counts those of them that are not a class
 * being loaded or initialised. Reports nothing before JDK 21, which has no virtual threads.
 *
 * <p>Use: {@code -prof dev.apikeys.benchmarks.PinnedThreadsProfiler}.
 */
public final class PinnedThreadsProfiler implements InternalProfiler {

  /** The running total of pins with an SDK frame. */
  public static final String SDK_METRIC = "pinned.sdk";

  /** The running total of pins with an SDK frame in measurement iterations. */
  public static final String MEASURED_SDK_METRIC = "pinned.sdk.measured";

  /**
   * The running total of pins with an SDK frame in measurement iterations that are not a class
   * being loaded or initialised.
   */
  public static final String MEASURED_SDK_OTHER_METRIC = "pinned.sdk.measured.other";

  /** The running total of all pins. */
  public static final String ALL_METRIC = "pinned.all";

  private PinnedEvents recording;
  private int all;
  private int fromSdk;
  private int measuredFromSdk;
  private int measuredOther;

  @Override
  public String getDescription() {
    return "pinned virtual threads (JFR), in all and with an SDK frame";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    if (VirtualThreads.available()) {
      recording = PinnedEvents.start();
    }
  }

  @Override
  @SuppressWarnings("rawtypes") // as JMH declares it
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
      IterationParams iterationParams, IterationResult result) {
    if (recording == null) {
      return List.of();
    }
    PinnedEvents.Count count = recording.stop();
    recording = null;
    all += count.all();
    fromSdk += count.fromSdk();
    boolean measured = iterationParams.getType() == IterationType.MEASUREMENT;
    if (measured) {
      measuredFromSdk += count.fromSdk();
      measuredOther += count.fromSdkNotLoadingClasses();
    }
    count.sdkStacks().stream().limit(3)
        .forEach(stack -> System.out.println((measured ? "[measured] " : "[warm-up] ") + stack));
    return List.of(
        new ScalarResult(SDK_METRIC, fromSdk, "events", AggregationPolicy.MAX),
        new ScalarResult(MEASURED_SDK_METRIC, measuredFromSdk, "events", AggregationPolicy.MAX),
        new ScalarResult(MEASURED_SDK_OTHER_METRIC, measuredOther, "events",
            AggregationPolicy.MAX),
        new ScalarResult(ALL_METRIC, all, "events", AggregationPolicy.MAX));
  }
}
