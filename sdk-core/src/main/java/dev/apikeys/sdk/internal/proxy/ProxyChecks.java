package dev.apikeys.sdk.internal.proxy;

import dev.apikeys.sdk.ProxyOptions;
import java.net.URI;
import dev.apikeys.sdk.transport.Transport;
import java.net.http.HttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The checks that a client's builder makes of its proxy and JDK client before any request: the
 * combinations the JDK's client cannot serve are refused with what to do instead.
 */
public final class ProxyChecks {

  private ProxyChecks() {
  }

  /**
   * Checks a builder's JDK client, proxy and base URL.
   *
   * @param givenClient the JDK client the user gave, or null
   * @param givenTransport the transport the user gave, or null
   * @param proxy the proxy, or null
   * @param baseUri the API's base URL
   * @throws IllegalArgumentException if the given client has an {@code Authenticator}
   * @throws IllegalStateException if a client and a proxy are given, or the proxy has
   *     credentials for an {@code https://} base URL on the JDK transport
   */
  public static void check(@Nullable HttpClient givenClient, @Nullable Transport givenTransport,
      @Nullable ProxyOptions proxy, URI baseUri) {
    if (givenClient != null && givenClient.authenticator().isPresent()) {
      throw new IllegalArgumentException("the HttpClient given to httpClient(...) has an"
          + " Authenticator: the JDK would drop the SDK's Authorization header on the requests"
          + " it answers (the API then answers 403). Build it without authenticator(...); for"
          + " a proxy's credentials, use proxy(ProxyOptions) or, for https:// base URLs, "
          + ProxyFailures.APACHE);
    }
    if (givenClient != null && proxy != null) {
      throw new IllegalStateException("proxy(...) and httpClient(...) cannot be combined: the"
          + " HttpClient given to httpClient(...) keeps its own proxy settings"
          + " (HttpClient.Builder.proxy(...)); set the proxy there, or drop httpClient(...)");
    }
    if (givenTransport == null && proxy != null && proxy.hasCredentials() && "https".equals(baseUri.getScheme())
        && proxy.appliesTo(baseUri)) {
      throw new IllegalStateException("the proxy at " + proxy.host() + ":" + proxy.port()
          + " has credentials, which the JDK transport cannot send through the CONNECT tunnel"
          + " that an https:// base URL needs (the JDK sends them only with an Authenticator,"
          + " which would drop the SDK's Authorization header, and disables Basic for"
          + " tunnels through jdk.http.auth.tunneling.disabledSchemes); use "
          + ProxyFailures.APACHE);
    }
  }
}
