package dev.apikeys.sdk.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One logical call: what to send, and the limits that bound all its attempts.
 *
 * @param method the HTTP method
 * @param uri the full request URI
 * @param headers the headers of every attempt, besides those the transport adds
 * @param body the JSON body, or null for none
 * @param attemptTimeout how long one attempt may take
 * @param maxRetries how many times a failed attempt may be retried
 * @param deadline when the whole call, waits included, must end; null for no deadline
 * @param path the path for logs (never the query, which is caller data)
 * @param attempt which attempt this is, from 1
 */
public record HttpCall(
    String method,
    URI uri,
    Map<String, String> headers,
    byte[] body,
    Duration attemptTimeout,
    int maxRetries,
    Instant deadline,
    String path,
    int attempt) {

  /** Copies the headers, so that a call cannot change after it is made. */
  public HttpCall {
    headers = Map.copyOf(headers);
  }

  /**
   * Returns this call as attempt number {@code number}, with that attempt's timeout.
   *
   * @param number the attempt number, from 1
   * @param timeout how long this attempt may take
   * @return the attempt
   */
  public HttpCall forAttempt(int number, Duration timeout) {
    return new HttpCall(method, uri, headers, body, timeout, maxRetries, deadline, path, number);
  }
}
