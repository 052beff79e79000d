package dev.apikeys.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.apikeys.sdk.RuntimeFixtures.jitteredBackoff;
import static dev.apikeys.sdk.RuntimeFixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.RuntimeFixtures.FakeTime;
import dev.apikeys.sdk.RuntimeFixtures.RecordingSleeper;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.errors.InternalServerException;
import dev.apikeys.sdk.errors.RateLimitException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The per-attempt timeout and the whole-call deadline. Real timeouts are short (200 ms against
 * a 1 s server delay); deadlines against waits use a fake clock that only the sleeper moves.
 */
class TimeoutTest {

  private static final String KEY_PATH = "/v1/api_key/key_1";
  private static final Duration SHORT = Duration.ofMillis(200);
  private static final int SLOW_MS = 1000;

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  private final RecordingSleeper sleeper = RecordingSleeper.immediate();

  @Test
  void clientTimeoutEndsEachAttemptAndFailsAfterTheRetries() {
    ApiKeysClient client = server.client(sleeper).timeout(SHORT).maxRetries(1).build();
    stubSlowAnswer();

    ApiKeysIoException error = assertThrows(ApiKeysIoException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertInstanceOf(HttpTimeoutException.class, error.getCause());
    assertTrue(error.getMessage().startsWith("GET /v1/api_key/key_1 to localhost:"
        + server.getPort() + " timed out"), error.getMessage());
    server.verify(exactly(2), getRequestedFor(urlEqualTo(KEY_PATH)));
    assertEquals(List.of(jitteredBackoff(1)), sleeper.durations());
  }

  @Test
  void requestTimeoutOverridesTheClientsTimeout() {
    ApiKeysClient client = server.client(sleeper).build();
    stubSlowAnswer();

    ApiKeysIoException error = assertThrows(ApiKeysIoException.class, () -> client.apiKeys()
        .retrieve("key_1", RequestOptions.builder().timeout(SHORT).maxRetries(0).build()));

    assertInstanceOf(HttpTimeoutException.class, error.getCause());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void longerRequestTimeoutLetsASlowAnswerThrough() {
    ApiKeysClient client = server.client(sleeper).timeout(Duration.ofMillis(100))
        .maxRetries(0).build();
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(okJson(key("key_1"))
        .withFixedDelay(400)));

    String id = client.apiKeys().retrieve("key_1",
        RequestOptions.builder().timeout(Duration.ofSeconds(5)).build()).id();

    assertEquals("key_1", id);
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void clientCallTimeoutStopsARetryWhoseWaitWouldPassTheDeadline() {
    FakeTime time = new FakeTime(Instant.parse("2024-01-01T00:00:00Z"));
    RecordingSleeper movingSleeper = time.sleeper();
    ApiKeysClient client = server.client(movingSleeper).clock(time)
        .callTimeout(Duration.ofSeconds(1)).build();
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(serviceUnavailable()));

    InternalServerException error = assertThrows(InternalServerException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals(503, error.statusCode());
    // 437.5 ms fits in the 1 s deadline; the next 875 ms wait does not fit in the 562.5 ms left.
    assertEquals(List.of(jitteredBackoff(1)), movingSleeper.durations());
    server.verify(exactly(2), getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void requestCallTimeoutStopsARetryWhoseWaitWouldPassTheDeadline() {
    FakeTime time = new FakeTime(Instant.parse("2024-01-01T00:00:00Z"));
    RecordingSleeper movingSleeper = time.sleeper();
    ApiKeysClient client = server.client(movingSleeper).clock(time).build();
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(serviceUnavailable()));

    assertThrows(InternalServerException.class, () -> client.apiKeys().retrieve("key_1",
        RequestOptions.builder().callTimeout(Duration.ofMillis(400)).build()));

    assertEquals(List.of(), movingSleeper.durations());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void callTimeoutRefusesAServerWaitPastTheDeadline() {
    FakeTime time = new FakeTime(Instant.parse("2024-01-01T00:00:00Z"));
    RecordingSleeper movingSleeper = time.sleeper();
    ApiKeysClient client = server.client(movingSleeper).clock(time)
        .callTimeout(Duration.ofSeconds(2)).build();
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(status(429)
        .withHeader("Retry-After", "5")));

    RateLimitException error = assertThrows(RateLimitException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals(Duration.ofSeconds(5), error.retryAfter().orElseThrow());
    assertEquals(List.of(), movingSleeper.durations());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void callTimeoutBoundsAnAttemptShorterThanThePerAttemptTimeout() {
    ApiKeysClient client = server.client(sleeper).timeout(Duration.ofSeconds(30))
        .callTimeout(SHORT).build();
    stubSlowAnswer();

    ApiKeysIoException error = assertThrows(ApiKeysIoException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertInstanceOf(HttpTimeoutException.class, error.getCause());
    assertEquals(List.of(), sleeper.durations());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  private static void stubSlowAnswer() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(okJson(key("key_1"))
        .withFixedDelay(SLOW_MS)));
  }
}
