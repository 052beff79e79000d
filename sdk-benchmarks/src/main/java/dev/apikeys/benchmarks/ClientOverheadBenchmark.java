package dev.apikeys.benchmarks;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.transport.Transport;
import dev.apikeys.sdk.transport.TransportRequest;
import dev.apikeys.sdk.transport.TransportResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SDK's own work per {@code retrieve}, without the network: the client sends through a
 * {@link Transport} that answers the canned key at once on the calling thread. What is left is
 * the engine on either transport: building the request, the request slot, retries, the attempt
 * deadline, interceptors and logging (off), reading the headers and decoding the key. One thread
 * and no I/O, so the figure holds still where the loopback round trip's varies from fork to fork.
 * What a transport adds on top is what the per-call scenarios weigh against its library by hand.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClientOverheadBenchmark {

  /** The contender: {@code sdk} (blocking API) or {@code sdkAsync} (async API, joined). */
  @Param({"sdk", "sdkAsync"})
  public String contender;

  private ContenderCalls.Call retrieve;
  private ApiKeysClient client;

  /** Makes the SDK's client on the canned transport. */
  @Setup
  public void start() {
    client = Contenders.sdkBuilder(URI.create("http://127.0.0.1:9"))
        .transport(new CannedTransport(new CannedPages(1, 1).retrieved())).build();
    retrieve = switch (contender) {
      case "sdk" -> () -> client.apiKeys().retrieve(CannedPages.RETRIEVED_ID);
      case "sdkAsync" -> () -> client.async().apiKeys().retrieve(CannedPages.RETRIEVED_ID).join();
      default -> throw new IllegalArgumentException("unknown contender '" + contender
          + "'; expected sdk or sdkAsync");
    };
  }

  /** Closes the SDK's client. */
  @TearDown
  public void stop() {
    client.close();
  }

  /**
   * One retrieve, answered by the canned transport.
   *
   * @return the SDK's model of the key
   * @throws Exception if the call fails
   */
  @Benchmark
  public Object call() throws Exception {
    return retrieve.call();
  }

  /** Answers every request with the same 200 and JSON body, on the calling thread. */
  private static final class CannedTransport implements Transport {

    private final TransportResponse key;

    CannedTransport(byte[] body) {
      this.key = TransportResponse.of(200, Map.of("Content-Type", List.of("application/json"),
          "Content-Length", List.of(Integer.toString(body.length))), body);
    }

    @Override
    public TransportResponse execute(TransportRequest request) {
      return key;
    }

    @Override
    public CompletableFuture<TransportResponse> executeAsync(TransportRequest request) {
      return CompletableFuture.completedFuture(key);
    }
  }
}
