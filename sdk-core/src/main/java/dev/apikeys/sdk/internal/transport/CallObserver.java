package dev.apikeys.sdk.internal.transport;

import org.jspecify.annotations.Nullable;

/**
 * Watches the attempts of one call, for the interceptors: told before each attempt is sent (and
 * may add headers to it) and after it ended. Carried by the {@link HttpCall}.
 */
public interface CallObserver {

  /**
   * Starts an attempt.
   *
   * @param attempt the attempt about to be sent
   * @return the attempt to watch, with the call to send in its place
   * @throws RuntimeException when an interceptor refused the attempt; it is not sent
   */
  Attempt beginAttempt(HttpCall attempt);

  /** One attempt being watched. */
  interface Attempt {

    /**
     * Returns the call to send: the attempt with the headers the interceptors added.
     *
     * @return the call to send
     */
    HttpCall toSend();

    /**
     * Ends the attempt.
     *
     * @param result the response, or null when none came
     * @param failure why none came, or null
     */
    void end(@Nullable HttpResult result, @Nullable Throwable failure);
  }
}
