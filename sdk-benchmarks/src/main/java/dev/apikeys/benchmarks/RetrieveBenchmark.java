package dev.apikeys.benchmarks;

import dev.apikeys.peer.ApiException;
import dev.apikeys.sdk.models.ApiKey;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code retrieve} round trip on loopback: the time per call of each contender, with one
 * client shared by all benchmark threads. The thread count is set by the subclasses.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public abstract class RetrieveBenchmark {

  private Scenario scenario;

  /** Starts the server and the clients. */
  @Setup
  public void start() throws IOException {
    scenario = Scenario.start(new CannedPages(1, 1), Duration.ZERO);
  }

  /** Stops them. */
  @TearDown
  public void stop() {
    scenario.close();
  }

  /** Our SDK. */
  @Benchmark
  public ApiKey sdk() {
    return scenario.contenders().sdk().apiKeys().retrieve(CannedPages.RETRIEVED_ID);
  }

  /** The hand-written floor. */
  @Benchmark
  public FloorClient.Key floor() throws IOException, InterruptedException {
    return scenario.contenders().floor().retrieve(CannedPages.RETRIEVED_ID);
  }

  /** Diagnostic: the floor blocking on {@code sendAsync().get()}, as the SDK does. */
  @Benchmark
  public FloorClient.Key floorThroughSendAsync() throws IOException, InterruptedException {
    return scenario.contenders().floor().retrieveThroughSendAsync(CannedPages.RETRIEVED_ID);
  }

  /** The stock generated client. */
  @Benchmark
  public dev.apikeys.peer.model.ApiKey peer() throws ApiException {
    return scenario.contenders().peer().retrieveApiKey(CannedPages.RETRIEVED_ID, null);
  }
}
