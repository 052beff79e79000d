package dev.apikeys.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.RetryPolicy;
import dev.apikeys.sdk.errors.RateLimitException;
import dev.apikeys.testkit.MockApiKeysServer;
import dev.apikeys.testkit.MockApiKeysServerExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of {@code Retry-After} and {@code retry-after-ms} a server may send with a 429 that
 * never ends, blocking and async: the exact waits the SDK asks of its Sleeper, the requests,
 * and the wait {@link RateLimitException#retryAfter()} reports. A value that cannot be read is
 * ignored (the policy's backoff applies); a wait beyond the policy's 60 s cap is not waited for.
 */
class RetryAfterTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API =
      new MockApiKeysServerExtension(MockApiKeysServer.builder().seed(ApiOperation.SEEDED));

  /** The clients' clock, against which an HTTP-date is measured. */
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration CAP = RetryPolicy.defaults().maxRetryAfter();
  private static final List<Duration> BACKOFF = List.of(Duration.ofMillis(500),
      Duration.ofSeconds(1));

  private static final ReportTable TABLE = ReportTable.create("36-retry-after",
      "Retry-After: any value gives a documented outcome (default policy, no jitter)",
      "transport", "header", "value", "api", "requests", "waits asked for", "retryAfter()",
      "outcome")
      .note("Every request is answered 429 with the header. Clients' clock: " + NOW + ". The"
          + " policy allows " + RetryPolicy.defaults().maxRetries() + " retries, waits 500 ms"
          + " then 1 s by itself, and honours a server's wait up to " + CAP.toSeconds() + " s."
          + " Huge values (past a long, or Infinity) count as longer than the cap.");

  /** A header value and what it must lead to. */
  enum Value {
    SECONDS("Retry-After", "2", 3, List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)),
        Duration.ofSeconds(2), "honoured"),
    SECONDS_AT_THE_CAP("Retry-After", "60", 3, List.of(Duration.ofMinutes(1),
        Duration.ofMinutes(1)), Duration.ofMinutes(1), "honoured: the cap is inclusive"),
    SECONDS_PAST_THE_CAP("Retry-After", "61", 1, List.of(), Duration.ofSeconds(61),
        "past the cap: no retry"),
    A_DAY("Retry-After", "86400", 1, List.of(), Duration.ofDays(1), "past the cap: no retry"),
    NEGATIVE("Retry-After", "-1", 3, BACKOFF, null, "ignored: backoff"),
    FRACTION("Retry-After", "1.5", 3, BACKOFF, null,
        "ignored (RFC 9110 delay-seconds are digits): backoff"),
    GARBAGE("Retry-After", "soon", 3, BACKOFF, null, "ignored: backoff"),
    EMPTY("Retry-After", "", 3, BACKOFF, null, "ignored: backoff"),
    HTTP_DATE_SOON("Retry-After", "Thu, 01 Jan 2026 00:00:30 GMT", 3,
        List.of(Duration.ofSeconds(30), Duration.ofSeconds(30)), Duration.ofSeconds(30),
        "honoured, measured against the client's clock"),
    HTTP_DATE_FAR("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT", 1, List.of(),
        Duration.between(NOW, Instant.parse("9999-12-31T23:59:59Z")), "past the cap: no retry"),
    HTTP_DATE_PAST("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT", 3,
        List.of(Duration.ZERO, Duration.ZERO), Duration.ZERO, "now: retried at once"),
    MILLIS("retry-after-ms", "1500", 3, List.of(Duration.ofMillis(1500),
        Duration.ofMillis(1500)), Duration.ofMillis(1500), "honoured"),
    MILLIS_HUGE("retry-after-ms", "99999999999999999999", 1, List.of(),
        Duration.ofNanos(Long.MAX_VALUE), "saturates at 292 years: past the cap, no retry"),
    MILLIS_NEGATIVE("retry-after-ms", "-5", 3, BACKOFF, null, "ignored: backoff"),
    MILLIS_NAN("retry-after-ms", "NaN", 3, BACKOFF, null, "ignored: backoff");

    private final String header;
    private final String value;
    private final int requests;
    private final List<Duration> waits;
    private final Duration retryAfter;
    private final String meaning;

    Value(String header, String value, int requests, List<Duration> waits,
        Duration retryAfter, String meaning) {
      this.header = header;
      this.value = value;
      this.requests = requests;
      this.waits = waits;
      this.retryAfter = retryAfter;
      this.meaning = meaning;
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  @AfterAll
  static void writeRows() {
    TABLE.write();
  }

  static Stream<Arguments> values() {
    return Stream.of(TransportKind.values()).flatMap(transport -> Stream.of(Value.values())
        .flatMap(value -> Stream.of(ClientApi.values())
            .map(api -> Arguments.of(transport, value, api))));
  }

  @ParameterizedTest(name = "{0} {2}: {1}")
  @MethodSource("values")
  void retryAfterValueGivesItsDocumentedOutcome(TransportKind transport, Value value,
      ClientApi api) {
    Outcome outcome = call(transport, value.header, value.value, api);

    TABLE.check(List.of(transport, value.header, "\"" + value.value + "\"", api, outcome.requests(),
        Outcomes.waits(outcome.sleeper().waits()), outcome.retryAfterText(),
        Outcomes.describe(outcome.error(), "returned") + ": " + value.meaning), () -> {
          RateLimitException limited = assertInstanceOf(RateLimitException.class,
              outcome.error());
          assertEquals(value.requests, outcome.requests());
          assertEquals(value.waits, outcome.sleeper().waits());
          assertEquals(Optional.ofNullable(value.retryAfter), limited.retryAfter());
          assertMessage(limited);
        });
  }

  /** Past a long of milliseconds the message gives seconds; past a long of seconds, it stops. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "Retry-After, 99999999999999999, 99999999999999999 s",
      "Retry-After, 9223372036854775807, 9223372036854775807 s",
      "Retry-After, 99999999999999999999, 9223372036854775807 s",
      "retry-after-ms, 1e400, 9223372036854 ms"})
  void hugeWaitIsNotRetriedAndLeavesAReadableException(String header, String value,
      String asked) {
    Outcome outcome = call(TransportKind.JDK, header, value, ClientApi.BLOCKING);

    RateLimitException limited = assertInstanceOf(RateLimitException.class, outcome.error());
    assertEquals(1, outcome.requests(), "a wait past the cap is not waited for");
    assertTrue(limited.retryAfter().orElseThrow().compareTo(CAP) > 0);
    assertMessage(limited);
    assertTrue(limited.getMessage().endsWith("; the server asked to retry after " + asked),
        limited.getMessage());
    assertTrue(limited.toString().endsWith(asked), limited.toString());
  }

  private static Outcome call(TransportKind transport, String header, String value,
      ClientApi api) {
    MockApiKeysServer server = API.server();
    server.wireMock().stubFor(ApiOperation.RETRIEVE.stub().atPriority(1).willReturn(
        aResponse().withStatus(429).withHeader(header, value)
            .withHeader("Content-Type", "application/json").withBody("{\"error\": \"slow\"}")));
    RecordingSleeper sleeper = new RecordingSleeper();
    Throwable error;
    try (ApiKeysClient client = transport.on(server.clientBuilder()).sleeper(sleeper)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .retryPolicy(RetryPolicy.builder().jitter(0.0).build()).build()) {
      error = Outcomes.thrownBy(() -> ApiOperation.RETRIEVE.call(client, api));
    }
    int requests = server.wireMock()
        .countRequestsMatching(ApiOperation.RETRIEVE.requests().build()).getCount();
    return new Outcome(error, requests, sleeper);
  }

  /** The message: the server's words, the request id, and the wait it asked for, if any. */
  private static void assertMessage(RateLimitException limited) {
    String asked = limited.retryAfter().map(wait -> Pattern.quote(
        "; the server asked to retry after " + (wait.getSeconds() < Long.MAX_VALUE / 1000
            ? wait.toMillis() + " ms" : wait.getSeconds() + " s"))).orElse("");
    String message = limited.getMessage();
    assertTrue(Pattern.matches("HTTP 429: slow \\(request id req_\\d+\\)" + asked, message),
        message);
  }

  /** How a call ended, how many requests it made and what waits it asked for. */
  record Outcome(Throwable error, int requests, RecordingSleeper sleeper) {

    String retryAfterText() {
      return error instanceof RateLimitException limited
          ? limited.retryAfter().map(Duration::toString).orElse("empty") : "-";
    }
  }
}
