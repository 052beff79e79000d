package dev.apikeys.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.apikeys.sdk.RuntimeFixtures.RecordingSleeper;
import dev.apikeys.sdk.errors.InternalServerException;
import dev.apikeys.sdk.models.ApiKeyInput;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the builders refuse or normalise before any request: base URLs, durations, extra headers,
 * redirecting HTTP clients, malformed UTF-16 and date-times RFC 3339 cannot carry.
 */
class ClientBuilderChecksTest {

  private static final String LONE = "key_\uD800";
  private static final String SURROGATE = "must be well-formed Unicode text, but has a lone"
      + " surrogate (U+D800) at index 4; it cannot be sent as it is";

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  private ApiKeysClient client;

  @BeforeEach
  void setUp() {
    server.stubFor(any(anyUrl()).willReturn(okJson(RuntimeFixtures.key("key_1")
        .replace("}", ", \"success\": true, \"key\": \"sk\"}"))));
    client = builder(server.baseUrl()).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static ApiKeysClient.Builder builder(String baseUrl) {
    return ApiKeysClient.builder().baseUrl(baseUrl).token("sk-test-token").maxRetries(0);
  }

  private static void assertMessage(Class<? extends Throwable> type, String message,
      Executable call) {
    Throwable e = assertThrows(type, call);
    assertEquals(message, e.getMessage());
  }

  private static List<String> requestedUrls() {
    return server.findAll(anyRequestedFor(anyUrl())).stream().map(LoggedRequest::getUrl)
        .toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "///", "/gateway", "/gateway/", "/gateway//",
      "/api%20gw/v2"})
  void baseUrlKeepsItsPathPrefixAndDropsTrailingSlashes(String path) {
    String prefix = path.replaceAll("/+$", "");
    try (ApiKeysClient prefixed = builder(" " + server.baseUrl() + path + " ").build()) {
      prefixed.apiKeys().retrieve("key_1");
      prefixed.apiKeys().list(ListApiKeysParams.builder().limit(1).build());
      prefixed.accountApiKeys().update("key_1", ApiKeyInput.builder().description("d")
          .flatPermissionsList(List.of()).build());
      assertEquals("ApiKeysClient{baseUrl=" + server.baseUrl() + prefix
          + ", accountId=null, closed=false}", prefixed.toString());
    }

    assertEquals(List.of(prefix + "/v1/api_key/key_1", prefix + "/v1/api_key/?limit=1",
        prefix + "/apikeys/key_1"), requestedUrls());
  }

