package dev.apikeys.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.apikeys.sdk.RuntimeFixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.errors.AuthenticationException;
import dev.apikeys.sdk.errors.UnexpectedStatusException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link ApiKeysClient.Builder#proxy(ProxyOptions)} on the SDK's own JDK client, WireMock
 * standing in for the proxy (it answers requests in absolute form as a proxy would); what
 * build() refuses; what the proxy's refusals and absence become. The same against a real
 * tinyproxy is in sdk-interop.
 */
class ProxyClientTest {

  private static final String TOKEN = "sk-test-token";
  private static final String PASSWORD = "s3cret-pw";
  private static final String API = "http://api.example.invalid:3000";
  private static final String BASIC = "Basic " + Base64.getEncoder()
      .encodeToString(("user:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

  @RegisterExtension
  static SdkServer proxy = SdkServer.create();

  private final AtomicInteger waits = new AtomicInteger();
  private final Sleeper noWait = duration -> {
    waits.incrementAndGet();
    return CompletableFuture.completedFuture(null);
  };

  private ApiKeysClient.Builder builder(String baseUrl) {
    return ApiKeysClient.builder().baseUrl(baseUrl).token(TOKEN).sleeper(noWait);
  }

  private static ProxyOptions.Builder toProxy() {
    return ProxyOptions.builder().url("http://127.0.0.1:" + proxy.getPort());
  }

  private static void assertMessage(Class<? extends Throwable> type, String message,
      Executable call) {
    Throwable e = assertThrows(type, call);
    assertEquals(message, e.getMessage());
  }

  @Test
  void plainHttpGoesToTheProxyWithBasicCredentialsAndTheBearerToken() {
    proxy.stubFor(any(anyUrl()).willReturn(okJson(key("key_1"))));

    try (ApiKeysClient client = builder(API)
        .proxy(toProxy().credentials("user", PASSWORD).build()).build()) {
      assertEquals("key_1", client.apiKeys().retrieve("key_1").id());
      assertEquals("key_1", client.async().apiKeys().retrieve("key_1").join().id());
    }

    proxy.verify(exactly(2), getRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withHeader("Host", equalTo("api.example.invalid:3000"))
        .withHeader("Proxy-Authorization", equalTo(BASIC))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void withoutCredentialsNoProxyAuthorizationIsSent() {
    proxy.stubFor(any(anyUrl()).willReturn(okJson(key("key_1"))));

    try (ApiKeysClient client = builder(API).proxy(toProxy().build()).build()) {
      client.apiKeys().retrieve("key_1");
    }

    proxy.verify(exactly(1), getRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withHeader("Host", equalTo("api.example.invalid:3000"))
        .withHeader("Proxy-Authorization", absent()));
  }

  @Test
  void nonProxyHostsAreReachedDirectlyAndGetNoProxyCredentials() {
    proxy.stubFor(any(anyUrl()).willReturn(okJson(key("key_1"))));
    ProxyOptions nowhere = ProxyOptions.builder().url("http://127.0.0.1:" + closedPort())
        .credentials("user", PASSWORD).nonProxyHosts("localhost", "127.0.0.1").build();

    try (ApiKeysClient client = builder(proxy.baseUrl()).proxy(nowhere).build()) {
      assertEquals("key_1", client.apiKeys().retrieve("key_1").id());
    }

    proxy.verify(exactly(1), getRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withHeader("Proxy-Authorization", absent()));
  }

  @Test
  void derivedClientsKeepTheProxyAndADerivedProxyCanBeRemoved() {
    proxy.stubFor(any(anyUrl()).willReturn(okJson(key("key_1"))));

    try (ApiKeysClient client = builder(API).proxy(toProxy().build()).build();
        ApiKeysClient derived = client.withOptions(b -> b.accountId("acct_2"));
        ApiKeysClient rebuilt = client.toBuilder().build();
        ApiKeysClient direct = client.withOptions(b -> b.proxy(null).baseUrl(proxy.baseUrl()))) {
      derived.apiKeys().retrieve("key_1");
      rebuilt.apiKeys().retrieve("key_1");
      direct.apiKeys().retrieve("key_1");
    }

    proxy.verify(exactly(1), getRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withHeader("Host", equalTo("api.example.invalid:3000"))
        .withHeader("x-account-id", equalTo("acct_2")));
    proxy.verify(exactly(2), getRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withHeader("Host", equalTo("api.example.invalid:3000")));
    proxy.verify(exactly(1), getRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withHeader("Host", equalTo("localhost:" + proxy.getPort())));
  }

  @Test
  void aProxys407IsNotRetriedAndSaysTheProxyRefusedTheCredentials() {
    proxy.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(407)
        .withHeader("Proxy-Authenticate", "Basic realm=\"corp\"")
        .withHeader("Content-Type", "text/html").withBody("<html>denied</html>")));

    try (ApiKeysClient client = builder(API)
        .proxy(toProxy().credentials("user", PASSWORD).build()).build()) {
      UnexpectedStatusException e = assertThrows(UnexpectedStatusException.class,
          () -> client.apiKeys().retrieve("key_1"));
      assertEquals(407, e.statusCode());
      assertEquals("the proxy at 127.0.0.1:" + proxy.getPort() + " refused the credentials of"
          + " user user (407 Proxy Authentication Required)", e.error());
      assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());

      CompletionException async = assertThrows(CompletionException.class,
          () -> client.async().apiKeys().retrieve("key_1").join());
      assertEquals(e.getMessage(), async.getCause().getMessage());
    }

    proxy.verify(exactly(2), anyRequestedFor(anyUrl()));
    assertEquals(0, waits.get());
  }

  @Test
  void aProxyAskingForCredentialsThatWereNotGivenSaysSo() {
    proxy.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(407)));

