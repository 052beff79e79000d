package dev.apikeys.sdk.internal.errors;

import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.internal.call.Futures;
import dev.apikeys.sdk.internal.net.ConnectionFailure;
import dev.apikeys.sdk.internal.net.ProxyUnreachableException;
import dev.apikeys.sdk.internal.transport.HttpCall;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.Optional;

/** Turns what a transport threw into the SDK's exception, naming the call and its server. */
public final class Failures {

  private Failures() {
  }

  /**
   * Returns the SDK's exception for a failure of a call. A network failure's message names the
   * call, the host and port (never the query), and why it failed:
   * {@code GET /v1/api_key/key_1 to localhost:54321 failed: connection refused (...)}.
   *
   * @param call the call
   * @param error what was thrown, possibly wrapped by a future
   * @return the exception to throw
   */
  public static ApiKeysException of(HttpCall call, Throwable error) {
    Throwable cause = Futures.unwrap(error);
    if (cause instanceof ApiKeysException) {
      return (ApiKeysException) cause;
    }
    if (!(cause instanceof IOException)) {
      // Not the cause's message: a JDK refusal can quote a header value, such as the token.
      return new ApiKeysException(call.describe() + " failed: " + cause.getClass().getName(),
          cause);
    }
    String target = call.describe() + " to " + (cause instanceof ProxyUnreachableException
        ? "the proxy at " + ((ProxyUnreachableException) cause).proxyAddress()
        : hostAndPort(call.uri()));
    Optional<ConnectionFailure> failure = ConnectionFailure.of(cause);
    if (failure.isPresent()) {
      return new ApiKeysIoException(target + " failed: " + failure.get().describe(cause),
          cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new ApiKeysIoException(target + " timed out: " + cause.getMessage(), cause);
    }
    return new ApiKeysIoException(target + " failed: " + cause, cause);
  }

  private static String hostAndPort(URI uri) {
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return uri.getHost() + ":" + port;
  }
}
