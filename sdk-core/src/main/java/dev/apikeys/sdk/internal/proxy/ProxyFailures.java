package dev.apikeys.sdk.internal.proxy;

import dev.apikeys.sdk.ProxyOptions;
import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.errors.AuthenticationException;
import dev.apikeys.sdk.errors.UnexpectedStatusException;
import dev.apikeys.sdk.internal.call.Futures;
import dev.apikeys.sdk.internal.json.SecretMask;
import dev.apikeys.sdk.internal.transport.HttpCall;
import dev.apikeys.sdk.internal.transport.HttpResult;
import java.io.IOException;
import dev.apikeys.sdk.internal.net.ConnectionFailure;
import dev.apikeys.sdk.internal.net.ProxyUnreachableException;
import java.net.URI;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a proxy's refusals and absence become, each naming the proxy by host and port (never its
 * credentials): a refusal of a plain {@code http://} request's credentials, a refused
 * {@code CONNECT} tunnel, and a proxy that cannot be reached. Refusals end the call (a retry
 * would be refused alike); an unreachable proxy, or one that could not reach the API (a 5xx to
 * {@code CONNECT}), stays an {@link IOException}, retried as any network failure.
 */
final class ProxyFailures {

  /** The Apache transport, which sends credentials through a {@code CONNECT} tunnel. */
  static final String APACHE = "the Apache transport (apikeys-transport-apache5,"
      + " ApacheTransport.builder().proxy(...))";

  /**
   * A refused tunnel in the words of the JDK ("Unable to tunnel through proxy. Proxy returns
   * \"HTTP/1.1 407 ...\"", "... tunnel failed, got: 403") and of Apache HttpClient 5 ("CONNECT
   * refused by proxy: HTTP/1.1 407 ..."), with the status.
   */
  private static final Pattern TUNNEL = Pattern.compile("(?i)(?:unable to tunnel through proxy"
      + "|tunnel failed|connect refused by proxy)(?:.*?\\b(\\d{3})\\b)?");

  /** The failures to connect that, for a call through the proxy, are the proxy's. */
  private static final Set<ConnectionFailure> UNREACHABLE = EnumSet.of(
      ConnectionFailure.UNKNOWN_HOST, ConnectionFailure.CONNECTION_REFUSED,
      ConnectionFailure.CONNECT_TIMED_OUT);

  private ProxyFailures() {
  }

  /**
   * Returns what a failure of a call through the proxy becomes.
   *
   * @param call the call
   * @param proxy the proxy
   * @param error what the transport threw, possibly wrapped by a future
   * @param jdk whether the transport is the JDK's, which cannot send credentials to CONNECT
   * @return an {@link ApiKeysIoException} for a refused tunnel; a
   *     {@link ProxyUnreachableException} when the proxy cannot be reached; else the failure
   */
  static Throwable of(HttpCall call, ProxyOptions proxy, Throwable error, boolean jdk) {
    Throwable cause = Futures.unwrap(error);
    if (!proxy.appliesTo(call.uri()) || !(cause instanceof IOException)) {
      return cause;
    }
    Matcher tunnel = TUNNEL.matcher(String.valueOf(cause.getMessage()));
    if (tunnel.find()) {
      String status = tunnel.group(1);
      if (status != null && status.startsWith("5")) {
        return withCause(new IOException("the proxy at " + address(proxy) + " could not open"
            + " the tunnel to " + target(call.uri()) + " (status " + status + ")"), cause);
      }
      return tunnelRefused(call, proxy, status, cause, jdk);
    }
    if (ConnectionFailure.of(cause).filter(UNREACHABLE::contains).isPresent()) {
      return new ProxyUnreachableException(address(proxy), cause);
    }
    return cause;
  }

  /**
   * Returns whether a response is the proxy's refusal of a call that went through it: a
   * {@code 407}, or, for a plain {@code http://} call that carried credentials, a {@code 401}
   * with a {@code Basic} challenge, which is how tinyproxy refuses wrong ones (the API, which
   * takes a bearer token, never asks for Basic).
   *
   * @param call the call
   * @param proxy the proxy
   * @param result the response
   * @return whether the proxy refused the call
   */
  static boolean isProxyRefusal(HttpCall call, ProxyOptions proxy, HttpResult result) {
    if (!proxy.appliesTo(call.uri())) {
      return false;
    }
    return result.status() == 407 || result.status() == 401 && proxy.hasCredentials()
        && "http".equals(call.uri().getScheme())
        && result.header("www-authenticate").map(ProxyFailures::isBasic).orElse(false);
  }

  private static boolean isBasic(String challenge) {
    return challenge.strip().toLowerCase(Locale.ROOT).startsWith("basic");
  }

  /**
   * Returns the failure of a call that {@link #isProxyRefusal the proxy refused}: over plain
   * {@code http://}, a service exception of the proxy's status (407, or 401 as
   * {@link AuthenticationException}) whose message says the proxy refused the credentials or
   * asks for some; for {@code https://}, a refused tunnel.
   *
   * @param call the call
   * @param proxy the proxy
   * @param result the proxy's response
   * @param jdk whether the transport is the JDK's, which cannot send credentials to CONNECT
   * @return the exception to throw
   */
  static ApiKeysException authenticationRequired(HttpCall call, ProxyOptions proxy,
      HttpResult result, boolean jdk) {
    int status = result.status();
    if (!"http".equals(call.uri().getScheme())) {
      return tunnelRefused(call, proxy, String.valueOf(status), null, jdk);
    }
    String answer = status == 407 ? "407 Proxy Authentication Required"
        : status + " with a Basic challenge";
    String error = proxy.hasCredentials()
        ? "the proxy at " + address(proxy) + " refused the credentials of user "
            + proxy.username().orElseThrow() + " (" + answer + ")"
        : "the proxy at " + address(proxy) + " asks for credentials (" + answer + "); set"
            + " them with ProxyOptions.Builder.credentials(...)";
    String body = result.bodyProblem() == null ? SecretMask.mask(result.bodyText()) : "";
    return status == 401 ? new AuthenticationException(status, error, body, result.headers())
        : new UnexpectedStatusException(status, error, body, result.headers());
  }

  private static ApiKeysIoException tunnelRefused(HttpCall call, ProxyOptions proxy,
      String status, @Nullable Throwable cause, boolean jdk) {
    String target = target(call.uri());
    // tinyproxy answers a wrong password with 401, other proxies with 407
    boolean credentials = "407".equals(status) || "401".equals(status);
    String answer = "407".equals(status) ? "407 Proxy Authentication Required"
        : "status " + status;
    String why = !credentials ? status == null ? "" : " with " + answer
        : jdk ? ": it asks for credentials (" + answer + "), which the JDK transport cannot"
            + " send through a CONNECT tunnel; use " + APACHE
        : proxy.hasCredentials() ? ": it refused the credentials of user "
            + proxy.username().orElseThrow() + " (" + answer + ")"
        : ": it asks for credentials (" + answer + "); set them with"
            + " ProxyOptions.Builder.credentials(...)";
    return new ApiKeysIoException(call.describe() + " failed: the proxy at " + address(proxy)
        + " refused the tunnel to " + target + why, cause);
  }

  private static String target(URI uri) {
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return uri.getHost() + ":" + port;
  }

  private static String address(ProxyOptions proxy) {
    return proxy.host() + ":" + proxy.port();
  }

  private static IOException withCause(IOException failure, Throwable cause) {
    failure.initCause(cause);
    return failure;
  }
}
