package dev.apikeys.examples.readme;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.LogLevel;
import dev.apikeys.sdk.RawResponse;
import dev.apikeys.sdk.RetryPolicy;
import dev.apikeys.sdk.errors.InternalServerException;
import dev.apikeys.sdk.errors.RateLimitException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.Permission;
import dev.apikeys.sdk.models.SortOrder;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import dev.apikeys.testkit.MockApiKeysServer;
import dev.apikeys.testkit.MockApiKeysServerExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's snippets for updates, paging, retries, async, raw responses and logging,
 * compiled and run against the testkit. Each test body holds the snippet as the README shows
 * it, and asserts what the snippet sets up, so that it fails when a setting is dropped.
 */
class ReadmeSnippetsTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API =
      new MockApiKeysServerExtension(MockApiKeysServer.builder().seed(25));

  private static final String KEY_PATH = "/v1/api_key/key_0001";

  @Test
  void updatingAKey(ApiKeysClient client) {
    client.apiKeys().update("key_0003", UpdateApiKeyParams.builder()
        .expiresAt(null)          // never expires
        .build());

    ApiKey key = client.apiKeys().retrieve("key_0002");
    List<String> values = new ArrayList<>(key.permissionValues());
    values.add(Permission.TOOLS_VIEW.value());
    client.apiKeys().update("key_0002", UpdateApiKeyParams.builder()
        .restricted(true)
        .permissionValues(values)
        .build());

    assertEquals(Optional.empty(), client.apiKeys().retrieve("key_0003").expiresAt());
    assertEquals(List.of("calls.view", "calls.create", "tools.view"),
        client.apiKeys().retrieve("key_0002").permissionValues());
  }

  @Test
  void paging(ApiKeysClient client) {
    List<String> printed;
    List<String> restricted;
    try (CapturedOut out = CapturedOut.start()) {
      ApiKeyPage first = client.apiKeys().list(ListApiKeysParams.builder()
          .limit(100).order(SortOrder.ASC).build());
      for (ApiKey key : first.autoPager()) {
        System.out.println(key.id());
      }
      printed = out.lines();

      try (Stream<ApiKey> keys = first.autoPager().withPrefetch().stream()) {
        keys.filter(ApiKey::restricted).limit(10).forEach(System.out::println);
      }
      restricted = out.lines().subList(printed.size(), out.lines().size());
    }

    assertEquals(25, printed.size());
    assertEquals("key_0025", printed.get(24));
    assertEquals(10, restricted.size());
    assertTrue(restricted.get(9).startsWith("ApiKey{id=key_0020, "), restricted.get(9));
  }

  @Test
  void retriesAndTimeouts(MockApiKeysServer server) {
    String token = MockApiKeysServer.ADMIN_TOKEN;
    ApiKeysClient client = ApiKeysClient.builder()
        .token(token)
        .retryPolicy(RetryPolicy.builder()
            .maxRetries(4)
            .initialBackoff(Duration.ofMillis(200))
            .maxRetryAfter(Duration.ofSeconds(10))
            .build())
        .timeout(Duration.ofSeconds(2))       // each attempt
        .callTimeout(Duration.ofSeconds(30))  // all attempts and waits together
        .build();

    MovableClock clock = new MovableClock();
    List<Duration> waits = new ArrayList<>();
    ApiKeysClient tested = client.withOptions(b -> b.baseUrl(server.baseUrl()).clock(clock)
        .sleeper(wait -> {
          waits.add(wait);
          clock.advance(wait);
          return CompletableFuture.completedFuture(null);
        }));

    // maxRetries(4) and initialBackoff: four 503s, then the key; waits 200 ms doubling, less
    // up to 25% jitter.
    answerInTurn(server, aResponse().withStatus(503), aResponse().withStatus(503),
        aResponse().withStatus(503), aResponse().withStatus(503));
    assertEquals("key_0001", tested.apiKeys().retrieve("key_0001").id());
    assertEquals(5, requests(server));
    assertEquals(4, waits.size());
    for (int retry = 0; retry < 4; retry++) {
      long most = 200L << retry;
      long waited = waits.get(retry).toMillis();
      assertTrue(waited >= most * 3 / 4 && waited <= most, "wait " + retry + ": " + waited);
    }

    // maxRetryAfter(10 s): a server asking for 11 s is not waited for.
    reset(server, waits);
    answerInTurn(server, aResponse().withStatus(429).withHeader("Retry-After", "11"));
    assertThrows(RateLimitException.class, () -> tested.apiKeys().retrieve("key_0001"));
    assertEquals(1, requests(server));
    assertEquals(List.of(), waits);

    // callTimeout(30 s): after waits of 10 s and 10 s, a third would reach the deadline.
    reset(server, waits);
    ResponseDefinitionBuilder busy = aResponse().withStatus(503).withHeader("Retry-After", "10");
    answerInTurn(server, busy, busy, busy, busy, busy);
    assertThrows(InternalServerException.class, () -> tested.apiKeys().retrieve("key_0001"));
    assertEquals(3, requests(server));
    assertEquals(List.of(Duration.ofSeconds(10), Duration.ofSeconds(10)), waits);

    // timeout(2 s): an answer that takes 5 s is given up on, and the retry gets the key.
    reset(server, waits);
    answerInTurn(server, aResponse().withStatus(200).withFixedDelay(5_000)
        .withHeader("Content-Type", "application/json").withBody(KeyJson.key("key_0001")));
    assertEquals("key_0001", tested.apiKeys().retrieve("key_0001").id());
    assertEquals(2, requests(server));
    assertEquals(1, waits.size());
    tested.close();
    client.close();
  }

  @Test
  void asyncAndRawResponses(ApiKeysClient client) throws Exception {
    List<String> lines;
    try (CapturedOut out = CapturedOut.start()) {
      CompletableFuture<Void> printed = client.async().apiKeys().retrieve("key_0001")
          .thenAccept(key -> System.out.println(key.name()));
      printed.get();
      lines = out.lines();
    }

    RawResponse<ApiKey> raw = client.apiKeys().withRawResponse().retrieve("key_0001");
    raw.statusCode();   // 200
    raw.requestId();    // Optional[req_...]
    raw.headers();      // names in lower case
    ApiKey key = raw.body();

    assertEquals(List.of("Seeded key 1"), lines);
    assertEquals(200, raw.statusCode());
    assertTrue(raw.requestId().orElseThrow().startsWith("req_"));
    assertTrue(raw.headers().containsKey("x-request-id"), raw.headers().toString());
    assertEquals("key_0001", key.id());
  }

  @Test
  void logging(MockApiKeysServer server) {
    Logger sdkLogger = Logger.getLogger(ApiKeysClient.LOGGER_NAME);
    List<LogRecord> records = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    sdkLogger.addHandler(handler);
    String token = MockApiKeysServer.ADMIN_TOKEN;
    try {
      ApiKeysClient client = ApiKeysClient.builder()
          .baseUrl(server.baseUrl())
          .token(token)
          .logLevel(LogLevel.INFO)
          .build();
      client.apiKeys().retrieve("key_0001");
      // INFO: GET /v1/api_key/key_0001 -> 200 attempt 1 in 4 ms
      client.close();
    } finally {
      sdkLogger.removeHandler(handler);
    }

    assertEquals(1, records.size());
    assertEquals(Level.INFO, records.get(0).getLevel());
    String line = records.get(0).getMessage();
    assertTrue(line.matches("GET /v1/api_key/key_0001 -> 200 attempt 1 in \\d+ ms"), line);
    assertFalse(line.contains(token));
  }

  /** Answers the next requests for key_0001 in turn; then the testkit answers again. */
  private static void answerInTurn(MockApiKeysServer server,
      ResponseDefinitionBuilder... answers) {
    String state = STARTED;
    for (int n = 0; n < answers.length; n++) {
      String next = "answered " + (n + 1);
      server.wireMock().stubFor(get(urlPathEqualTo(KEY_PATH)).inScenario("in turn")
          .whenScenarioStateIs(state).willSetStateTo(next).willReturn(answers[n]));
      state = next;
    }
  }

  private static int requests(MockApiKeysServer server) {
    return server.wireMock().findAll(getRequestedFor(urlPathEqualTo(KEY_PATH))).size();
  }

  private static void reset(MockApiKeysServer server, List<Duration> waits) {
    server.wireMock().resetScenarios();
    server.wireMock().resetRequests();
    server.wireMock().getStubMappings().stream()
        .filter(stub -> "in turn".equals(stub.getScenarioName()))
        .forEach(server.wireMock()::removeStub);
    waits.clear();
  }

  /** A clock that moves only when told to: by the retry waits of these tests. */
  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    synchronized void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public synchronized Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
