package dev.apikeys.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.Permission;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import dev.apikeys.sdk.transport.Transport;
import dev.apikeys.sdk.transport.TransportRequest;
import dev.apikeys.sdk.transport.TransportResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input fails before any request, with a message that names the field. */
class BadInputTest {

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  private ApiKeysClient client;

  @BeforeEach
  void setUp() {
    client = server.open(server.client());
  }

  @AfterEach
  void noRequestWasSent() {
    server.verify(exactly(0), anyRequestedFor(anyUrl()));
  }

  private static void assertMessage(Class<? extends Throwable> type, String message,
      Executable call) {
    Throwable e = assertThrows(type, call);
    assertEquals(message, e.getMessage());
  }

  @Test
  void nullIdIsRejectedByEveryOperation() {
    UpdateApiKeyParams update = UpdateApiKeyParams.builder().name("x").build();
    assertMessage(NullPointerException.class, "id must not be null",
        () -> client.apiKeys().retrieve(null));
    assertMessage(NullPointerException.class, "id must not be null",
        () -> client.apiKeys().update(null, update));
    assertMessage(NullPointerException.class, "id must not be null",
        () -> client.apiKeys().delete(null));
    assertMessage(NullPointerException.class, "id must not be null",
        () -> client.async().apiKeys().retrieve(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  void blankIdIsRejected(String id) {
    assertMessage(IllegalArgumentException.class, "id must not be blank",
        () -> client.apiKeys().retrieve(id));
    assertMessage(IllegalArgumentException.class, "id must not be blank",
        () -> client.apiKeys().delete(id));
  }

  @Test
  void nullParamsAndOptionsAreRejected() {
    assertMessage(NullPointerException.class, "params must not be null",
        () -> client.apiKeys().update("key_1", null));
    assertMessage(NullPointerException.class, "params must not be null",
        () -> client.apiKeys().create(null));
    assertMessage(NullPointerException.class, "params must not be null",
        () -> client.apiKeys().list(null));
    assertMessage(NullPointerException.class, "options must not be null",
        () -> client.apiKeys().retrieve("key_1", null));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE})
  void limitOutOfRangeIsRejected(int limit) {
    assertMessage(IllegalArgumentException.class,
        "limit must be between 1 and 1000, was " + limit,
        () -> ListApiKeysParams.builder().limit(limit));
  }

  @Test
  void limitBoundsAreAccepted() {
    assertEquals(1, ListApiKeysParams.builder().limit(1).build().limit().getAsInt());
    assertEquals(1000, ListApiKeysParams.builder().limit(1000).build().limit().getAsInt());
  }

  @Test
  void blankCursorIsRejected() {
    assertMessage(IllegalArgumentException.class, "after must not be blank",
        () -> ListApiKeysParams.builder().after(" "));
    assertMessage(IllegalArgumentException.class, "before must not be blank",
        () -> ListApiKeysParams.builder().before(""));
  }

  @Test
  void permissionsOnAnUnrestrictedKeyAreRejected() {
    assertMessage(IllegalArgumentException.class,
        "permissions can only be set on a restricted key, but restricted is false;"
            + " call restricted(true) or leave permissions out",
        () -> UpdateApiKeyParams.builder().restricted(false)
            .permissions(Permission.CALLS_VIEW).build());
    assertMessage(IllegalArgumentException.class,
        "permissions can only be set on a restricted key, but restricted is false (the"
            + " default); call restricted(true) or leave permissions out",
        () -> CreateApiKeyParams.builder().name("ci")
            .permissions(Permission.CALLS_VIEW).build());
  }

  @Test
  void permissionsWithoutRestrictedAreLeftToTheServerOnUpdate() {
    UpdateApiKeyParams params = UpdateApiKeyParams.builder()
        .permissions(Permission.CALLS_VIEW).build();
    assertEquals(List.of(Permission.CALLS_VIEW), params.permissions().orElseThrow());
  }

  @Test
  void nullElementsAreRejectedWithTheirIndex() {
    assertMessage(NullPointerException.class, "permissions[1] must not be null",
        () -> UpdateApiKeyParams.builder().permissions(Permission.CALLS_VIEW, null));
    assertMessage(NullPointerException.class, "permissionValues[0] must not be null",
        () -> UpdateApiKeyParams.builder().permissionValues(Arrays.asList((String) null)));
    assertMessage(NullPointerException.class, "permissions must not be null",
        () -> UpdateApiKeyParams.builder().permissions((Permission[]) null));
  }

  @Test
  void requiredAndEmptyNameAreRejected() {
    assertMessage(NullPointerException.class, "name is required but was not set",
        () -> CreateApiKeyParams.builder().build());
    assertMessage(NullPointerException.class, "name must not be null",
        () -> CreateApiKeyParams.builder().name(null));
    assertMessage(IllegalArgumentException.class,
        "name must have at least 1 character(s); was: ''",
        () -> UpdateApiKeyParams.builder().name(""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"acct\r\nX-Evil: 1", "acct\n", "acct\r"})
  void headerValuesWithCrOrLfAreRejected(String value) {
    assertMessage(IllegalArgumentException.class,
        "accountId must not contain CR, LF or NUL characters",
        () -> ApiKeysClient.builder().accountId(value));
    assertMessage(IllegalArgumentException.class,
        "accountId must not contain CR, LF or NUL characters",
        () -> RequestOptions.builder().accountId(value));
    assertMessage(IllegalArgumentException.class,
        "idempotencyKey must not contain CR, LF or NUL characters",
        () -> RequestOptions.builder().idempotencyKey(value));
    assertMessage(IllegalArgumentException.class,
        "header X-Trace must not contain CR, LF or NUL characters",
        () -> RequestOptions.builder().header("X-Trace", value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sk-\u0001abc", "sk-\u007fabc", "sk-\u20acabc"})
  void tokenWithCharactersTheJdkRefusesIsRejectedWithoutShowingIt(String token) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ApiKeysClient.builder().token(token));
    assertEquals("token must not contain control characters or characters above U+00FF",
        e.getMessage());
  }

  @Test
  void idempotencyKeyLongerThan255IsRejected() {
    assertMessage(IllegalArgumentException.class,
        "idempotencyKey must have at most 255 characters, had 256",
        () -> RequestOptions.builder().idempotencyKey("k".repeat(256)));
    assertEquals(255, RequestOptions.builder().idempotencyKey("k".repeat(255)).build()
        .idempotencyKey().orElseThrow().length());
  }

  @Test
  void connectTimeoutIsRefusedWithAGivenHttpClientInEitherOrder() {
    ApiKeysClient.Builder builder = ApiKeysClient.builder()
        .httpClient(java.net.http.HttpClient.newHttpClient());
    assertMessage(IllegalStateException.class, "connectTimeout has no effect on the HttpClient"
            + " given to httpClient(...); set the connect timeout on that HttpClient instead",
        () -> builder.connectTimeout(Duration.ofSeconds(1)));

    ApiKeysClient.Builder timed = ApiKeysClient.builder().connectTimeout(Duration.ofSeconds(1));
    assertMessage(IllegalStateException.class, "connectTimeout(...) was set, which has no effect"
            + " on an HttpClient given to httpClient(...); set the connect timeout on that"
            + " HttpClient instead",
        () -> timed.httpClient(java.net.http.HttpClient.newHttpClient()));
  }

  @Test
  void connectTimeoutIsRefusedWithAGivenTransportInEitherOrder() {
    ApiKeysClient.Builder builder = ApiKeysClient.builder().transport(new NoTransport());
    assertMessage(IllegalStateException.class, "connectTimeout has no effect on the Transport"
            + " given to transport(...); set the connect timeout on that transport instead",
        () -> builder.connectTimeout(Duration.ofSeconds(1)));

    ApiKeysClient.Builder timed = ApiKeysClient.builder().connectTimeout(Duration.ofSeconds(1));
    assertMessage(IllegalStateException.class, "connectTimeout(...) was set, which has no effect"
            + " on a Transport given to transport(...); set the connect timeout on that transport"
            + " instead, such as ApacheTransport.builder().connectTimeout(...)",
        () -> timed.transport(new NoTransport()));
  }

  /** A transport that is never called: these builders are refused before any request. */
  private static final class NoTransport implements Transport {
    @Override
    public TransportResponse execute(TransportRequest request) {
      throw new AssertionError("no request was expected: " + request);
    }

    @Override
    public CompletableFuture<TransportResponse> executeAsync(TransportRequest request) {
      throw new AssertionError("no request was expected: " + request);
    }
  }

  @Test
  void backoffNeverOverflowsToZero() {
    RetryPolicy policy = RetryPolicy.builder().jitter(0).build();
    for (int retry = 1; retry <= 100; retry++) {
      assertEquals(Duration.ofMillis(Math.min(8000, 500L << Math.min(retry - 1, 10))),
          policy.backoff(retry), "retry " + retry);
    }
  }

  @Test
  void tokenWithCrOrLfIsRejectedWithoutShowingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ApiKeysClient.builder().token("sk-secret\r\nX-Evil: 1"));
    assertEquals("token must not contain CR, LF or NUL characters", e.getMessage());
    assertFalse(e.getMessage().contains("sk-secret"));
  }

  @Test
  void headersTheSdkSetsCannotBeAddedAsExtras() {
    assertMessage(IllegalArgumentException.class, "header Authorization is set by the SDK;"
            + " use token(), accountId() or idempotencyKey() instead of an extra header",
        () -> RequestOptions.builder().header("Authorization", "Bearer other"));
    assertMessage(IllegalArgumentException.class, "header name must be an HTTP token,"
            + " was 'Bad Name'",
        () -> ApiKeysClient.builder().header("Bad Name", "v"));
  }

  @Test
  void clientSettingsAreChecked() {
    assertMessage(NullPointerException.class,
        "token must be set: call token(...) or set APIKEYS_TOKEN",
        () -> ApiKeysClient.builder().build());
    assertMessage(IllegalArgumentException.class, "token must not be blank",
        () -> ApiKeysClient.builder().token(" "));
    assertMessage(IllegalArgumentException.class, "maxRetries must be between 0 and 100, was -1",
        () -> ApiKeysClient.builder().maxRetries(-1));
    assertMessage(IllegalArgumentException.class, "timeout must be positive, was PT0S",
        () -> ApiKeysClient.builder().timeout(Duration.ZERO));
    assertMessage(IllegalArgumentException.class, "baseUrl must be an absolute http or https"
            + " URL with a host and no query, fragment or user info, such as"
            + " http://localhost:3000; was: ftp://example.com",
        () -> ApiKeysClient.builder().baseUrl("ftp://example.com"));
  }
}