  @Test
  void baseUrlSchemeIsLowerCased() {
    String upper = server.baseUrl().replace("http://", "HTTP://") + "/Gateway";

    try (ApiKeysClient shouting = builder(upper).build()) {
      shouting.apiKeys().retrieve("key_1");
      assertEquals("ApiKeysClient{baseUrl=" + server.baseUrl() + "/Gateway, accountId=null,"
          + " closed=false}", shouting.toString());
    }

    assertEquals(List.of("/Gateway/v1/api_key/key_1"), requestedUrls());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.com", "http://example.com/x?y=1",
      "http://example.com/#top", "http:///nohost", "localhost:3000"})
  void baseUrlThatIsNotAPlainHttpUrlIsRefused(String baseUrl) {
    assertMessage(IllegalArgumentException.class, "baseUrl must be an absolute http or https"
        + " URL with a host and no query, fragment or user info, such as"
        + " http://localhost:3000; was: " + baseUrl,
        () -> ApiKeysClient.builder().baseUrl(baseUrl));
  }

  static Stream<Arguments> durationSettings() {
    return Stream.of(
        Arguments.of("timeout", (Consumer<Duration>) d -> ApiKeysClient.builder().timeout(d)),
        Arguments.of("connectTimeout",
            (Consumer<Duration>) d -> ApiKeysClient.builder().connectTimeout(d)),
        Arguments.of("callTimeout",
            (Consumer<Duration>) d -> ApiKeysClient.builder().callTimeout(d)),
        Arguments.of("timeout", (Consumer<Duration>) d -> RequestOptions.builder().timeout(d)),
        Arguments.of("callTimeout",
            (Consumer<Duration>) d -> RequestOptions.builder().callTimeout(d)),
        Arguments.of("initialBackoff",
            (Consumer<Duration>) d -> RetryPolicy.builder().initialBackoff(d)),
        Arguments.of("maxBackoff",
            (Consumer<Duration>) d -> RetryPolicy.builder().maxBackoff(d)),
        Arguments.of("maxRetryAfter",
            (Consumer<Duration>) d -> RetryPolicy.builder().maxRetryAfter(d)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("durationSettings")
  void durationsOverADayAreRefused(String field, Consumer<Duration> setting) {
    for (Duration tooLong : List.of(Duration.ofDays(1).plusNanos(1),
        Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999))) {
      assertMessage(IllegalArgumentException.class,
          field + " must be at most PT24H, was " + tooLong, () -> setting.accept(tooLong));
    }
    setting.accept(Duration.ofDays(1));
    setting.accept(Duration.ofNanos(1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("durationSettings")
  void zeroAndNegativeDurationsAreRefused(String field, Consumer<Duration> setting) {
    Duration negative = Duration.ofSeconds(Long.MIN_VALUE);
    if (field.equals("maxRetryAfter")) {
      assertMessage(IllegalArgumentException.class, field + " must not be negative, was "
          + negative, () -> setting.accept(negative));
      setting.accept(Duration.ZERO);
    } else {
      assertMessage(IllegalArgumentException.class, field + " must be positive, was "
          + negative, () -> setting.accept(negative));
      assertMessage(IllegalArgumentException.class, field + " must be positive, was PT0S",
          () -> setting.accept(Duration.ZERO));
    }
  }

  @Test
  void nullDurationsAreRefusedExceptForNoCallTimeout() {
    assertMessage(NullPointerException.class, "timeout must not be null",
        () -> ApiKeysClient.builder().timeout(null));
    assertMessage(NullPointerException.class, "connectTimeout must not be null",
        () -> ApiKeysClient.builder().connectTimeout(null));
    assertMessage(NullPointerException.class, "callTimeout must not be null",
        () -> RequestOptions.builder().callTimeout(null));
    assertMessage(NullPointerException.class, "maxRetryAfter must not be null",
        () -> RetryPolicy.builder().maxRetryAfter(null));
    ApiKeysClient.builder().callTimeout(Duration.ofSeconds(1)).callTimeout(null);
  }

  @Test
  void aDayInEverySettingWorksAtCallTime() {
    RecordingSleeper sleeper = RecordingSleeper.immediate();
    RuntimeFixtures.stubInOrder(server, () -> any(urlEqualTo("/v1/api_key/key_1")),
        aResponse().withStatus(503).withHeader("Retry-After", "86400"),
        aResponse().withStatus(503),
        okJson(RuntimeFixtures.key("key_1")));
    Duration day = Duration.ofDays(1);
    RetryPolicy policy = RetryPolicy.builder().maxRetries(2).initialBackoff(day).maxBackoff(day)
        .maxRetryAfter(day).jitter(0).build();

    try (ApiKeysClient patient = builder(server.baseUrl()).timeout(day).connectTimeout(day)
        .retryPolicy(policy).sleeper(sleeper).build();
        ApiKeysClient bounded = patient.withOptions(b -> b.callTimeout(day))) {
      assertEquals("key_1", patient.apiKeys().retrieve("key_1").id());
      assertEquals("key_1", patient.apiKeys().retrieve("key_1", RequestOptions.builder()
          .timeout(day).callTimeout(day).build()).id());
      server.stubFor(any(urlEqualTo("/v1/api_key/key_2")).willReturn(aResponse()
          .withStatus(503).withHeader("Retry-After", "86400")));
      assertThrows(InternalServerException.class, () -> bounded.apiKeys().retrieve("key_2"));
    }

    assertEquals(List.of(day, day), sleeper.durations());
    server.verify(exactly(5), anyRequestedFor(anyUrl()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer",
      "Upgrade", "Host", "Content-Length", "Expect", "Proxy-Connection",
      "HTTP2-Settings", "Content-Encoding", "transfer-encoding", "UPGRADE"})
  void connectionLevelHeadersAreRefused(String name) {
    String message = "header " + name + " belongs to the connection or the message framing,"
        + " which the HTTP client manages; it cannot be an extra header";
    assertMessage(IllegalArgumentException.class, message,
        () -> ApiKeysClient.builder().header(name, "x"));
    assertMessage(IllegalArgumentException.class, message,
        () -> RequestOptions.builder().header(name, "x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Authorization", "x-account-id", "Idempotency-Key", "Content-Type",
      "Accept", "Accept-Encoding", "User-Agent", "AUTHORIZATION", "X-Account-Id"})
  void headersTheSdkManagesAreRefused(String name) {
    String message = "header " + name + " is set by the SDK; use token(), accountId() or"
        + " idempotencyKey() instead of an extra header";
    assertMessage(IllegalArgumentException.class, message,
        () -> ApiKeysClient.builder().header(name, "x"));
    assertMessage(IllegalArgumentException.class, message,
        () -> RequestOptions.builder().header(name, "x"));
  }

  @Test
  void extraHeadersAreSentAndAPerCallOneOverridesTheClientsOne() {
    try (ApiKeysClient traced = builder(server.baseUrl()).header("X-Trace", "client")
        .header("X-Team", "infra").build()) {
      traced.apiKeys().retrieve("key_1", RequestOptions.builder().header("X-Trace", "call")
          .build());
    }

    server.verify(exactly(1), getRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withHeader("X-Trace", equalTo("call")).withHeader("X-Team", equalTo("infra")));
  }

  @Test
  void aPerCallHeaderOverridesTheClientsOneWhateverItsCase() {
    try (ApiKeysClient traced = builder(server.baseUrl()).header("X-Trace", "client").build()) {
      traced.apiKeys().retrieve("key_1", RequestOptions.builder().header("x-trace", "call")
          .build());
    }

    LoggedRequest request = server.findAll(anyRequestedFor(anyUrl())).get(0);
    assertEquals(List.of("call"), request.header("X-Trace").values());
  }

  @ParameterizedTest
  @ValueSource(strings = {"NORMAL", "ALWAYS"})
  void httpClientThatFollowsRedirectsIsRefusedAtBuild(HttpClient.Redirect redirect) {
    HttpClient following = HttpClient.newBuilder().followRedirects(redirect).build();
    ApiKeysClient.Builder builder = builder(server.baseUrl()).httpClient(following);

    assertMessage(IllegalArgumentException.class, "the HttpClient given to httpClient(...)"
        + " follows redirects (" + redirect + "): the JDK would send the Authorization header"
        + " to wherever a redirect leads, another host included. Build it with"
        + " followRedirects(HttpClient.Redirect.NEVER); the SDK follows redirects within the"
        + " base URL's origin itself", builder::build);
  }

  @Test
  void httpClientThatNeverFollowsRedirectsIsTaken() {
    HttpClient never = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .build();

    try (ApiKeysClient given = builder(server.baseUrl()).httpClient(never).build()) {
      assertEquals("key_1", given.apiKeys().retrieve("key_1").id());
    }
  }

  @Test
  void loneSurrogatesAreRefusedBeforeAnyRequest() {
    UpdateApiKeyParams update = UpdateApiKeyParams.builder().name("n").build();
    ApiKeyInput input = ApiKeyInput.builder().description("d").flatPermissionsList(List.of())
        .build();
    List<Executable> calls = List.of(
        () -> client.apiKeys().retrieve(LONE),
        () -> client.apiKeys().update(LONE, update),
        () -> client.apiKeys().delete(LONE),
        () -> client.apiKeys().withRawResponse().retrieve(LONE),
        () -> client.async().apiKeys().retrieve(LONE),
        () -> client.async().apiKeys().withRawResponse().delete(LONE),
        () -> client.accountApiKeys().update(LONE, input),
        () -> client.async().accountApiKeys().update(LONE, input));
    for (Executable call : calls) {
      assertMessage(IllegalArgumentException.class, "id " + SURROGATE, call);
    }
    assertMessage(IllegalArgumentException.class, "after " + SURROGATE,
        () -> ListApiKeysParams.builder().after(LONE));
    assertMessage(IllegalArgumentException.class, "before " + SURROGATE,
        () -> ListApiKeysParams.builder().before(LONE));
    assertMessage(IllegalArgumentException.class, "name " + SURROGATE,
        () -> CreateApiKeyParams.builder().name(LONE));
    assertMessage(IllegalArgumentException.class, "name " + SURROGATE,
        () -> UpdateApiKeyParams.builder().name(LONE));
    assertMessage(IllegalArgumentException.class, "description " + SURROGATE,
        () -> UpdateApiKeyParams.builder().description(LONE));
    assertMessage(IllegalArgumentException.class, "description " + SURROGATE,
        () -> ApiKeyInput.builder().description(LONE));
    assertMessage(IllegalArgumentException.class, "flatPermissionsList[1] " + SURROGATE,
        () -> ApiKeyInput.builder().flatPermissionsList(List.of("calls.view", LONE)));
    assertMessage(IllegalArgumentException.class, "permissionValues[0] " + SURROGATE,
        () -> CreateApiKeyParams.builder().permissionValues(List.of(LONE)));
    assertMessage(IllegalArgumentException.class, "baseUrl must be well-formed Unicode text,"
        + " but has a lone surrogate (U+DC00) at index 11; it cannot be sent as it is",
        () -> ApiKeysClient.builder().baseUrl("http://host\uDC00"));
    server.verify(exactly(0), anyRequestedFor(anyUrl()));
  }

  @Test
  void wellFormedPairsAreSentPercentEncoded() {
    client.apiKeys().retrieve("key_\uD83D\uDE00");

    assertEquals(List.of("/v1/api_key/key_%F0%9F%98%80"), requestedUrls());
  }

  static Stream<OffsetDateTime> beyondRfc3339() {
    return Stream.of(
        OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
        OffsetDateTime.of(-1, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC),
        OffsetDateTime.of(2027, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(5, 30, 15)));
  }

  @ParameterizedTest
  @MethodSource("beyondRfc3339")
  void expiryRfc3339CannotCarryIsRefused(OffsetDateTime expiresAt) {
    String message = "expiresAt must be a date-time that RFC 3339 can carry: a year from 0000"
        + " to 9999 and an offset in whole minutes; was " + expiresAt;

    assertMessage(IllegalArgumentException.class, message,
        () -> CreateApiKeyParams.builder().expiresAt(expiresAt));
    assertMessage(IllegalArgumentException.class, message,
        () -> UpdateApiKeyParams.builder().expiresAt(expiresAt));
    assertMessage(IllegalArgumentException.class, message,
        () -> ApiKeyInput.builder().expiresAt(expiresAt));
  }

  static Stream<Arguments> writtenExpiries() {
    return Stream.of(
        Arguments.of("2027-01-01T00:00Z", "2027-01-01T00:00:00Z"),
        Arguments.of("2027-01-01T00:00:00.120Z", "2027-01-01T00:00:00.12Z"),
        Arguments.of("2027-01-01T05:30+05:30", "2027-01-01T05:30:00+05:30"),
        Arguments.of("0000-01-01T00:00Z", "0000-01-01T00:00:00Z"),
        Arguments.of("9999-12-31T23:59:59.999999999-12:00",
            "9999-12-31T23:59:59.999999999-12:00"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("writtenExpiries")
  void expiryIsWrittenWithSeconds(String given, String written) {
    OffsetDateTime expiresAt = OffsetDateTime.parse(given);

    client.apiKeys().create(CreateApiKeyParams.builder().name("ci").expiresAt(expiresAt)
        .build());
    client.apiKeys().update("key_1", UpdateApiKeyParams.builder().expiresAt(expiresAt).build());
    client.accountApiKeys().update("key_1", ApiKeyInput.builder().description("d")
        .flatPermissionsList(List.of()).expiresAt(expiresAt).build());

    server.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/api_key/"))
        .withRequestBody(equalToJson("{\"name\": \"ci\", \"expires_at\": \"" + written
            + "\"}")));
    server.verify(exactly(1), patchRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withRequestBody(equalToJson("{\"expires_at\": \"" + written + "\"}")));
    server.verify(exactly(1), patchRequestedFor(urlEqualTo("/apikeys/key_1"))
        .withRequestBody(equalToJson("{\"description\": \"d\", \"flatPermissionsList\": [],"
            + " \"expiresAt\": \"" + written + "\"}")));
  }

  @Test
  void headerValuesWithCharactersAboveLatin1AreRefused() {
    String message = "accountId must not contain control characters or characters above"
        + " U+00FF";
    assertMessage(IllegalArgumentException.class, message,
        () -> ApiKeysClient.builder().accountId(LONE));
    assertMessage(IllegalArgumentException.class, message,
        () -> RequestOptions.builder().accountId("acct_\u20ac"));
  }
}
