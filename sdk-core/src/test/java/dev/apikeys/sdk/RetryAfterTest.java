package dev.apikeys.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.apikeys.sdk.RuntimeFixtures.jitteredBackoff;
import static dev.apikeys.sdk.RuntimeFixtures.key;
import static dev.apikeys.sdk.RuntimeFixtures.stubInOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.apikeys.sdk.RuntimeFixtures.RecordingSleeper;
import dev.apikeys.sdk.errors.InternalServerException;
import dev.apikeys.sdk.errors.RateLimitException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wait a server asks for ({@code Retry-After}, {@code retry-after-ms}) and its cap. */
class RetryAfterTest {

  private static final String KEY_PATH = "/v1/api_key/key_1";
  private static final Clock NOW = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"),
      ZoneOffset.UTC);

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  private final RecordingSleeper sleeper = RecordingSleeper.immediate();
  private ApiKeysClient client;

  @BeforeEach
  void setUp() {
    client = server.client(sleeper).clock(NOW).build();
  }

  @Test
  void retryAfterInSecondsIsWaitedExactly() {
    stubThenOk(tooManyRequests().withHeader("Retry-After", "3"));

    assertEquals("key_1", client.apiKeys().retrieve("key_1").id());

    assertEquals(List.of(Duration.ofSeconds(3)), sleeper.durations());
    server.verify(exactly(2), getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void retryAfterAsHttpDateIsMeasuredAgainstTheClientsClock() {
    stubThenOk(status(503).withHeader("Retry-After", "Mon, 01 Jan 2024 00:00:07 GMT"));

    assertEquals("key_1", client.apiKeys().retrieve("key_1").id());

    assertEquals(List.of(Duration.ofSeconds(7)), sleeper.durations());
    server.verify(exactly(2), getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void retryAfterDateInThePastMeansRetryAtOnce() {
    stubThenOk(tooManyRequests().withHeader("Retry-After", "Sun, 31 Dec 2023 23:59:00 GMT"));

    assertEquals("key_1", client.apiKeys().retrieve("key_1").id());

    assertEquals(List.of(Duration.ZERO), sleeper.durations());
  }

  @Test
  void retryAfterMsIsWaitedExactly() {
    stubThenOk(tooManyRequests().withHeader("retry-after-ms", "1500"));

    assertEquals("key_1", client.apiKeys().retrieve("key_1").id());

    assertEquals(List.of(Duration.ofMillis(1500)), sleeper.durations());
  }

  @Test
  void retryAfterMsWinsOverRetryAfter() {
    stubThenOk(tooManyRequests().withHeader("retry-after-ms", "250")
        .withHeader("Retry-After", "9"));

    assertEquals("key_1", client.apiKeys().retrieve("key_1").id());

    assertEquals(List.of(Duration.ofMillis(250)), sleeper.durations());
  }

  @Test
  void unreadableRetryAfterFallsBackToTheBackoff() {
    stubThenOk(tooManyRequests().withHeader("Retry-After", "soon"));

    assertEquals("key_1", client.apiKeys().retrieve("key_1").id());

    assertEquals(List.of(jitteredBackoff(1)), sleeper.durations());
  }

  @ParameterizedTest(name = "{0}: \"{1}\"")
  @CsvSource({"Retry-After, -1", "Retry-After, 1.5", "Retry-After, ''", "retry-after-ms, -5",
      "retry-after-ms, NaN"})
  void negativeFractionalOrEmptyWaitFallsBackToTheBackoff(String header, String value) {
    stubThenOk(tooManyRequests().withHeader(header, value));

    assertEquals("key_1", client.apiKeys().retrieve("key_1").id());

    assertEquals(List.of(jitteredBackoff(1)), sleeper.durations());
    server.verify(exactly(2), getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void retryAfterEqualToTheCapIsStillWaited() {
    stubThenOk(tooManyRequests().withHeader("Retry-After", "60"));

    assertEquals("key_1", client.apiKeys().retrieve("key_1").id());

    assertEquals(List.of(Duration.ofSeconds(60)), sleeper.durations());
  }

  @Test
  void retryAfterBeyondTheCapFailsAtOnceWithRateLimitException() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(tooManyRequests()
        .withHeader("Retry-After", "86400")));

    RateLimitException error = assertThrows(RateLimitException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals(429, error.statusCode());
    assertEquals(Optional.of(Duration.ofDays(1)), error.retryAfter());
    assertEquals("HTTP 429: slow down; the server asked to retry after 86400000 ms",
        error.getMessage());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
    assertEquals(List.of(), sleeper.durations());
  }

  @Test
  void retryAfterWithMoreSecondsThanALongHoldsFailsAtOnceToo() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(tooManyRequests()
        .withHeader("Retry-After", "99999999999999999999999")));

    RateLimitException error = assertThrows(RateLimitException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals(Optional.of(Duration.ofSeconds(Long.MAX_VALUE)), error.retryAfter());
    assertEquals("HTTP 429: slow down; the server asked to retry after "
        + Long.MAX_VALUE + " s", error.getMessage());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
    assertEquals(List.of(), sleeper.durations());
  }

  /** Past a long of milliseconds the message gives seconds; a long of nanos saturates. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "Retry-After, 99999999999999999, 99999999999999999 s",
      "Retry-After, 9223372036854775807, 9223372036854775807 s",
      "Retry-After, 'Fri, 31 Dec 9999 23:59:59 GMT', 251698233599000 ms",
      "retry-after-ms, 99999999999999999999, 9223372036854 ms",
      "retry-after-ms, 1e400, 9223372036854 ms"})
  void hugeWaitIsNotWaitedForAndReadsInTheMessage(String header, String value, String asked) {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(tooManyRequests()
        .withHeader(header, value)));

    RateLimitException error = assertThrows(RateLimitException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals("HTTP 429: slow down; the server asked to retry after " + asked,
        error.getMessage());
    assertTrue(error.toString().endsWith(asked), error.toString());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
    assertEquals(List.of(), sleeper.durations());
  }

  @Test
  void retryAfterBeyondACustomCapFailsAtOnce() {
    ApiKeysClient capped = server.client(sleeper).clock(NOW).retryPolicy(RetryPolicy
        .builder().random(RuntimeFixtures.HALF_JITTER).maxRetryAfter(Duration.ofSeconds(10))
        .build()).build();
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(tooManyRequests()
        .withHeader("retry-after-ms", "10001")));

    RateLimitException error = assertThrows(RateLimitException.class,
        () -> capped.apiKeys().retrieve("key_1"));

    assertEquals(Optional.of(Duration.ofMillis(10001)), error.retryAfter());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void serverErrorAskingForAWaitBeyondTheCapIsNotRetried() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(status(503)
        .withHeader("Retry-After", "3600")));

    InternalServerException error = assertThrows(InternalServerException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals(503, error.statusCode());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
    assertEquals(List.of(), sleeper.durations());
  }

  @Test
  void exhaustedRateLimitRetriesThrowTheServersWait() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(tooManyRequests()
        .withHeader("Retry-After", "2")));

    RateLimitException error = assertThrows(RateLimitException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals(Optional.of(Duration.ofSeconds(2)), error.retryAfter());
    assertTrue(error.getMessage().endsWith("the server asked to retry after 2000 ms"),
        error.getMessage());
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), sleeper.durations());
    server.verify(exactly(3), getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  private static ResponseDefinitionBuilder tooManyRequests() {
    return status(429).withHeader("Content-Type", "application/json")
        .withBody("{\"error\": \"slow down\"}");
  }

  private void stubThenOk(ResponseDefinitionBuilder first) {
    stubInOrder(server, () -> get(urlEqualTo(KEY_PATH)), first, okJson(key("key_1")));
  }
}
