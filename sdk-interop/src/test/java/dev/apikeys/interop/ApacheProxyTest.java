package dev.apikeys.interop;

import static dev.apikeys.interop.FastApiApp.seededId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.ProxyOptions;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.transport.apache5.ApacheTransport;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * {@link ProxyContract} on the Apache transport, its proxy set with
 * {@code ApacheTransport.builder().proxy(...)}; and what only this transport does: Basic
 * credentials through a {@code CONNECT} tunnel, and a wrong password there ending in one
 * attempt that names the proxy and the user.
 */
class ApacheProxyTest extends ProxyContract {

  @Override
  ApiKeysClient build(ApiKeysClient.Builder builder, ProxyOptions proxy, SSLContext trust) {
    ApacheTransport.Builder transport = ApacheTransport.builder().proxy(proxy);
    if (trust != null) {
      transport.sslContext(trust);
    }
    return builder.transport(transport.build()).build();
  }

  /** As shared/API.md has it: the client's proxy(...) on either transport. */
  @Test
  void theClientsProxyIsHandedToTheTransport() {
    int proxyMark = AUTH_PROXY.mark();

    try (ApiKeysClient client = ApiKeysClient.builder().baseUrl(TLS_API.baseUrl())
        .token(FastApiApp.ADMIN_TOKEN)
        .proxy(through(AUTH_PROXY).credentials(USER, PASSWORD).build())
        .transport(ApacheTransport.builder().sslContext(TLS_API.sslContext()).build())
        .build()) {
      assertEquals(seededId(1), client.apiKeys().retrieve(seededId(1)).id());
    }

    assertEquals(List.of("CONNECT 127.0.0.1:" + TLS_API.port() + " HTTP/1.1"),
        AUTH_PROXY.requestsAfter(proxyMark, 1));
  }

  @Test
  void credentialsGoThroughAConnectTunnel() {
    int proxyMark = AUTH_PROXY.mark();
    int apiMark = TLS_API.accessLog().mark();

    try (ApiKeysClient client = clientOf(TLS_API,
        through(AUTH_PROXY).credentials(USER, PASSWORD).build())) {
      assertEquals(seededId(1), client.apiKeys().retrieve(seededId(1)).id());
      assertEquals(seededId(1), client.async().apiKeys().retrieve(seededId(1)).join().id());
    }

    // one CONNECT each (credentials sent first, not after a 407), blocking then async
    assertEquals(List.of("CONNECT 127.0.0.1:" + TLS_API.port() + " HTTP/1.1",
        "CONNECT 127.0.0.1:" + TLS_API.port() + " HTTP/1.1"),
        AUTH_PROXY.requestsAfter(proxyMark, 2));
    List<AccessLog.Entry> seen = TLS_API.accessLog().entriesAfter(apiMark, 2);
    assertEquals(List.of(PATH, PATH), seen.stream().map(AccessLog.Entry::uri).toList());
  }

  /** tinyproxy answers a wrong password to CONNECT with 401, HttpClient asks only once. */
  @Test
  void aWrongPasswordForATunnelIsOneAttemptNamingTheProxyAndTheUser() {
    int proxyMark = AUTH_PROXY.mark();
    int apiMark = TLS_API.accessLog().mark();

    try (ApiKeysClient client = clientOf(TLS_API,
        through(AUTH_PROXY).credentials(USER, WRONG_PASSWORD).build())) {
      ApiKeysIoException e = assertThrows(ApiKeysIoException.class,
          () -> client.apiKeys().retrieve(seededId(1)));
      assertEquals("GET " + PATH + " failed: the proxy at 127.0.0.1:" + AUTH_PROXY.port()
          + " refused the tunnel to 127.0.0.1:" + TLS_API.port() + ": it refused the"
          + " credentials of user " + USER + " (status 401)",
          e.getMessage());
    }

    assertEquals(List.of("CONNECT 127.0.0.1:" + TLS_API.port() + " HTTP/1.1"),
        AUTH_PROXY.requestsAfter(proxyMark, 1));
    assertEquals(TLS_API.accessLog().mark(), apiMark);
  }
}
