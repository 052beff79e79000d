package dev.apikeys.interop;

import static dev.apikeys.interop.FastApiApp.seededId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.LogLevel;
import dev.apikeys.sdk.ProxyOptions;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.errors.ApiKeysServiceException;
import dev.apikeys.sdk.errors.AuthenticationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every transport does through a real forward proxy, Debian's tinyproxy: plain
 * {@code http://} in absolute form to the FastAPI app on uvicorn, {@code https://} through a
 * {@code CONNECT} tunnel to nginx, Basic credentials over {@code http://}, a wrong password, the
 * non-proxy hosts, a proxy that is down, and verbose logs without secrets. A subclass per
 * transport says how a client is built on it ({@link #build}), the one seam.
 */
abstract class ProxyContract {

  static final String USER = "sdk-user";
  static final String PASSWORD = "pr0xy-Pa55_word";
  static final String WRONG_PASSWORD = "wr0ng-Pa55_word";
  static final String PATH = "/v1/api_key/" + seededId(1);

  // Ordered: the proxies are configured with nginx's port, so they start after it.
  @Order(1)
  @RegisterExtension
  static final UvicornServer API = new UvicornServer(FastApiApp.aware());

  @Order(2)
  @RegisterExtension
  static final NginxProxy TLS_API = new NginxProxy(FastApiApp.aware());

  @Order(3)
  @RegisterExtension
  static final TinyProxy PROXY = TinyProxy.open(TLS_API::port);

  @Order(4)
  @RegisterExtension
  static final TinyProxy AUTH_PROXY = TinyProxy.withCredentials(USER, PASSWORD, TLS_API::port);

  /**
   * Builds a client on the transport under test that sends through {@code proxy}.
   *
   * @param builder a builder with the base URL, token, retries and log level set
   * @param proxy the proxy
   * @param trust what the client's TLS trusts, for the {@code https://} API; null for the
   *     {@code http://} one
   * @return the client
   */
  abstract ApiKeysClient build(ApiKeysClient.Builder builder, ProxyOptions proxy,
      SSLContext trust);

  ApiKeysClient clientOf(ServerExtension api, ProxyOptions proxy) {
    return clientOf(api, proxy, ApiKeysClient.builder().baseUrl(api.baseUrl()));
  }

  ApiKeysClient clientOf(ServerExtension api, ProxyOptions proxy,
      ApiKeysClient.Builder builder) {
    return build(builder.token(FastApiApp.ADMIN_TOKEN),
        proxy, api == TLS_API ? TLS_API.sslContext() : null);
  }

  static ProxyOptions.Builder through(TinyProxy proxy) {
    return ProxyOptions.builder().url(proxy.url());
  }

  static String apiAuthority() {
    return API.baseUrl().substring("http://".length());
  }

  @Test
  void plainHttpGoesThroughTheProxyInAbsoluteForm() {
    int proxyMark = PROXY.mark();
    int apiMark = API.accessLog().mark();

    try (ApiKeysClient client = clientOf(API, through(PROXY).build())) {
      assertEquals(seededId(1), client.apiKeys().retrieve(seededId(1)).id());
    }

    assertEquals(List.of("GET http://" + apiAuthority() + PATH + " HTTP/1.1"),
        PROXY.requestsAfter(proxyMark, 1));
    AccessLog.Entry seen = API.accessLog().entriesAfter(apiMark, 1).get(0);
    assertEquals(List.of("GET", PATH, 200), List.of(seen.method(), seen.uri(), seen.status()));
  }

  @Test
  void httpsGoesThroughAConnectTunnel() {
    int proxyMark = PROXY.mark();
    int apiMark = TLS_API.accessLog().mark();

    try (ApiKeysClient client = clientOf(TLS_API, through(PROXY).build())) {
      assertEquals(seededId(1), client.apiKeys().retrieve(seededId(1)).id());
    }

    assertEquals(List.of("CONNECT 127.0.0.1:" + TLS_API.port() + " HTTP/1.1"),
        PROXY.requestsAfter(proxyMark, 1));
    AccessLog.Entry seen = TLS_API.accessLog().entriesAfter(apiMark, 1).get(0);
    assertEquals(List.of("GET", PATH, 200), List.of(seen.method(), seen.uri(), seen.status()));
  }

  @Test
  void credentialsOverPlainHttpAreTaken() {
    int proxyMark = AUTH_PROXY.mark();
    int apiMark = API.accessLog().mark();

    try (ApiKeysClient client = clientOf(API,
        through(AUTH_PROXY).credentials(USER, PASSWORD).build())) {
      assertEquals(seededId(1), client.apiKeys().retrieve(seededId(1)).id());
    }

    assertEquals(List.of("GET http://" + apiAuthority() + PATH + " HTTP/1.1"),
        AUTH_PROXY.requestsAfter(proxyMark, 1));
    assertEquals(PATH, API.accessLog().entriesAfter(apiMark, 1).get(0).uri());
  }

  @Test
  void aWrongPasswordIsOneAttemptWhoseErrorNamesTheProxy() {
    int proxyMark = AUTH_PROXY.mark();
    int apiMark = API.accessLog().mark();

    try (ApiKeysClient client = clientOf(API,
        through(AUTH_PROXY).credentials(USER, WRONG_PASSWORD).build())) {
      ApiKeysServiceException e = assertThrows(ApiKeysServiceException.class,
          () -> client.apiKeys().retrieve(seededId(1)));
      assertWrongPassword(e);
      assertFalse(e.getMessage().contains(WRONG_PASSWORD), e.getMessage());
    }

    assertEquals(List.of("GET http://" + apiAuthority() + PATH + " HTTP/1.1"),
        AUTH_PROXY.requestsAfter(proxyMark, 1));
    assertEquals(API.accessLog().mark(), apiMark);
  }

  /** A wrong proxy password: an authentication error that names the proxy and the user. */
  private static void assertWrongPassword(ApiKeysServiceException e) {
    assertEquals(AuthenticationException.class, e.getClass());
    assertEquals(401, e.statusCode());
    assertEquals("the proxy at 127.0.0.1:" + AUTH_PROXY.port() + " refused the credentials of"
        + " user " + USER + " (401 with a Basic challenge)", e.error());
  }

  @Test
  void nonProxyHostsBypassTheProxy() {
    int proxyMark = PROXY.mark();
    int apiMark = API.accessLog().mark();

    try (ApiKeysClient client = clientOf(API,
        through(PROXY).nonProxyHosts("localhost", "127.0.0.1").build())) {
      assertEquals(seededId(1), client.apiKeys().retrieve(seededId(1)).id());
    }

    assertEquals(PATH, API.accessLog().entriesAfter(apiMark, 1).get(0).uri());
    assertEquals(List.of(), PROXY.trafficAfter(proxyMark));
  }

  @Test
  void aProxyThatIsDownIsNamedNotTheApi() {
    int down = ServerProcess.freePort();
    ProxyOptions nowhere = ProxyOptions.builder().url("http://127.0.0.1:" + down).build();

    try (ApiKeysClient client = clientOf(API, nowhere,
        ApiKeysClient.builder().baseUrl(API.baseUrl()).maxRetries(0))) {
      ApiKeysIoException e = assertThrows(ApiKeysIoException.class,
          () -> client.apiKeys().retrieve(seededId(1)));
      assertTrue(e.getMessage().contains("proxy at 127.0.0.1:" + down), e.getMessage());
      assertFalse(e.getMessage().contains(apiAuthority()), e.getMessage());
    }
  }

  @Test
  void aTunnelTheProxyRefusesEndsInOneAttemptNamingTheProxy() {
    int proxyMark = PROXY.mark();
    ProxyOptions proxy = through(PROXY).build();
    String elsewhere = "https://127.0.0.1:" + API.baseUrl().replaceAll(".*:", "");

    try (ApiKeysClient client = build(ApiKeysClient.builder().baseUrl(elsewhere)
        .token(FastApiApp.ADMIN_TOKEN), proxy, TLS_API.sslContext())) {
      ApiKeysIoException e = assertThrows(ApiKeysIoException.class,
          () -> client.apiKeys().retrieve(seededId(1)));
      assertTrue(e.getMessage().contains("proxy at 127.0.0.1:" + PROXY.port()), e.getMessage());
    }

    assertEquals(List.of("CONNECT " + apiAuthority() + " HTTP/1.1"),
        PROXY.requestsAfter(proxyMark, 1));
  }

  @Test
  void theMostVerboseLogsHoldNeitherTheTokenNorTheProxyPassword() {
    String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    List<String> lines;
    try (SdkLog log = SdkLog.capture()) {
      try (ApiKeysClient client = clientOf(API, through(AUTH_PROXY)
          .credentials(USER, PASSWORD).build(),
          ApiKeysClient.builder().baseUrl(API.baseUrl()).logLevel(LogLevel.DEBUG))) {
        client.apiKeys().retrieve(seededId(1));
      }
      try (ApiKeysClient client = clientOf(API, through(AUTH_PROXY)
          .credentials(USER, WRONG_PASSWORD).build(),
          ApiKeysClient.builder().baseUrl(API.baseUrl()).logLevel(LogLevel.DEBUG))) {
        assertThrows(ApiKeysServiceException.class,
            () -> client.apiKeys().retrieve(seededId(1)));
      }
      lines = log.lines();
    }

    assertTrue(lines.stream().anyMatch(line -> line.startsWith("GET " + PATH + " -> 200")),
        lines.toString());
    for (String line : lines) {
      for (String secret : List.of(FastApiApp.ADMIN_TOKEN, PASSWORD, WRONG_PASSWORD, basic)) {
        assertFalse(line.contains(secret), line);
      }
    }
  }

  /** The SDK's log lines, at every level, while it is open. */
  static final class SdkLog extends Handler implements AutoCloseable {
    private static final Logger SDK = Logger.getLogger(ApiKeysClient.LOGGER_NAME);

    private final List<LogRecord> records = new ArrayList<>();
    private final Level previousLevel = SDK.getLevel();

    static SdkLog capture() {
      SdkLog log = new SdkLog();
      log.setLevel(Level.ALL);
      SDK.setLevel(Level.ALL);
      SDK.addHandler(log);
      return log;
    }

    @Override
    public synchronized void publish(LogRecord record) {
      records.add(record);
    }

    synchronized List<String> lines() {
      SimpleFormatter formatter = new SimpleFormatter();
      return records.stream().map(formatter::formatMessage).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
      SDK.removeHandler(this);
      SDK.setLevel(previousLevel);
    }
  }
}
