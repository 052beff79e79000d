package dev.apikeys.transport.apache5;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.errors.UnexpectedStatusException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.Permission;
import dev.apikeys.sdk.models.SortOrder;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK on Apache HttpClient 5, through its public API, against WireMock: exact requests and
 * results, errors, and that the SDK, not HttpClient, retries, follows redirects and decodes
 * gzip. HTTP versions, timeouts, cancellation and closing are in their own tests.
 */
class ApacheTransportTest {

  static final String TOKEN = "sk-test-token";

  static final String KEY = "{\"id\": \"key_1\", \"name\": \"ci\","
      + " \"created_date\": \"2024-03-01T10:15:30Z\", \"last_four_digits\": \"9f3c\","
      + " \"creator_id\": \"user_1\", \"restricted\": true,"
      + " \"permissions\": [\"calls.view\", \"calls.create\"]}";

  /** Plain http; no gzip by Jetty, so a test's own encoded body goes out as it is. */
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().gzipDisabled(true))
      .build();

  /** Another origin, for redirects that leave the base URL's. */
  @RegisterExtension
  static WireMockExtension elsewhere = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort())
      .build();

  static ApiKeysClient.Builder client(String baseUrl) {
    return ApiKeysClient.builder()
        .baseUrl(baseUrl)
        .token(TOKEN)
        .sleeper(duration -> CompletableFuture.completedFuture(null))
        .transport(ApacheTransport.create());
  }

  private static String baseUrl() {
    return "http://localhost:" + server.getPort();
  }

  private static List<LoggedRequest> requests() {
    return server.findAll(anyRequestedFor(anyUrl()));
  }

  @Test
  void retrieveSendsTheSdksHeadersAndReadsTheKey() {
    server.stubFor(get("/v1/api_key/key_1").willReturn(okJson(KEY)));

    ApiKey key;
    try (ApiKeysClient client = client(baseUrl()).accountId("acct_1").build()) {
      key = client.apiKeys().retrieve("key_1");
    }

    assertEquals("key_1", key.id());
    assertEquals("ci", key.name());
    assertEquals(OffsetDateTime.parse("2024-03-01T10:15:30Z"), key.createdDate());
    assertEquals("9f3c", key.lastFourDigits());
    assertEquals("user_1", key.creatorId());
    assertTrue(key.restricted());
    assertEquals(List.of(Permission.CALLS_VIEW, Permission.CALLS_CREATE), key.permissions());
    LoggedRequest request = requests().get(0);
    assertEquals(1, requests().size());
    assertEquals("Bearer " + TOKEN, request.getHeader("Authorization"));
    assertEquals("acct_1", request.getHeader("x-account-id"));
    assertEquals("application/json", request.getHeader("Accept"));
    assertEquals("gzip", request.getHeader("Accept-Encoding"));
    assertTrue(request.getHeader("User-Agent").startsWith("apikeys-java/"),
        request.getHeader("User-Agent"));
    assertEquals(1, request.getHeaders().getHeader("User-Agent").values().size());
    assertFalse(request.containsHeader("Content-Type"));
    assertFalse(request.containsHeader("Cookie"));
  }

  @Test
  void listSendsTheQueryAndReadsThePage() {
    server.stubFor(get(urlPathEqualTo("/v1/api_key/")).willReturn(okJson("{\"data\": [" + KEY
        + "], \"has_more\": true, \"first_id\": \"key_1\", \"last_id\": \"key_1\"}")));

    ApiKeyPage page;
    try (ApiKeysClient client = client(baseUrl()).build()) {
      page = client.apiKeys().list(ListApiKeysParams.builder().limit(1).order(SortOrder.ASC)
          .after("key_0").build());
    }

    assertEquals(List.of("key_1"), page.data().stream().map(ApiKey::id).toList());
    assertTrue(page.hasMore());
    assertEquals(Optional.of("key_1"), page.firstId());
    assertEquals(Optional.of("key_1"), page.lastId());
    server.verify(1, getRequestedFor(urlEqualTo("/v1/api_key/?limit=1&order=asc&after=key_0")));
  }

  @Test
  void updateSendsTheJsonBodyOnceTyped() {
    server.stubFor(patch("/v1/api_key/key_1").willReturn(okJson(KEY)));

    ApiKey key;
    try (ApiKeysClient client = client(baseUrl()).build()) {
      key = client.async().apiKeys().update("key_1", UpdateApiKeyParams.builder()
          .name("ci").restricted(true)
          .permissions(Permission.CALLS_VIEW, Permission.CALLS_CREATE).build()).join();
    }

    assertEquals("ci", key.name());
    server.verify(1, patchRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withRequestBody(equalToJson("{\"name\": \"ci\", \"restricted\": true,"
            + " \"permissions\": [\"calls.view\", \"calls.create\"]}"))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    LoggedRequest request = requests().get(0);
    assertEquals(List.of("application/json"),
        request.getHeaders().getHeader("Content-Type").values());
  }

  @Test
  void notFoundBodyBecomesNotFoundException() {
    server.stubFor(get("/v1/api_key/nope").willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\": \"API key not found\"}")));

    try (ApiKeysClient client = client(baseUrl()).build()) {
      NotFoundException blocking = assertThrows(NotFoundException.class,
          () -> client.apiKeys().retrieve("nope"));
      CompletionException async = assertThrows(CompletionException.class,
          () -> client.async().apiKeys().retrieve("nope").join());

      assertEquals(404, blocking.statusCode());
      assertEquals("API key not found", blocking.error());
      NotFoundException cause = assertInstanceOf(NotFoundException.class, async.getCause());
      assertEquals("API key not found", cause.error());
    }
    assertEquals(2, requests().size());
  }

  @Test
  void sdkRetries503ThenReads200() {
    server.stubFor(get("/v1/api_key/key_1").inScenario("busy")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withBody("{\"error\": \"busy\"}"))
        .willSetStateTo("ready"));
    server.stubFor(get("/v1/api_key/key_1").inScenario("busy").whenScenarioStateIs("ready")
        .willReturn(okJson(KEY)));

    try (ApiKeysClient client = client(baseUrl()).maxRetries(2).build()) {
      assertEquals("key_1", client.apiKeys().retrieve("key_1").id());
    }

    assertEquals(2, requests().size());
  }

  @Test
  void connectionResetIsRetriedByTheSdkOnlyBlockingAndAsync() {
    server.stubFor(get("/v1/api_key/key_1")
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    try (ApiKeysClient client = client(baseUrl()).maxRetries(2).build()) {
      assertThrows(ApiKeysIoException.class, () -> client.apiKeys().retrieve("key_1"));
      assertEquals(3, requests().size());

      CompletionException async = assertThrows(CompletionException.class,
          () -> client.async().apiKeys().retrieve("key_1").join());
      assertInstanceOf(ApiKeysIoException.class, async.getCause());
      assertEquals(6, requests().size());
    }
  }

  @Test
  void noRetriesMeansOneRequestEvenOnAReset() {
    server.stubFor(get("/v1/api_key/key_1")
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    try (ApiKeysClient client = client(baseUrl()).maxRetries(0).build()) {
      assertThrows(ApiKeysIoException.class, () -> client.apiKeys().retrieve("key_1"));
      assertThrows(CompletionException.class,
          () -> client.async().apiKeys().retrieve("key_1").join());
    }

    assertEquals(2, requests().size());
  }

  @Test
  void sameOriginRedirectIsFollowedOnceByTheSdk() {
    server.stubFor(get("/v1/api_key/old").willReturn(aResponse().withStatus(307)
        .withHeader("Location", "/v1/api_key/key_1")));
    server.stubFor(get("/v1/api_key/key_1").willReturn(okJson(KEY)));

    try (ApiKeysClient client = client(baseUrl()).build()) {
      assertEquals("key_1", client.apiKeys().retrieve("old").id());
      assertEquals("key_1", client.async().apiKeys().retrieve("old").join().id());
    }

    server.verify(2, getRequestedFor(urlEqualTo("/v1/api_key/old")));
    server.verify(2, getRequestedFor(urlEqualTo("/v1/api_key/key_1")));
    assertEquals(4, requests().size());
  }

  @Test
  void redirectToAnotherOriginIsNotFollowedByHttpClient() {
    elsewhere.stubFor(get(anyUrl()).willReturn(okJson(KEY)));
    server.stubFor(get("/v1/api_key/key_1").willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://localhost:" + elsewhere.getPort() + "/v1/api_key/key_1")));

    try (ApiKeysClient client = client(baseUrl()).build()) {
      UnexpectedStatusException blocking = assertThrows(UnexpectedStatusException.class,
          () -> client.apiKeys().retrieve("key_1"));
      assertEquals(302, blocking.statusCode());
      CompletionException async = assertThrows(CompletionException.class,
          () -> client.async().apiKeys().retrieve("key_1").join());
      assertInstanceOf(UnexpectedStatusException.class, async.getCause());
    }

    assertEquals(2, requests().size());
    assertEquals(0, elsewhere.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void gzipIsDecodedExactlyOnceBlockingAndAsync() throws IOException {
    server.stubFor(get("/v1/api_key/key_1").withHeader("Accept-Encoding", equalTo("gzip"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withHeader("Content-Encoding", "gzip").withBody(gzip(KEY))));

    try (ApiKeysClient client = client(baseUrl()).build()) {
      assertEquals("key_1", client.apiKeys().retrieve("key_1").id());
      assertEquals("key_1", client.async().apiKeys().retrieve("key_1").join().id());
      assertEquals("gzip", client.apiKeys().withRawResponse().retrieve("key_1").headers()
          .get("content-encoding").get(0));
    }
  }

  @Test
  void refusedConnectionIsAnApiKeysIoException() throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0)) {
      port = closed.getLocalPort();
    }

    try (ApiKeysClient client = client("http://localhost:" + port).maxRetries(0).build()) {
      ApiKeysIoException blocking = assertThrows(ApiKeysIoException.class,
          () -> client.apiKeys().retrieve("key_1"));
      CompletionException async = assertThrows(CompletionException.class,
          () -> client.async().apiKeys().retrieve("key_1").join());

      assertInstanceOf(IOException.class, blocking.getCause());
      ApiKeysException asyncCause = assertInstanceOf(ApiKeysIoException.class,
          async.getCause());
      assertInstanceOf(IOException.class, asyncCause.getCause());
    }
  }

  @Test
  void attemptTimeoutEndsAStalledBody() {
    server.stubFor(get("/v1/api_key/key_1").willReturn(okJson(KEY)
        .withChunkedDribbleDelay(4, 20_000)));

    try (ApiKeysClient client = client(baseUrl()).maxRetries(0)
        .timeout(Duration.ofMillis(300)).build()) {
      ApiKeysIoException blocking = assertThrows(ApiKeysIoException.class,
          () -> client.apiKeys().retrieve("key_1"));
      CompletionException async = assertThrows(CompletionException.class,
          () -> client.async().apiKeys().retrieve("key_1").join());

      assertInstanceOf(HttpTimeoutException.class, blocking.getCause());
      assertInstanceOf(HttpTimeoutException.class, async.getCause().getCause());
    }
  }

  @Test
  void attemptTimeoutEndsAWaitForHeaders() {
    server.stubFor(get("/v1/api_key/key_1").willReturn(okJson(KEY).withFixedDelay(20_000)));

    try (ApiKeysClient client = client(baseUrl()).maxRetries(0)
        .timeout(Duration.ofMillis(300)).build()) {
      ApiKeysIoException blocking = assertThrows(ApiKeysIoException.class,
          () -> client.apiKeys().retrieve("key_1"));
      CompletionException async = assertThrows(CompletionException.class,
          () -> client.async().apiKeys().retrieve("key_1").join());

      assertInstanceOf(HttpTimeoutException.class, blocking.getCause());
      assertInstanceOf(HttpTimeoutException.class, async.getCause().getCause());
    }
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
