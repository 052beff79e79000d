package dev.apikeys.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.apikeys.sdk.RuntimeFixtures.jitteredBackoff;
import static dev.apikeys.sdk.RuntimeFixtures.key;
import static dev.apikeys.sdk.RuntimeFixtures.page;
import static dev.apikeys.sdk.RuntimeFixtures.stubInOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.apikeys.sdk.RuntimeFixtures.RecordingSleeper;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.errors.ApiKeysServiceException;
import dev.apikeys.sdk.errors.AuthenticationException;
import dev.apikeys.sdk.errors.BadRequestException;
import dev.apikeys.sdk.errors.InternalServerException;
import dev.apikeys.sdk.errors.InvalidResponseException;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.errors.PermissionDeniedException;
import dev.apikeys.sdk.errors.UnexpectedStatusException;
import dev.apikeys.sdk.errors.UnprocessableEntityException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failures are retried, how long the waits between attempts are, and how retries end. */
class RetryTest {

  private static final String KEY_PATH = "/v1/api_key/key_1";
  private static final String ERROR = "{\"error\": \"try again\"}";

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  private static final UpdateApiKeyParams RENAME =
      UpdateApiKeyParams.builder().name("renamed").build();

  private final RecordingSleeper sleeper = RecordingSleeper.immediate();
  private ApiKeysClient client;

  @BeforeEach
  void setUp() {
    client = server.client(sleeper).build();
  }

  @Test
  void twoServiceUnavailableThenOkSucceedsWithThreeRequestsAndJitteredBackoff() {
    stubInOrder(server, () -> get(urlEqualTo(KEY_PATH)),
        serviceUnavailable(), serviceUnavailable(), okJson(key("key_1")));

    ApiKey key = client.apiKeys().retrieve("key_1");

    assertEquals("key_1", key.id());
    server.verify(exactly(3), getRequestedFor(urlEqualTo(KEY_PATH)));
    assertEquals(List.of(Duration.ofNanos(437_500_000), Duration.ofNanos(875_000_000)),
        sleeper.durations());
  }

  @Test
  void backoffDoublesFromHalfASecondToTheEightSecondCap() {
    ApiKeysClient patient = server.client(sleeper).maxRetries(6).build();
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(serviceUnavailable()));

    assertThrows(InternalServerException.class, () -> patient.apiKeys().retrieve("key_1"));

