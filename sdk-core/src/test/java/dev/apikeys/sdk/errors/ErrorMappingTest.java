package dev.apikeys.sdk.errors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.SdkServer;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented status becomes its own exception, carrying what the server sent. */
class ErrorMappingTest {

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  private ApiKeysClient client;

  @BeforeEach
  void setUp() {
    client = server.open(server.client());
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, BadRequestException.class),
        Arguments.of(401, AuthenticationException.class),
        Arguments.of(403, PermissionDeniedException.class),
        Arguments.of(404, NotFoundException.class),
        Arguments.of(409, ConflictException.class),
        Arguments.of(422, UnprocessableEntityException.class),
        Arguments.of(429, RateLimitException.class),
        Arguments.of(500, InternalServerException.class),
        Arguments.of(502, InternalServerException.class),
        Arguments.of(503, InternalServerException.class),
        Arguments.of(504, InternalServerException.class),
        Arguments.of(501, InternalServerException.class),
        Arguments.of(418, UnexpectedStatusException.class),
        Arguments.of(302, UnexpectedStatusException.class));
  }

  static Stream<Consumer<ApiKeysClient>> operations() {
    return Stream.of(
        c -> c.apiKeys().list(ListApiKeysParams.builder().limit(5).build()),
        c -> c.apiKeys().retrieve("key_1"),
        c -> c.apiKeys().create(CreateApiKeyParams.builder().name("ci").build()),
        c -> c.apiKeys().update("key_1", UpdateApiKeyParams.builder().name("x").build()),
        c -> c.apiKeys().delete("key_1"));
  }

  static Stream<Arguments> statusesForEveryOperation() {
    return statuses().flatMap(status -> operations()
        .map(operation -> Arguments.of(status.get()[0], status.get()[1], operation)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("statusesForEveryOperation")
  void statusMapsToItsException(int status, Class<? extends ApiKeysServiceException> type,
      Consumer<ApiKeysClient> operation) {
    String body = "{\"error\": \"message for " + status + "\"}";
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("x-request-id", "req_" + status)
        .withBody(body)));

    ApiKeysServiceException e = assertThrows(ApiKeysServiceException.class,
        () -> operation.accept(client));

    assertSame(type, e.getClass());
    assertEquals(status, e.statusCode());
    assertEquals("message for " + status, e.error());
    assertEquals(body, e.body());
    assertEquals(Optional.of("req_" + status), e.requestId());
    assertEquals(List.of("application/json"), e.headers().get("content-type"));
    assertEquals("HTTP " + status + ": message for " + status + " (request id req_" + status
        + ")", e.getMessage());
    server.verify(exactly(1), anyRequestedFor(anyUrl()));
  }

  @Test
  void notFoundCarriesTheServersMessage() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
        .withBody("{\"error\": \"API key not found\"}")));

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.apiKeys().retrieve("missing"));

    assertEquals("API key not found", e.error());
    assertEquals("HTTP 404: API key not found", e.getMessage());
    assertEquals(Optional.empty(), e.requestId());
  }

  @Test
  void htmlErrorBodyGivesAShortExcerptAndKeepsTheRawBody() {
    String html = "<html><body>Bad gateway</body></html>";
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(502).withBody(html)));

    InternalServerException e = assertThrows(InternalServerException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals("Bad gateway", e.error());
    assertEquals(html, e.body());
    assertEquals("HTTP 502: Bad gateway", e.getMessage());
  }

  @Test
  void rateLimitCarriesRetryAfter() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "7").withBody("{\"error\": \"slow down\"}")));

    RateLimitException e = assertThrows(RateLimitException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
    assertEquals("HTTP 429: slow down; the server asked to retry after 7000 ms", e.getMessage());
  }

  @Test
  void unreadableSuccessBodyIsInvalidResponse() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withBody("{\"id\": \"key_1\", \"name\": ")));

    InvalidResponseException e = assertThrows(InvalidResponseException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals(200, e.statusCode());
    assertEquals("{\"id\":\"key_1\" ...(cut: not valid JSON after this point)", e.body());
    assertEquals("the 200 response of GET /v1/api_key/key_1 is not a valid ApiKey:"
        + " JsonEOFException at line 1, column 25; what could be read is in partial()",
        e.getMessage());
    assertEquals("key_1", e.partial(ApiKey.class).orElseThrow().id());
  }

  @Test
  void missingRequiredFieldFailsOnlyWhenReadNamingTheModelAndTheField() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withBody("{\"id\": \"key_1\"}")));

    ApiKey key = client.apiKeys().retrieve("key_1");

    assertEquals("key_1", key.id());
    InvalidDataException e = assertThrows(InvalidDataException.class, key::name);
    assertEquals("ApiKey is not as the API documents it: name is missing or null",
        e.getMessage());
  }

  @Test
  void emptySuccessBodyIsInvalidResponse() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

    InvalidResponseException e = assertThrows(InvalidResponseException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals("the 200 response of GET /v1/api_key/key_1 is not a valid ApiKey"
        + " (empty body)", e.getMessage());
  }

  @Test
  void cutOffCreateResponseMasksTheSecretButStillGivesTheKeyAndItsSecret() {
    String body = "{\"id\": \"k\", \"key\": \"sk-live-very-secret\", \"restricted\": tr";
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody(body)));

    InvalidResponseException e = assertThrows(InvalidResponseException.class,
        () -> client.apiKeys().create(CreateApiKeyParams.builder().name("ci").build()));

    assertFalse(e.getMessage().contains("sk-live-very-secret"), e.getMessage());
    assertEquals(null, e.getCause());
    assertEquals("{\"id\":\"k\",\"key\":\"****\" ...(cut: not valid JSON after this point)",
        e.body());
    ApiKeyWithSecret partial = e.partial(ApiKeyWithSecret.class).orElseThrow();
    assertEquals("k", partial.id());
    assertEquals("sk-live-very-secret", partial.key());
    assertFalse(partial.toString().contains("sk-live-very-secret"), partial.toString());
  }

  @Test
  void asyncFailsWithTheSameException() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
        .withBody("{\"error\": \"API key not found\"}")));

    ExecutionException e = assertThrows(ExecutionException.class,
        () -> client.async().apiKeys().retrieve("missing").get());

    NotFoundException cause = (NotFoundException) e.getCause();
    assertEquals("API key not found", cause.error());
  }

  @Test
  void asyncStagesSeeTheExceptionItselfNotACompletionException() throws Exception {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
        .withBody("{\"error\": \"API key not found\"}")));

    Throwable seen = client.async().apiKeys().retrieve("missing")
        .handle((key, error) -> error).get();

    assertSame(NotFoundException.class, seen.getClass());
  }
}
