package dev.apikeys.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code retrieve} round trip on loopback: the time per call of a contender, with one
 * client shared by all benchmark threads. The thread count is set by the subclasses.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public abstract class RetrieveBenchmark extends PerCallBenchmark {

  private ContenderCalls.Call retrieve;

  @Override
  protected void prepare(ContenderCalls contenderCalls) {
    retrieve = contenderCalls.retrieve();
  }

  /** One retrieve. */
  @Benchmark
  @Override
  public Object call() throws Exception {
    return retrieve.call();
  }
}
