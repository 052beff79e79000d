package dev.apikeys.sdk.internal.transport;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One logical call as the transport layers see it: what to send, and the limits that bound all
 * its attempts.
 *
 * @param operationId the spec's operation id, such as {@code updateApiKey}
 * @param method the HTTP method
 * @param uri the full request URI
 * @param pathTemplate the spec's path, such as {@code /v1/api_key/{id}}
 * @param path the path as sent, without the query (which is caller data), for logs
 * @param headers the headers of every attempt, besides those the transport adds; immutable
 * @param body the JSON body, or null for none
 * @param attemptTimeout how long one attempt may take
 * @param maxRetries how many times a failed attempt may be retried
 * @param deadline when the whole call, waits included, must end; null for no deadline
 * @param attempt which attempt this is, from 1
 * @param observer the interceptors' watch over the attempts, or null when there are none
 * @param sentToken the token of the latest attempt, set by the authentication layer
 */
public record HttpCall(
    String operationId,
    String method,
    URI uri,
    String pathTemplate,
    String path,
    Map<String, String> headers,
    byte @Nullable [] body,
    Duration attemptTimeout,
    int maxRetries,
    @Nullable Instant deadline,
    int attempt,
    @Nullable CallObserver observer,
    SentToken sentToken) {

  /**
   * Returns this call as attempt number {@code number}, with that attempt's timeout.
   *
   * @param number the attempt number, from 1
   * @param timeout how long this attempt may take
   * @return the attempt
   */
  public HttpCall forAttempt(int number, Duration timeout) {
    if (number == attempt && timeout.equals(attemptTimeout)) {
      return this;
    }
    return new HttpCall(operationId, method, uri, pathTemplate, path, headers, body, timeout,
        maxRetries, deadline, number, observer, sentToken);
  }

  /**
   * Returns this call sent to another URI, for a redirect.
   *
   * @param target the new URI
   * @param newMethod the method to use there
   * @param newBody the body to send there, or null
   * @return the redirected call
   */
  public HttpCall redirectedTo(URI target, String newMethod, byte @Nullable [] newBody) {
    return new HttpCall(operationId, newMethod, target, pathTemplate, target.getRawPath(),
        headers, newBody, attemptTimeout, maxRetries, deadline, attempt, observer, sentToken);
  }

  /**
   * Returns this call with more headers, for the interceptors of one attempt.
   *
   * @param extra the headers to add
   * @return the call with them
   */
  public HttpCall withHeaders(Map<String, String> extra) {
    if (extra.isEmpty()) {
      return this;
    }
    Map<String, String> merged;
    if (headers.isEmpty() && extra.size() == 1) {   // most calls: the token alone
      merged = Map.copyOf(extra);
    } else {
      merged = new LinkedHashMap<>(headers);
      merged.putAll(extra);
      merged = Collections.unmodifiableMap(merged);
    }
    return new HttpCall(operationId, method, uri, pathTemplate, path, merged, body,
        attemptTimeout, maxRetries, deadline, attempt, observer, sentToken);
  }

  /**
   * Returns the method and path, for messages: {@code GET /v1/api_key/key_1}.
   *
   * @return the method and path
   */
  public String describe() {
    return method + " " + path;
  }
}
