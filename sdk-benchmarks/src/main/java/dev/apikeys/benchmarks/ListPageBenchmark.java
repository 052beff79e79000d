package dev.apikeys.benchmarks;

import dev.apikeys.peer.ApiException;
import dev.apikeys.peer.model.ApiKeyList;
import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.models.ListApiKeysParams;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** One list call whose page holds 1000 keys: transfer and, above all, decoding. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class ListPageBenchmark {

  /** Keys on the page. */
  public static final int PAGE_SIZE = 1000;

  private Scenario scenario;

  /** Starts the server and the clients. */
  @Setup
  public void start() throws IOException {
    scenario = Scenario.start(new CannedPages(PAGE_SIZE, 1), Duration.ZERO);
  }

  /** Stops them. */
  @TearDown
  public void stop() {
    scenario.close();
  }

  /** Our SDK. */
  @Benchmark
  public ApiKeyPage sdk() {
    return scenario.contenders().sdk().apiKeys()
        .list(ListApiKeysParams.builder().limit(PAGE_SIZE).build());
  }

  /** The hand-written floor. */
  @Benchmark
  public FloorClient.Page floor() throws IOException, InterruptedException {
    return scenario.contenders().floor().list(PAGE_SIZE, null);
  }

  /** The stock generated client. */
  @Benchmark
  public ApiKeyList peer() throws ApiException {
    return scenario.contenders().peer().listApiKeys(null, PAGE_SIZE, null, null, null);
  }
}