    try (ApiKeysClient client = builder(API).proxy(toProxy().build()).build()) {
      UnexpectedStatusException e = assertThrows(UnexpectedStatusException.class,
          () -> client.apiKeys().retrieve("key_1"));
      assertEquals("the proxy at 127.0.0.1:" + proxy.getPort() + " asks for credentials (407"
          + " Proxy Authentication Required); set them with"
          + " ProxyOptions.Builder.credentials(...)", e.error());
    }
    proxy.verify(exactly(1), anyRequestedFor(anyUrl()));
  }

  @Test
  void a401WithABasicChallengeIsTheProxyRefusingTheCredentialsAsTinyproxyDoes() {
    proxy.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
        .withHeader("WWW-Authenticate", "Basic realm=\"Tinyproxy\"")));

    try (ApiKeysClient client = builder(API)
        .proxy(toProxy().credentials("user", PASSWORD).build()).build()) {
      AuthenticationException e = assertThrows(AuthenticationException.class,
          () -> client.apiKeys().retrieve("key_1"));
      assertEquals("the proxy at 127.0.0.1:" + proxy.getPort() + " refused the credentials of"
          + " user user (401 with a Basic challenge)", e.error());
    }
    proxy.verify(exactly(1), anyRequestedFor(anyUrl()));
  }

  @Test
  void theApisOwn401ThroughTheProxyStaysTheApis() {
    proxy.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody("{\"error\": \"bad token\"}")));

    try (ApiKeysClient client = builder(API)
        .proxy(toProxy().credentials("user", PASSWORD).build()).build()) {
      AuthenticationException e = assertThrows(AuthenticationException.class,
          () -> client.apiKeys().retrieve("key_1"));
      assertEquals("bad token", e.error());
    }
  }

  @Test
  void aProxyThatIsDownIsNamedAfterTheRetries() {
    int port = closedPort();
    try (ApiKeysClient client = builder(API).maxRetries(1)
        .proxy(ProxyOptions.builder().url("http://127.0.0.1:" + port).build()).build()) {
      ApiKeysIoException e = assertThrows(ApiKeysIoException.class,
          () -> client.apiKeys().retrieve("key_1"));
      assertEquals("GET /v1/api_key/key_1 to the proxy at 127.0.0.1:" + port + " failed:"
          + " connection refused (nothing listens on that port, or a firewall rejects it)",
          e.getMessage());
      assertFalse(e.getMessage().contains("3000"), e.getMessage());

      CompletionException async = assertThrows(CompletionException.class,
          () -> client.async().apiKeys().retrieve("key_1").join());
      assertEquals(e.getMessage(), async.getCause().getMessage());
    }
    assertEquals(2, waits.get());
  }

  @Test
  void credentialsForAnHttpsBaseUrlAreRefusedAtBuildNamingTheApacheTransport() {
    ApiKeysClient.Builder builder = builder("https://api.example.com")
        .proxy(toProxy().credentials("user", PASSWORD).build());

    assertMessage(IllegalStateException.class, "the proxy at 127.0.0.1:" + proxy.getPort()
        + " has credentials, which the JDK transport cannot send through the CONNECT tunnel"
        + " that an https:// base URL needs (the JDK sends them only with an Authenticator,"
        + " which would drop the SDK's Authorization header, and disables Basic for tunnels"
        + " through jdk.http.auth.tunneling.disabledSchemes); use the Apache transport"
        + " (apikeys-transport-apache5, ApacheTransport.builder().proxy(...))", builder::build);
  }

  @Test
  void credentialsAreTakenForHttpsWhenTheBaseUrlIsANonProxyHost() {
    ProxyOptions skipped = toProxy().credentials("user", PASSWORD)
        .nonProxyHosts("*.example.com").build();

    builder("https://api.example.com").proxy(skipped).build().close();
    builder("https://api.example.org").proxy(toProxy().build()).build().close();
  }

  @Test
  void aProxyAndAGivenHttpClientAreRefusedTogether() {
    ApiKeysClient.Builder builder = builder(API).proxy(toProxy().build())
        .httpClient(HttpClient.newHttpClient());

    assertMessage(IllegalStateException.class, "proxy(...) and httpClient(...) cannot be"
        + " combined: the HttpClient given to httpClient(...) keeps its own proxy settings"
        + " (HttpClient.Builder.proxy(...)); set the proxy there, or drop httpClient(...)",
        builder::build);
  }

  @Test
  void aGivenHttpClientWithAnAuthenticatorIsRefused() {
    HttpClient authenticating = HttpClient.newBuilder().authenticator(new Authenticator() { })
        .build();

    assertMessage(IllegalArgumentException.class, "the HttpClient given to httpClient(...) has"
        + " an Authenticator: the JDK would drop the SDK's Authorization header on the requests"
        + " it answers (the API then answers 403). Build it without authenticator(...); for a"
        + " proxy's credentials, use proxy(ProxyOptions) or, for https:// base URLs, the Apache"
        + " transport (apikeys-transport-apache5, ApacheTransport.builder().proxy(...))",
        () -> builder(API).httpClient(authenticating).build());
  }

  @Test
  void proxyAuthorizationAsAnExtraHeaderPointsToProxy() {
    String message = "header Proxy-Authorization cannot be an extra header: give the proxy's"
        + " credentials to ApiKeysClient.Builder.proxy(ProxyOptions.builder().credentials(...)),"
        + " which sends them only to the proxy";

    assertMessage(IllegalArgumentException.class, message,
        () -> ApiKeysClient.builder().header("Proxy-Authorization", BASIC));
    assertMessage(IllegalArgumentException.class, message,
        () -> RequestOptions.builder().header("Proxy-Authorization", BASIC));
  }

  @Test
  void fromEnvReadsTheProxyForTheBaseUrl() {
    proxy.stubFor(any(anyUrl()).willReturn(okJson(key("key_1"))));
    Map<String, String> env = Map.of("APIKEYS_TOKEN", TOKEN, "APIKEYS_BASE_URL", API,
        "HTTP_PROXY", "http://user:" + PASSWORD + "@127.0.0.1:" + proxy.getPort(),
        "HTTPS_PROXY", "http://127.0.0.1:" + closedPort());

    try (ApiKeysClient client = ApiKeysClient.builder().fromEnv(env::get).build()) {
      client.apiKeys().retrieve("key_1");
    }

    proxy.verify(exactly(1), getRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withHeader("Host", equalTo("api.example.invalid:3000"))
        .withHeader("Proxy-Authorization", equalTo(BASIC)));
  }

  @Test
  void theEnvironmentsProxyGivesWayToAGivenHttpClient() {
    proxy.stubFor(any(anyUrl()).willReturn(okJson(key("key_1"))));
    Map<String, String> env = Map.of("APIKEYS_TOKEN", TOKEN,
        "APIKEYS_BASE_URL", proxy.baseUrl(), "HTTP_PROXY", "http://127.0.0.1:" + closedPort());

    try (ApiKeysClient client = ApiKeysClient.builder().fromEnv(env::get)
        .httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build())
        .build()) {
      assertEquals("key_1", client.apiKeys().retrieve("key_1").id());
    }
  }

  @Test
  void theBuilderShowsTheProxyButNeverItsPassword() {
    String shown = builder(API).proxy(toProxy().credentials("user", PASSWORD).build())
        .toString();

    assertTrue(shown.endsWith(", proxy=ProxyOptions{url=http://127.0.0.1:" + proxy.getPort()
        + ", username=user, password=****, nonProxyHosts=[]}}"), shown);
    assertFalse(shown.contains(PASSWORD), shown);
  }

  /** A port of 127.0.0.1 where nothing listens. */
  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
