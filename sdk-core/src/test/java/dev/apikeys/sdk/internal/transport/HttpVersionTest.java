package dev.apikeys.sdk.internal.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.SdkServer;
import dev.apikeys.sdk.models.ApiKeyInput;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.net.http.HttpClient;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On plain http the SDK's own client speaks HTTP/1.1 with no upgrade offer (uvicorn answers one
 * with 400); over TLS it negotiates HTTP/2 through ALPN, falling back to HTTP/1.1; a client the
 * user gives keeps its own version. WireMock records each request's headers and protocol.
 */
class HttpVersionTest {

  private static final List<String> UPGRADE_HEADERS = List.of("Upgrade", "HTTP2-Settings");

  /** HTTP/1.1 on http (an h2c offer is recorded, not taken); h2 or 1.1 over TLS. */
  @RegisterExtension
  static SdkServer server = SdkServer.create(c -> c.dynamicHttpsPort().http2PlainDisabled(true));

  /** TLS without h2 in ALPN: only HTTP/1.1. */
  @RegisterExtension
  static SdkServer http11Only = SdkServer.create(c -> c.dynamicHttpsPort().http2TlsDisabled(true));

  @BeforeEach
  void stub() {
    server.stubFor(any(anyUrl()).willReturn(okJson(KEY)));
    http11Only.stubFor(any(anyUrl()).willReturn(okJson(KEY)));
  }

  private static final String KEY = "{\"id\": \"key_1\", \"name\": \"n\", \"success\": true,"
      + " \"created_date\": \"2024-03-01T10:15:30Z\", \"last_four_digits\": \"9f3c\","
      + " \"creator_id\": \"u\", \"restricted\": false, \"permissions\": [], \"key\": \"sk\"}";

  private static String http(WireMockExtension wireMock) {
    return "http://localhost:" + wireMock.getPort();
  }

  private static String https(WireMockExtension wireMock) {
    return "https://localhost:" + wireMock.getHttpsPort();
  }

  /** Every method the SDK sends, blocking and async. */
  private static void everyMethod(ApiKeysClient client) {
    client.apiKeys().retrieve("key_1");
    client.apiKeys().create(CreateApiKeyParams.builder().name("ci").build());
    client.apiKeys().update("key_1", UpdateApiKeyParams.builder().name("n").build());
    client.apiKeys().delete("key_1");
    client.accountApiKeys().update("key_1", ApiKeyInput.builder().description("d")
        .flatPermissionsList(List.of("readApplications")).build());
    client.async().apiKeys().retrieve("key_1").join();
    client.async().apiKeys().delete("key_1").join();
  }

  private static List<LoggedRequest> requests(WireMockExtension wireMock) {
    return wireMock.findAll(anyRequestedFor(anyUrl()));
  }

  private static void withClient(ApiKeysClient.Builder builder, Consumer<ApiKeysClient> use) {
    try (ApiKeysClient client = builder.token("sk-test-token").maxRetries(0).build()) {
      use.accept(client);
    }
  }

  @Test
  void sdkClientOffersNoUpgradeOnPlainHttp() {
    withClient(ApiKeysClient.builder().baseUrl(http(server)), HttpVersionTest::everyMethod);

    List<LoggedRequest> requests = requests(server);
    assertEquals(List.of("GET", "POST", "PATCH", "DELETE", "PATCH", "GET", "DELETE"),
        requests.stream().map(r -> r.getMethod().getName()).toList());
    for (LoggedRequest request : requests) {
      assertEquals("HTTP/1.1", request.getProtocol(), request.getMethod().getName());
      for (String header : UPGRADE_HEADERS) {
        assertFalse(request.containsHeader(header),
            request.getMethod().getName() + " sent " + header);
      }
    }
  }

  @Test
  void givenHttp2ClientKeepsOfferingH2c() {
    HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();

    withClient(ApiKeysClient.builder().baseUrl(http(server)).httpClient(http2),
        client -> client.apiKeys().retrieve("key_1"));

    LoggedRequest request = requests(server).get(0);
    assertEquals("h2c", request.getHeader("Upgrade"));
    assertTrue(request.containsHeader("HTTP2-Settings"), request.getHeaders().keys().toString());
  }

  @Test
  void givenHttp11ClientOffersNoUpgrade() {
    HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    withClient(ApiKeysClient.builder().baseUrl(http(server)).httpClient(http11),
        client -> client.apiKeys().retrieve("key_1"));

    LoggedRequest request = requests(server).get(0);
    assertFalse(request.containsHeader("Upgrade"));
    assertEquals("HTTP/1.1", request.getProtocol());
  }

  @Test
  void sdkClientNegotiatesHttp2OverTls() throws Exception {
    SSLContext trusting = WireMockTls.trustingWireMock();

    WireMockTls.withDefault(trusting, () -> {
      withClient(ApiKeysClient.builder().baseUrl(https(server)), HttpVersionTest::everyMethod);
      return null;
    });

    List<LoggedRequest> requests = requests(server);
    assertEquals(7, requests.size());
    for (LoggedRequest request : requests) {
      assertEquals("HTTP/2.0", request.getProtocol(), request.getMethod().getName());
      assertEquals("https", request.getScheme());
    }
  }

  @Test
  void sdkClientFallsBackToHttp11WhenTlsOffersNoH2() throws Exception {
    SSLContext trusting = WireMockTls.trustingWireMock();

    WireMockTls.withDefault(trusting, () -> {
      withClient(ApiKeysClient.builder().baseUrl(https(http11Only)),
          client -> client.apiKeys().retrieve("key_1"));
      return null;
    });

    assertEquals("HTTP/1.1", requests(http11Only).get(0).getProtocol());
  }

  @Test
  void givenClientWithItsOwnSslContextNegotiatesHttp2() throws Exception {
    HttpClient tls = HttpClient.newBuilder().sslContext(WireMockTls.trustingWireMock()).build();

    withClient(ApiKeysClient.builder().baseUrl(https(server)).httpClient(tls),
        client -> client.async().apiKeys().retrieve("key_1").join());

    assertEquals("HTTP/2.0", requests(server).get(0).getProtocol());
  }

  @Test
  void givenHttp11ClientKeepsHttp11OverTls() throws Exception {
    HttpClient tls = HttpClient.newBuilder().sslContext(WireMockTls.trustingWireMock())
        .version(HttpClient.Version.HTTP_1_1).build();

    withClient(ApiKeysClient.builder().baseUrl(https(server)).httpClient(tls),
        client -> client.apiKeys().retrieve("key_1"));

    assertEquals("HTTP/1.1", requests(server).get(0).getProtocol());
  }
}
