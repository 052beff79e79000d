package dev.apikeys.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.models.ApiKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A burst of async calls on one client with {@code maxConcurrentRequests(8)}: every call
 * succeeds, and the server never has more than eight of its requests in hand at once. The
 * server holds the first requests until eight are in hand, and a little more, so the bound is
 * shown reached; a client past it would be seen past eight, since the server has 50 threads.
 */
class RequestLimitBurstTest {

  private static final int CALLS = 500;
  private static final int LIMIT = 8;
  private static final int SERVER_THREADS = 50;
  /** How long the first round is held once the limit is reached. */
  private static final Duration GRACE = Duration.ofMillis(100);
  /** How long the first requests wait at most for the limit to be reached. */
  private static final Duration FIRST_ROUND_WAIT = Duration.ofSeconds(5);

  private static final ReportTable TABLE = ReportTable.create("62-request-limit",
      "Bursts: requests in flight bounded by maxConcurrentRequests, the rest queued",
      "transport", "calls (async, at once)", "maxConcurrentRequests", "succeeded",
      "most requests in hand at the server", "requests")
      .note("The server is WireMock with " + SERVER_THREADS + " threads and an extension that"
          + " counts the requests it holds, from their arrival until their answer is decided."
          + " It holds the first ones until " + LIMIT + " are in hand and " + GRACE.toMillis()
          + " ms more have passed, then answers everything at once: a client that sent more"
          + " than " + LIMIT + " at once would be seen doing so (with maxConcurrentRequests(64)"
          + " this server saw 43 at once in a trial run).");

  @AfterAll
  static void writeRows() {
    TABLE.write();
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void burstOfAsyncCallsNeverHasMoreRequestsInFlightThanTheLimitAndAllSucceed(
      TransportKind transport) throws Exception {
    InHand inHand = new InHand();
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort()
        .containerThreads(SERVER_THREADS).extensions(inHand));
    server.start();
    List<String> ids = new ArrayList<>();
    try (ApiKeysClient client = transport.on(ApiKeysClient.builder()).baseUrl(server.baseUrl())
        .token("sk-reliability-burst").maxConcurrentRequests(LIMIT).build()) {
      server.stubFor(get(urlPathEqualTo("/v1/api_key/" + ApiOperation.TARGET_ID))
          .willReturn(okJson(WireJson.key(ApiOperation.TARGET_ID).toString())));
      List<CompletableFuture<ApiKey>> calls = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        calls.add(client.async().apiKeys().retrieve(ApiOperation.TARGET_ID));
      }
      for (CompletableFuture<ApiKey> call : calls) {
        ids.add(call.get(60, TimeUnit.SECONDS).id());
      }
    } finally {
      server.stop();
    }

    int requests = inHand.total.get();
    int most = inHand.most.get();
    TABLE.check(List.of(transport, CALLS, LIMIT, ids.size(), most, requests), () -> {
      assertEquals(CALLS, ids.stream().filter(ApiOperation.TARGET_ID::equals).count());
      assertEquals(CALLS, requests, "one request per call");
      assertEquals(LIMIT, most, "the server saw the limit reached and never passed");
    });
  }

  /**
   * Counts the requests the server holds. Holds the first ones until {@link #LIMIT} are in hand
   * and {@link #GRACE} more has passed, time for any request beyond the limit to arrive too
   * (at most {@link #FIRST_ROUND_WAIT} in all); answers every later one at once.
   */
  static final class InHand implements ResponseDefinitionTransformerV2 {
    private final AtomicInteger now = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicLong limitReachedAt = new AtomicLong();
    private volatile boolean firstRoundOver;

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      int current = now.incrementAndGet();
      total.incrementAndGet();
      most.accumulateAndGet(current, Math::max);
      if (current >= LIMIT) {
        limitReachedAt.compareAndSet(0, System.nanoTime());
      }
      long deadline = System.nanoTime() + FIRST_ROUND_WAIT.toNanos();
      while (!firstRoundOver && System.nanoTime() - deadline < 0) {
        long reached = limitReachedAt.get();
        if (reached != 0 && System.nanoTime() - reached >= GRACE.toNanos()) {
          firstRoundOver = true;
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
      firstRoundOver = true;
      now.decrementAndGet();
      return serveEvent.getResponseDefinition();
    }

    @Override
    public String getName() {
      return "requests-in-hand";
    }
  }
}