    assertEquals(List.of(Duration.ofMillis(437).plusNanos(500_000), Duration.ofMillis(875),
        Duration.ofMillis(1750), Duration.ofMillis(3500), Duration.ofMillis(7000),
        Duration.ofMillis(7000)), sleeper.durations());
    server.verify(exactly(7), getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void jitterIsTakenOffTheBackoffNeverAdded() {
    RecordingSleeper noJitterSleeper = RecordingSleeper.immediate();
    RecordingSleeper fullJitterSleeper = RecordingSleeper.immediate();
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(serviceUnavailable()));

    assertThrows(InternalServerException.class, () -> withRandom(0.0, noJitterSleeper)
        .apiKeys().retrieve("key_1"));
    assertThrows(InternalServerException.class, () -> withRandom(0.96875, fullJitterSleeper)
        .apiKeys().retrieve("key_1"));

    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)),
        noJitterSleeper.durations());
    assertEquals(List.of(Duration.ofNanos(378_906_250), Duration.ofNanos(757_812_500)),
        fullJitterSleeper.durations());
  }

  @ParameterizedTest(name = "status {0}")
  @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504})
  void retryableStatusIsRetriedOnce(int retryable) {
    stubInOrder(server, () -> get(urlEqualTo(KEY_PATH)),
        status(retryable).withBody(ERROR), okJson(key("key_1")));

    ApiKey key = client.apiKeys().retrieve("key_1");

    assertEquals("key_1", key.id());
    server.verify(exactly(2), getRequestedFor(urlEqualTo(KEY_PATH)));
    assertEquals(List.of(jitteredBackoff(1)), sleeper.durations());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
  void connectionFaultIsRetried(Fault fault) {
    stubInOrder(server, () -> patch(urlEqualTo(KEY_PATH)),
        aResponse().withFault(fault), okJson(key("key_1")));

    ApiKey key = client.apiKeys().update("key_1", RENAME);

    assertEquals("key_1", key.id());
    server.verify(exactly(2), patchRequestedFor(urlEqualTo(KEY_PATH)));
    assertEquals(List.of(jitteredBackoff(1)), sleeper.durations());
  }

  /**
   * The JDK's HTTP/1.1 client resends a GET once, by itself, when the connection closes before
   * any answer (its stale-connection retry); such a resend is not one of the SDK's retries.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
  void connectionFaultOnAGetIsFirstResentByTheJdkItself(Fault fault) {
    stubInOrder(server, () -> get(urlEqualTo(KEY_PATH)),
        aResponse().withFault(fault), okJson(key("key_1")));

    ApiKey key = client.apiKeys().retrieve("key_1");

    assertEquals("key_1", key.id());
    server.verify(exactly(2), getRequestedFor(urlEqualTo(KEY_PATH)));
    assertEquals(List.of(), sleeper.durations());
  }

  @Test
  void attemptThatTimesOutIsRetried() {
    ApiKeysClient impatient = server.client(sleeper).timeout(Duration.ofMillis(250)).build();
    stubInOrder(server, () -> get(urlEqualTo(KEY_PATH)),
        okJson(key("key_1")).withFixedDelay(1500), okJson(key("key_1")));

    ApiKey key = impatient.apiKeys().retrieve("key_1");

    assertEquals("key_1", key.id());
    server.verify(exactly(2), getRequestedFor(urlEqualTo(KEY_PATH)));
    assertEquals(List.of(jitteredBackoff(1)), sleeper.durations());
  }

  static Stream<Arguments> statusesNeverRetried() {
    return Stream.of(
        Arguments.of(400, BadRequestException.class),
        Arguments.of(401, AuthenticationException.class),
        Arguments.of(403, PermissionDeniedException.class),
        Arguments.of(404, NotFoundException.class),
        Arguments.of(422, UnprocessableEntityException.class),
        Arguments.of(501, InternalServerException.class),
        Arguments.of(505, InternalServerException.class));
  }

  @ParameterizedTest(name = "status {0}")
  @MethodSource("statusesNeverRetried")
  void statusThatIsNeverRetriedFailsAfterOneRequest(int statusCode,
      Class<? extends ApiKeysServiceException> expected) {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(status(statusCode)
        .withHeader("Content-Type", "application/json").withBody("{\"error\": \"no\"}")));

    ApiKeysServiceException error = assertThrows(expected,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals(statusCode, error.statusCode());
    assertEquals("no", error.error());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
    assertEquals(List.of(), sleeper.durations());
  }

  @Test
  void unexpectedStatusOutsideTheRetriedSetIsNotRetried() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(status(418)));

    UnexpectedStatusException error = assertThrows(UnexpectedStatusException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals(418, error.statusCode());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void successWhoseBodyCannotBeReadIsNotRetried() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(okJson("{\"id\": \"key_1\", trunc")));

    InvalidResponseException error = assertThrows(InvalidResponseException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals(200, error.statusCode());
    assertEquals("{\"id\":\"key_1\" ...(cut: not valid JSON after this point)", error.body());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
    assertEquals(List.of(), sleeper.durations());
  }

  @Test
  void maxRetriesZeroOnTheClientSendsOneRequest() {
    ApiKeysClient once = server.client(sleeper).maxRetries(0).build();
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(serviceUnavailable()));

    InternalServerException error = assertThrows(InternalServerException.class,
        () -> once.apiKeys().retrieve("key_1"));

    assertEquals(503, error.statusCode());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
    assertEquals(List.of(), sleeper.durations());
  }

  @Test
  void maxRetriesZeroInRequestOptionsSendsOneRequest() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(serviceUnavailable()));

    assertThrows(InternalServerException.class, () -> client.apiKeys()
        .retrieve("key_1", RequestOptions.builder().maxRetries(0).build()));

    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
    assertEquals(List.of(), sleeper.durations());
  }

  @Test
  void maxRetriesInRequestOptionsRaisesTheClientsLimit() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(serviceUnavailable()));

    assertThrows(InternalServerException.class, () -> client.apiKeys()
        .retrieve("key_1", RequestOptions.builder().maxRetries(4).build()));

    server.verify(exactly(5), getRequestedFor(urlEqualTo(KEY_PATH)));
    assertEquals(4, sleeper.durations().size());
  }

  @Test
  void exhaustedRetriesOnServerErrorThrowTheLastStatus() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(status(500)
        .withHeader("x-request-id", "req_9").withBody("{\"error\": \"database down\"}")));

    InternalServerException error = assertThrows(InternalServerException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals(500, error.statusCode());
    assertEquals("database down", error.error());
    assertEquals("HTTP 500: database down (request id req_9)", error.getMessage());
    server.verify(exactly(3), getRequestedFor(urlEqualTo(KEY_PATH)));
    assertEquals(List.of(jitteredBackoff(1), jitteredBackoff(2)), sleeper.durations());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
  void exhaustedRetriesOnConnectionFaultsThrowApiKeysIoException(Fault fault) {
    server.stubFor(patch(urlEqualTo(KEY_PATH)).willReturn(aResponse().withFault(fault)));

    ApiKeysIoException error = assertThrows(ApiKeysIoException.class,
        () -> client.apiKeys().update("key_1", RENAME));

    assertInstanceOf(IOException.class, error.getCause());
    server.verify(exactly(3), patchRequestedFor(urlEqualTo(KEY_PATH)));
    assertEquals(List.of(jitteredBackoff(1), jitteredBackoff(2)), sleeper.durations());
  }

  @Test
  void updateIsRetried() {
    stubInOrder(server, () -> patch(urlEqualTo(KEY_PATH)),
        serviceUnavailable(), okJson(key("key_1")));

    ApiKey key = client.apiKeys().update("key_1", UpdateApiKeyParams.builder().name("x").build());

    assertEquals("key_1", key.id());
    server.verify(exactly(2), patchRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void deleteIsRetried() {
    stubInOrder(server, () -> delete(urlEqualTo(KEY_PATH)),
        serviceUnavailable(), status(204));

    client.apiKeys().delete("key_1");

    server.verify(exactly(2), deleteRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void listIsRetriedWithTheSameQuery() {
    String url = "/v1/api_key/?limit=2&after=key_0";
    stubInOrder(server, () -> get(urlEqualTo(url)),
        status(502), okJson(page(false, "key_1", "key_2")));

    ApiKeyPage page = client.apiKeys().list(ListApiKeysParams.builder()
        .limit(2).after("key_0").build());

    assertEquals(List.of("key_1", "key_2"), page.data().stream().map(ApiKey::id).toList());
    server.verify(exactly(2), getRequestedFor(urlEqualTo(url)));
    server.verify(exactly(2), anyRequestedFor(anyUrl()));
  }

  private ApiKeysClient withRandom(double draw, Sleeper recording) {
    return server.client(recording).retryPolicy(RetryPolicy.builder()
        .random(RuntimeFixtures.fixedRandom(draw)).build()).build();
  }
}
