package dev.apikeys.sdk.internal.transport;

import dev.apikeys.sdk.internal.call.Futures;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Follows redirects within the base URL's origin, so that credentials never go to another one.
 * 307 and 308 repeat the method and body; 303 turns into a GET; 301 and 302 are followed for a
 * GET only (repeating another method elsewhere could lose its effect). A redirect to another
 * origin, or a sixth one in a row, is returned as it is and surfaces as an error.
 */
public final class RedirectingTransport implements HttpTransport {

  /** How many redirects one attempt follows at most. */
  static final int MAX_REDIRECTS = 5;

  private final HttpTransport next;

  /**
   * Creates the layer.
   *
   * @param next the layer that sends each hop
   */
  public RedirectingTransport(HttpTransport next) {
    this.next = next;
  }

  @Override
  public CompletableFuture<HttpResult> send(HttpCall call, Driver driver) {
    return hop(call, 0, driver);
  }

  private CompletableFuture<HttpResult> hop(HttpCall hop, int redirects, Driver driver) {
    return Futures.then(next.send(hop, driver), (result, error) -> {
      if (error != null) {
        return CompletableFuture.failedFuture(error);
      }
      Optional<HttpCall> following = redirects < MAX_REDIRECTS
          ? follow(hop, result) : Optional.empty();
      return following.isEmpty() ? CompletableFuture.completedFuture(result)
          : hop(following.get(), redirects + 1, driver);
    });
  }

  /** Returns the call to make for a redirect, or empty when it must not be followed. */
  static Optional<HttpCall> follow(HttpCall call, HttpResult result) {
    int status = result.status();
    Optional<String> location = result.header("location");
    if (location.isEmpty() || status < 301 || status > 308 || status == 304 || status == 305
        || status == 306) {
      return Optional.empty();
    }
    URI target;
    try {
      target = call.uri().resolve(location.get().trim());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!sameOrigin(call.uri(), target)) {
      return Optional.empty();
    }
    if (status == 307 || status == 308) {
      return Optional.of(call.redirectedTo(target, call.method(), call.body()));
    }
    if (status == 303 || "GET".equals(call.method())) {
      return Optional.of(call.redirectedTo(target, "GET", null));
    }
    return Optional.empty();
  }

  /**
   * Returns whether two URIs share scheme, host and port.
   *
   * @param a one URI
   * @param b the other
   * @return whether they have the same origin
   */
  public static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null && b.getHost() != null
        && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT))
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
