package dev.apikeys.sdk.errors;

import org.jspecify.annotations.Nullable;

/**
 * No answer came from the server: the connection failed or was reset, the call timed out, or the
 * calling thread was interrupted (its interrupt flag is kept). Thrown after the retries allowed
 * were spent, or after the first attempt when no retry can help: an unknown host, a certificate
 * that is not trusted, an {@code https://} server that does not speak TLS, a failed TLS
 * handshake.
 *
 * <p>A network failure's message names the call, the host and port, and what failed, such as
 * {@code GET /v1/api_key/key_1 to localhost:54321 failed: connection refused (nothing listens on
 * that port, or a firewall rejects it)}; never the query or a header. The cause is the
 * transport's own exception.
 */
public class ApiKeysIoException extends ApiKeysException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public ApiKeysIoException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
