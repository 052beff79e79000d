package dev.apikeys.interop;

import static dev.apikeys.interop.FastApiApp.seededId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.ProxyOptions;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * {@link ProxyContract} on the SDK's own JDK client, with {@code proxy(...)}; and what only
 * this transport does: it refuses credentials for {@code https://} at build time and ends a
 * {@code CONNECT} that asks for credentials, both naming the Apache transport.
 */
class JdkProxyTest extends ProxyContract {

  private static final String APACHE = "the Apache transport (apikeys-transport-apache5,"
      + " ApacheTransport.builder().proxy(...))";

  /**
   * The SDK's own client with {@code proxy(...)}; for the {@code https://} API, made while the
   * JVM's default TLS context trusts nginx's certificate (as a JVM whose trust store holds a
   * company's CA would), since a client of the user's own cannot be combined with a proxy.
   */
  @Override
  ApiKeysClient build(ApiKeysClient.Builder builder, ProxyOptions proxy, SSLContext trust) {
    builder.proxy(proxy);
    if (trust == null) {
      return builder.build();
    }
    synchronized (SSLContext.class) {
      SSLContext previous = defaultContext();
      SSLContext.setDefault(trust);
      try {
        return builder.build();
      } finally {
        SSLContext.setDefault(previous);
      }
    }
  }

  private static SSLContext defaultContext() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void credentialsForHttpsAreRefusedAtBuildNamingTheApacheTransport() {
    ApiKeysClient.Builder builder = ApiKeysClient.builder().baseUrl(TLS_API.baseUrl())
        .token(FastApiApp.ADMIN_TOKEN)
        .proxy(through(AUTH_PROXY).credentials(USER, PASSWORD).build());

    IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
    assertEquals("the proxy at 127.0.0.1:" + AUTH_PROXY.port() + " has credentials, which the"
        + " JDK transport cannot send through the CONNECT tunnel that an https:// base URL"
        + " needs (the JDK sends them only with an Authenticator, which would drop the SDK's"
        + " Authorization header, and disables Basic for tunnels through"
        + " jdk.http.auth.tunneling.disabledSchemes); use " + APACHE, e.getMessage());
  }

  @Test
  void aConnectThatAsksForCredentialsEndsInOneAttemptNamingTheApacheTransport() {
    int proxyMark = AUTH_PROXY.mark();

    try (ApiKeysClient client = clientOf(TLS_API, through(AUTH_PROXY).build())) {
      ApiKeysIoException e = assertThrows(ApiKeysIoException.class,
          () -> client.apiKeys().retrieve(seededId(1)));
      assertEquals("GET " + PATH + " failed: the proxy at 127.0.0.1:" + AUTH_PROXY.port()
          + " refused the tunnel to 127.0.0.1:" + TLS_API.port() + ": it asks for credentials"
          + " (407 Proxy Authentication Required), which the JDK transport cannot send through"
          + " a CONNECT tunnel; use " + APACHE, e.getMessage());
    }

    assertEquals(List.of("CONNECT 127.0.0.1:" + TLS_API.port() + " HTTP/1.1"),
        AUTH_PROXY.requestsAfter(proxyMark, 1));
  }
}
