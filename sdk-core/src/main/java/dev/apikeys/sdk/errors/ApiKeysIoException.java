package dev.apikeys.sdk.errors;

/**
 * No answer came from the server: the connection failed or was reset, the call timed out, or the
 * calling thread was interrupted (its interrupt flag is kept). Thrown after the retries allowed
 * were spent.
 */
public class ApiKeysIoException extends ApiKeysException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public ApiKeysIoException(String message, Throwable cause) {
    super(message, cause);
  }
}
