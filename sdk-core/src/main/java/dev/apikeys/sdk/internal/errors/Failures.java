package dev.apikeys.sdk.internal.errors;

import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.internal.call.Futures;
import java.io.IOException;
import java.net.http.HttpTimeoutException;

/** Turns what a transport threw into the SDK's exception, naming the call. */
public final class Failures {

  private Failures() {
  }

  /**
   * Returns the SDK's exception for a failure of a call.
   *
   * @param call the call, such as {@code GET /v1/api_key/key_1}
   * @param error what was thrown, possibly wrapped by a future
   * @return the exception to throw
   */
  public static ApiKeysException of(String call, Throwable error) {
    Throwable cause = Futures.unwrap(error);
    if (cause instanceof ApiKeysException) {
      return (ApiKeysException) cause;
    }
    if (cause instanceof HttpTimeoutException) {
      return new ApiKeysIoException(call + " timed out: " + cause.getMessage(), cause);
    }
    if (cause instanceof IOException) {
      return new ApiKeysIoException(call + " failed: " + cause, cause);
    }
    // Not the cause's message: a JDK refusal can quote a header value, such as the token.
    return new ApiKeysException(call + " failed: " + cause.getClass().getName(), cause);
  }
}
