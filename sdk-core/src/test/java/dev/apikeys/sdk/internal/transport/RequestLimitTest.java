package dev.apikeys.sdk.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.RequestOptions;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.models.ApiKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code maxConcurrentRequests} bounds the requests in flight, as the server sees them; beyond
 * it calls wait in one FIFO queue, blocking and async alike, within their timeout.
 */
class RequestLimitTest {

  private static final RequestOptions SHORT = RequestOptions.builder()
      .timeout(Duration.ofMillis(300)).build();

  private InFlightServer server;
  private final List<ApiKeysClient> clients = new ArrayList<>();
  private final ExecutorService callers = Executors.newCachedThreadPool();

  @BeforeEach
  void setUp() throws Exception {
    server = new InFlightServer();
  }

  @AfterEach
  void tearDown() {
    server.close();
    clients.forEach(ApiKeysClient::close);
    callers.shutdownNow();
  }

  private ApiKeysClient client(int maxConcurrentRequests) {
    ApiKeysClient client = ApiKeysClient.builder().baseUrl(server.baseUrl()).token("sk-test")
        .maxRetries(0).maxConcurrentRequests(maxConcurrentRequests).build();
    clients.add(client);
    return client;
  }

  private String waited(String id, int slots) {
    return "GET /v1/api_key/" + id + " to " + server.baseUrl().substring("http://".length())
        + " timed out: GET /v1/api_key/" + id + " waited PT0.3S"
        + " for one of the client's " + slots + " request slots; raise maxConcurrentRequests"
        + " or the timeout";
  }

  @Test
  void theServerNeverSeesMoreThanTheLimit() throws Exception {
    ApiKeysClient client = client(3);
    List<CompletableFuture<ApiKey>> async = IntStream.range(0, 8)
        .mapToObj(i -> client.async().apiKeys().retrieve("held-a" + i)).toList();
    List<Future<ApiKey>> blocking = IntStream.range(0, 4)
        .mapToObj(i -> callers.submit(() -> client.apiKeys().retrieve("held-b" + i))).toList();

    for (int left = 12; left > 0; left--) {
      int expected = Math.min(3, left);
      server.await(expected + " in flight", () -> server.inFlight() >= expected);
      server.release(1);
    }

    for (CompletableFuture<ApiKey> call : async) {
      assertTrue(call.get(5, TimeUnit.SECONDS).id().startsWith("held-a"));
    }
    for (Future<ApiKey> call : blocking) {
      assertTrue(call.get(5, TimeUnit.SECONDS).id().startsWith("held-b"));
    }
    assertEquals(12, server.arrivals().size());
    assertEquals(3, server.maxInFlight());
  }

  @Test
  void queuedCallsGoFirstComeFirstServed() throws Exception {
    ApiKeysClient client = client(1);
    CompletableFuture<ApiKey> first = client.async().apiKeys().retrieve("held-0");
    server.await("the first call", () -> server.inFlight() == 1);
    List<CompletableFuture<ApiKey>> queued = IntStream.rangeClosed(1, 6)
        .mapToObj(i -> client.async().apiKeys().retrieve("held-" + i)).toList();

    server.release(7);

    first.get(5, TimeUnit.SECONDS);
    for (CompletableFuture<ApiKey> call : queued) {
      call.get(5, TimeUnit.SECONDS);
    }
    assertEquals(List.of("held-0", "held-1", "held-2", "held-3", "held-4", "held-5", "held-6"),
        server.arrivals());
    assertEquals(1, server.maxInFlight());
  }

  @Test
  void aCallWhoseSlotDoesNotComeInTimeFailsWithoutReachingTheServer() throws Exception {
    ApiKeysClient client = client(1);
    CompletableFuture<ApiKey> holder = client.async().apiKeys().retrieve("held-0");
    server.await("the first call", () -> server.inFlight() == 1);

    ApiKeysIoException blocking = assertThrows(ApiKeysIoException.class,
        () -> client.apiKeys().retrieve("blocked", SHORT));
    ExecutionException async = assertThrows(ExecutionException.class,
        () -> client.async().apiKeys().retrieve("queued", SHORT).get(5, TimeUnit.SECONDS));

    assertEquals(waited("blocked", 1), blocking.getMessage());
    assertEquals(waited("queued", 1),
        assertInstanceOf(ApiKeysIoException.class, async.getCause()).getMessage());
    server.release(1);
    assertEquals("held-0", holder.get(5, TimeUnit.SECONDS).id());
    assertEquals("after", client.apiKeys().retrieve("after", SHORT).id());
    assertEquals(List.of("held-0", "after"), server.arrivals());
  }

