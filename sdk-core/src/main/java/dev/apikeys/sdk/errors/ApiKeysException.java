package dev.apikeys.sdk.errors;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception the SDK throws for a failed call. Unchecked.
 *
 * <p>Subclasses: {@link ApiKeysServiceException} when the server answered with an error status,
 * {@link ApiKeysIoException} when no answer came (network failure, timeout, interruption), and
 * {@link InvalidResponseException} when a successful answer could not be read. Messages never
 * contain the token or a key's secret.
 */
public class ApiKeysException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong
   */
  public ApiKeysException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure, or null when unknown
   */
  public ApiKeysException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
