package dev.apikeys.benchmarks;

import dev.apikeys.peer.ApiException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Walking a million keys (1000 pages of 1000) in a JVM with a 64 MB heap, the server included:
 * it finishes only if a walk keeps no more than a page or two alive. One walk per shot.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
@Threads(1)
@State(Scope.Benchmark)
public class MillionKeysBenchmark {

  /** Pages in the listing. */
  @Param("1000")
  public int pages;

  /** Keys per page. */
  @Param("1000")
  public int pageSize;

  private Scenario scenario;

  /** Starts the server and the clients. */
  @Setup
  public void start() throws IOException {
    scenario = Scenario.start(new CannedPages(pageSize, pages), Duration.ZERO);
  }

  /** Stops them. */
  @TearDown
  public void stop() {
    scenario.close();
  }

  /** Our SDK's auto-pager, one page after the other. */
  @Benchmark
  public KeyWalk sdkSequential() {
    return ListingWalks.sdk(scenario.contenders().sdk(), pageSize, false, Duration.ZERO);
  }

  /** Our SDK's auto-pager with {@code withPrefetch()}: two pages alive at a time. */
  @Benchmark
  public KeyWalk sdkPrefetch() {
    return ListingWalks.sdk(scenario.contenders().sdk(), pageSize, true, Duration.ZERO);
  }

  /** Our SDK on {@code ApacheTransport}, one page after the other. */
  @Benchmark
  public KeyWalk sdkApacheSequential() {
    return ListingWalks.sdk(scenario.contenders().sdkApache(), pageSize, false, Duration.ZERO);
  }

  /** Our SDK on {@code ApacheTransport} with {@code withPrefetch()}. */
  @Benchmark
  public KeyWalk sdkApachePrefetch() {
    return ListingWalks.sdk(scenario.contenders().sdkApache(), pageSize, true, Duration.ZERO);
  }

  /** The floor's plain loop. */
  @Benchmark
  public KeyWalk floor() throws IOException, InterruptedException {
    return ListingWalks.floor(scenario.contenders().floor(), pageSize, Duration.ZERO);
  }

  /** The peer's plain loop. */
  @Benchmark
  public KeyWalk peer() throws ApiException {
    return ListingWalks.peer(scenario.contenders().peer(), pageSize, Duration.ZERO);
  }
}