  @Test
  void aCancelledQueuedCallLeavesTheQueue() throws Exception {
    ApiKeysClient client = client(1);
    CompletableFuture<ApiKey> holder = client.async().apiKeys().retrieve("held-0");
    server.await("the first call", () -> server.inFlight() == 1);
    CompletableFuture<ApiKey> cancelled = client.async().apiKeys().retrieve("held-cancelled");
    CompletableFuture<ApiKey> next = client.async().apiKeys().retrieve("held-next");

    assertTrue(cancelled.cancel(true));
    server.release(2);

    assertEquals("held-0", holder.get(5, TimeUnit.SECONDS).id());
    assertEquals("held-next", next.get(5, TimeUnit.SECONDS).id());
    assertEquals("later", client.apiKeys().retrieve("later", SHORT).id());
    assertEquals(List.of("held-0", "held-next", "later"), server.arrivals());
    assertEquals(1, server.maxInFlight());
  }

  @Test
  void derivedClientsShareTheLimitUnlessTheySetTheirOwn() throws Exception {
    ApiKeysClient client = client(1);
    ApiKeysClient sameLimit = client.withOptions(b -> b.accountId("acct_2"));
    ApiKeysClient rebuilt = client.toBuilder().build();
    ApiKeysClient ownLimit = client.withOptions(b -> b.maxConcurrentRequests(2));
    clients.addAll(List.of(sameLimit, rebuilt, ownLimit));
    CompletableFuture<ApiKey> holder = client.async().apiKeys().retrieve("held-0");
    server.await("the first call", () -> server.inFlight() == 1);

    ApiKeysIoException derived = assertThrows(ApiKeysIoException.class,
        () -> sameLimit.apiKeys().retrieve("derived", SHORT));
    ApiKeysIoException copy = assertThrows(ApiKeysIoException.class,
        () -> rebuilt.apiKeys().retrieve("copy", SHORT));
    CompletableFuture<ApiKey> own = ownLimit.async().apiKeys().retrieve("held-own");
    server.await("the call of the client with its own limit",
        () -> server.arrivals().contains("held-own"));

    assertEquals(waited("derived", 1), derived.getMessage());
    assertEquals(waited("copy", 1), copy.getMessage());
    server.release(2);
    holder.get(5, TimeUnit.SECONDS);
    own.get(5, TimeUnit.SECONDS);
    assertEquals(List.of("held-0", "held-own"), server.arrivals());
  }

  @Test
  void byDefaultSixtyFourRequestsAreInFlightAndTheNextWaits() throws Exception {
    ApiKeysClient client = ApiKeysClient.builder().baseUrl(server.baseUrl()).token("sk-test")
        .maxRetries(0).build();
    clients.add(client);
    List<CompletableFuture<ApiKey>> held = IntStream.range(0, 64)
        .mapToObj(i -> client.async().apiKeys().retrieve("held-" + i)).toList();
    server.await("64 in flight", () -> server.inFlight() == 64);

    ApiKeysIoException next = assertThrows(ApiKeysIoException.class,
        () -> client.apiKeys().retrieve("held-64", SHORT));

    assertEquals(waited("held-64", 64), next.getMessage());
    server.release(64);
    Set<String> ids = new HashSet<>();
    for (CompletableFuture<ApiKey> call : held) {
      ids.add(call.get(5, TimeUnit.SECONDS).id());
    }
    assertEquals(IntStream.range(0, 64).mapToObj(i -> "held-" + i).collect(Collectors.toSet()),
        ids);
    assertEquals(64, server.arrivals().size());
    assertEquals(64, server.maxInFlight());
  }

  @Test
  void theWaitForASlotCountsAgainstTheAttemptTimeout() throws Exception {
    ApiKeysClient client = client(1);
    RequestOptions oneSecond = RequestOptions.builder().timeout(Duration.ofSeconds(1)).build();
    client.apiKeys().retrieve("warm-up");

    // Each call waits about SLOW_MS for the slot, then SLOW_MS for its answer: past 1 s.
    CompletableFuture<ApiKey> holder = client.async().apiKeys().retrieve("slow-0");
    server.await("the first call", () -> server.inFlight() == 1);
    assertThrows(ApiKeysIoException.class,
        () -> client.apiKeys().retrieve("slow-1", oneSecond));
    holder.get(5, TimeUnit.SECONDS);
    CompletableFuture<ApiKey> asyncHolder = client.async().apiKeys().retrieve("slow-2");
    server.await("the third call", () -> server.inFlight() == 1);
    ExecutionException async = assertThrows(ExecutionException.class,
        () -> client.async().apiKeys().retrieve("slow-3", oneSecond).get(5, TimeUnit.SECONDS));
    assertInstanceOf(ApiKeysIoException.class, async.getCause());
    asyncHolder.get(5, TimeUnit.SECONDS);
  }
}
