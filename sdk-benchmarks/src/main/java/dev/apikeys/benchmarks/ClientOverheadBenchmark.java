package dev.apikeys.benchmarks;

import dev.apikeys.peer.ApiClient;
import dev.apikeys.peer.api.ApiKeysApi;
import dev.apikeys.sdk.ApiKeysClient;
import java.net.URI;
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
 * A contender's own work per {@code retrieve}, without the network: its client sends through a
 * {@link StubHttpClient}, which answers the canned key at once on the calling thread through
 * the contender's own body handler. What is left is what the contender does around the JDK's
 * exchange: building the request, the SDK's layers (request slot, retries, body deadline,
 * interceptors and logging off), reading the headers and decoding the key. One thread and no
 * I/O, so the figure holds still where the loopback round trip's varies by 15% from fork to
 * fork. Left out is the JDK client's own work, which every contender pays, with one difference:
 * the SDK sets a request timeout, for which the JDK registers a timer per exchange (the
 * {@code floorWithTimeout} diagnostic prices it on the real round trip).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClientOverheadBenchmark {

  private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

  /** The contender: {@code sdk}, {@code floor} or {@code peer}. */
  @Param({"sdk", "floor", "peer"})
  public String contender;

  private ContenderCalls.Call retrieve;
  private AutoCloseable client;

  /** Makes the contender's client on the stub. */
  @Setup
  public void start() {
    StubHttpClient stub = new StubHttpClient(new CannedPages(1, 1).retrieved());
    switch (contender) {
      case "sdk" -> {
        ApiKeysClient sdk = Contenders.sdkBuilder(NOWHERE).httpClient(stub).build();
        retrieve = () -> sdk.apiKeys().retrieve(CannedPages.RETRIEVED_ID);
        client = sdk;
      }
      case "floor" -> {
        FloorClient floor = new FloorClient(NOWHERE, CannedApiServer.TOKEN, null, stub);
        retrieve = () -> floor.retrieve(CannedPages.RETRIEVED_ID);
        client = () -> { };
      }
      case "peer" -> {
        ApiClient apiClient = new ApiClient();
        apiClient.setHttpClientBuilder(stub.builder());
        apiClient.updateBaseUri(NOWHERE.toString());
        apiClient.setRequestInterceptor(request ->
            request.header("Authorization", "Bearer " + CannedApiServer.TOKEN));
        ApiKeysApi peer = new ApiKeysApi(apiClient);
        retrieve = () -> peer.retrieveApiKey(CannedPages.RETRIEVED_ID, null);
        client = () -> { };
      }
      default -> throw new IllegalArgumentException("unknown contender '" + contender
          + "'; expected sdk, floor or peer");
    }
  }

  /** Closes the SDK's client. */
  @TearDown
  public void stop() throws Exception {
    client.close();
  }

  /**
   * One retrieve, answered by the stub.
   *
   * @return the contender's model of the key
   * @throws Exception if the call fails
   */
  @Benchmark
  public Object call() throws Exception {
    return retrieve.call();
  }
}
