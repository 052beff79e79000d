package dev.apikeys.sdk.internal.proxy;

import dev.apikeys.sdk.ProxyOptions;
import dev.apikeys.sdk.internal.call.Futures;
import dev.apikeys.sdk.internal.transport.Driver;
import dev.apikeys.sdk.internal.transport.HttpCall;
import dev.apikeys.sdk.internal.transport.HttpResult;
import dev.apikeys.sdk.internal.transport.HttpTransport;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends through the proxy of the transport, just above it: on the SDK's own JDK client, adds
 * {@code Proxy-Authorization: Basic ...} to the plain {@code http://} requests that go through
 * the proxy (the JDK sends no credentials of its own without an {@code Authenticator}, which
 * would drop the SDK's {@code Authorization}; other transports send them themselves); on any
 * transport, turns the proxy's refusals and absence into
 * failures that name the proxy (see {@link ProxyFailures}). Below the logging and interceptor
 * layers, so neither ever sees the header.
 */
public final class ProxyTransport implements HttpTransport {

  private static final String HEADER = "Proxy-Authorization";

  private final HttpTransport next;
  private final ProxyOptions proxy;
  private final Map<String, String> authorization;
  private final boolean jdk;

  /**
   * Creates the layer.
   *
   * @param next the transport, which sends through {@code proxy}
   * @param proxy the proxy
   * @param sendCredentials whether this layer sends the proxy's credentials (the JDK's)
   */
  public ProxyTransport(HttpTransport next, ProxyOptions proxy, boolean sendCredentials) {
    this.next = next;
    this.proxy = proxy;
    this.jdk = sendCredentials;
    this.authorization = sendCredentials && proxy.hasCredentials()
        ? Map.of(HEADER, basic(proxy.username().orElseThrow(), proxy.password()))
        : Map.of();
  }

  @Override
  public CompletableFuture<HttpResult> send(HttpCall call, Driver driver) {
    return Futures.then(next.send(toSend(call), driver), (result, error) -> error != null
        ? CompletableFuture.failedFuture(ProxyFailures.of(call, proxy, error, jdk))
        : CompletableFuture.completedFuture(checked(call, result)));
  }

  private HttpCall toSend(HttpCall call) {
    return "http".equals(call.uri().getScheme()) && proxy.appliesTo(call.uri())
        ? call.withHeaders(authorization) : call;
  }

  private HttpResult checked(HttpCall call, HttpResult result) {
    if (ProxyFailures.isProxyRefusal(call, proxy, result)) {
      throw ProxyFailures.authenticationRequired(call, proxy, result, jdk);
    }
    return result;
  }

  /** Encodes {@code user:password} as UTF-8, as RFC 7617 advises. */
  private static String basic(String username, char[] password) {
    byte[] pair = (username + ':' + new String(password)).getBytes(StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(pair);
  }
}
