package dev.apikeys.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** One list call whose page holds 1000 keys: transfer and, above all, decoding. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@Threads(1)
public class ListPageBenchmark extends PerCallBenchmark {

  /** Keys on the page. */
  public static final int PAGE_SIZE = 1000;

  private ContenderCalls.Call listPage;

  @Override
  protected void prepare(ContenderCalls contenderCalls) {
    listPage = contenderCalls.listPage(PAGE_SIZE);
  }

  /** One list call. */
  @Benchmark
  @Override
  public Object call() throws Exception {
    return listPage.call();
  }
}
