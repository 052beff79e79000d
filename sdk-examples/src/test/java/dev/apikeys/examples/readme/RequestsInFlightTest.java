package dev.apikeys.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.RequestOptions;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.models.ApiKey;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's "Requests in flight" snippet, compiled and run against a server that holds
 * every request until the test lets them go, so that what is in flight can be counted.
 */
class RequestsInFlightTest {

  private final CountDownLatch eightArrived = new CountDownLatch(8);
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger arrived = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/v1/api_key/", this::holdThenAnswer);
    server.start();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
    threads.shutdownNow();
  }

  @Test
  void aClientHasAtMostItsBoundInFlightAndQueuesTheRest() throws Exception {
    String token = "sk-test";
    List<String> ids = IntStream.rangeClosed(1, 20).mapToObj(n -> "key_" + n).toList();

    ApiKeysClient client = ApiKeysClient.builder()
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .token(token)
        .maxConcurrentRequests(8)
        .build();
    List<CompletableFuture<ApiKey>> keys = ids.stream()
        .map(id -> client.async().apiKeys().retrieve(id))
        .toList();   // 8 requests in flight; the others wait their turn

    eightArrived.await();
    // A ninth call waits behind the twelve queued ones, and its timeout counts the wait.
    assertThrows(ApiKeysIoException.class, () -> client.apiKeys().retrieve("key_21",
        RequestOptions.builder().timeout(Duration.ofMillis(300)).maxRetries(0).build()));
    assertEquals(8, arrived.get());
    release.countDown();

    assertEquals(ids, keys.stream().map(key -> key.join().id()).toList());
    assertEquals(8, mostInFlight.get());
    assertEquals(20, arrived.get());
    client.close();
  }

  private void holdThenAnswer(HttpExchange exchange) throws IOException {
    arrived.incrementAndGet();
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    eightArrived.countDown();
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String path = exchange.getRequestURI().getPath();
    byte[] body = KeyJson.key(path.substring(path.lastIndexOf('/') + 1))
        .getBytes(StandardCharsets.UTF_8);
    // Out of flight before the answer leaves, so that the next request cannot overtake it.
    inFlight.decrementAndGet();
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
