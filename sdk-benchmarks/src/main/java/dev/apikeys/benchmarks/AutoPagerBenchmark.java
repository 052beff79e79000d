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
 * Walking a listing of {@code pages} pages when each page costs the server {@code latencyMs}
 * and the caller {@code workMs}: the SDK's auto-pager sequential and with
 * {@code withPrefetch()}, against the plain loop of the floor and the peer. One walk per shot.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class AutoPagerBenchmark {

  /** Pages in the listing. */
  @Param("100")
  public int pages;

  /** Keys per page. */
  @Param("100")
  public int pageSize;

  /** The server's latency per page, in milliseconds. */
  @Param("20")
  public int latencyMs;

  /** The caller's work per page, in milliseconds. */
  @Param("20")
  public int workMs;

  private Scenario scenario;

  /** Starts the server and the clients. */
  @Setup
  public void start() throws IOException {
    scenario = Scenario.start(new CannedPages(pageSize, pages), Duration.ofMillis(latencyMs));
  }

  /** Stops them. */
  @TearDown
  public void stop() {
    scenario.close();
  }

  /** Our SDK's auto-pager, one page after the other. */
  @Benchmark
  public KeyWalk sdkSequential() {
    return ListingWalks.sdk(scenario.contenders().sdk(), pageSize, false, work());
  }

  /** Our SDK's auto-pager with {@code withPrefetch()}. */
  @Benchmark
  public KeyWalk sdkPrefetch() {
    return ListingWalks.sdk(scenario.contenders().sdk(), pageSize, true, work());
  }

  /** The floor's plain loop. */
  @Benchmark
  public KeyWalk floor() throws IOException, InterruptedException {
    return ListingWalks.floor(scenario.contenders().floor(), pageSize, work());
  }

  /** The peer's plain loop. */
  @Benchmark
  public KeyWalk peer() throws ApiException {
    return ListingWalks.peer(scenario.contenders().peer(), pageSize, work());
  }

  private Duration work() {
    return Duration.ofMillis(workMs);
  }
}
