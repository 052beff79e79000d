package dev.apikeys.sdk.interceptors;

/** One attempt of a call as interceptors see it. */
public interface AttemptContext {

  /**
   * Returns the call this attempt belongs to.
   *
   * @return the call
   */
  CallContext call();

  /**
   * Returns which attempt this is, from 1; the retries are 2 and up. The repeat of an attempt
   * with a renewed token after a 401 (see {@link dev.apikeys.sdk.TokenProvider}) is no retry:
   * it has the number of the attempt it repeats.
   *
   * @return the attempt number
   */
  int number();

  /**
   * Adds a header to this attempt only.
   *
   * @param name an HTTP token, not a header the SDK sets nor a connection-level one
   * @param value no CR, LF or other control character
   * @throws IllegalArgumentException if the name or value is refused
   */
  void addHeader(String name, String value);
}
