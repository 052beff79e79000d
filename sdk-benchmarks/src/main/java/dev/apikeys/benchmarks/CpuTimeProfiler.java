package dev.apikeys.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, {@code cpu.time.norm} in ns/op: the benchmark JVM's process CPU time
 * (user and system, every thread: callers, the HTTP client's selector and executor threads, GC
 * and JIT) over an iteration, divided by all operations of the iteration, as JMH's
 * {@code gc.alloc.rate.norm} divides allocation. Wall time on a shared machine waits for other
 * processes; CPU time mostly does not. It is the client's alone when the server runs in another
 * JVM (see {@link PerCallBenchmark}). The JDK reads it in clock ticks (10 ms on Linux), so an
 * iteration should be long enough to hold many ticks: 1 s of a single thread holds about 100.
 *
 * <p>Use: {@code -prof dev.apikeys.benchmarks.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

  /** The name of the secondary result. */
  public static final String METRIC = "cpu.time.norm";

  private final OperatingSystemMXBean os =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long cpuAtStart;

  @Override
  public String getDescription() {
    return "process CPU time per operation (ns/op)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    cpuAtStart = os.getProcessCpuTime();
  }

  @Override
  @SuppressWarnings("rawtypes") // as JMH declares it
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
      IterationParams iterationParams, IterationResult result) {
    long cpu = os.getProcessCpuTime() - cpuAtStart;
    long ops = result.getMetadata().getAllOps();
    return List.of(new ScalarResult(METRIC, ops == 0 ? Double.NaN : (double) cpu / ops,
        "ns/op", AggregationPolicy.AVG));
  }
}
