package dev.apikeys.benchmarks;

import dev.apikeys.sdk.ApiKeysClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code calls} blocking retrieves in flight at once, each on its own virtual thread, all on one
 * client; one operation is the whole batch, until the last call ends. JDK 21 and newer: on 17
 * the set-up fails with "virtual threads need JDK 21 or newer".
 *
 * <p>The SDK gets {@code maxConcurrentRequests(calls)}: with its default of 64, all but 64
 * calls would wait in the SDK's queue, which is the limiter's work, not the transport's; the
 * floor and the peer have no limit. The first batch of a fork opens the connections (one per
 * call on HTTP/1.1); warm-up absorbs it. Pinned carriers are {@link PinningCheck}'s to count.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
@Threads(1)
public class VirtualThreadsBenchmark extends PerCallBenchmark {

  /** Calls in flight at once. */
  @Param("10000")
  public int calls;

  private ExecutorService virtualThreads;
  private ContenderCalls.Call retrieve;

  @Override
  protected UnaryOperator<ApiKeysClient.Builder> sdkSettings() {
    return builder -> builder.maxConcurrentRequests(calls);
  }

  @Override
  protected void prepare(ContenderCalls contenderCalls) {
    virtualThreads = VirtualThreads.perTaskExecutor();
    retrieve = contenderCalls.retrieve();
  }

  @Override
  protected void finish() {
    if (virtualThreads != null) {
      virtualThreads.shutdownNow();
    }
  }

  /** One batch: returns the number of calls that succeeded. */
  @Benchmark
  @Override
  public Object call() throws Exception {
    return VirtualThreads.inFlightAtOnce(virtualThreads, calls, retrieve);
  }
}
