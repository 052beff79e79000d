package dev.apikeys.sdk.interceptors;

import java.util.Map;

/**
 * One call as interceptors see it: the operation and its path, and a place to keep state from
 * {@code beforeCall} to {@code afterCall}. Never the token or a body.
 */
public interface CallContext {

  /**
   * Returns the spec's operation id, such as {@code updateApiKey}: a low-cardinality name.
   *
   * @return the operation id
   */
  String operationId();

  /**
   * Returns the HTTP method, such as {@code PATCH}.
   *
   * @return the HTTP method
   */
  String method();

  /**
   * Returns the spec's path, such as {@code /v1/api_key/{id}}: a low-cardinality name.
   *
   * @return the path template
   */
  String pathTemplate();

  /**
   * Returns the path as sent, such as {@code /v1/api_key/key_1}, without the query.
   *
   * @return the path
   */
  String path();

  /**
   * Returns this call's attributes, where an interceptor keeps what it needs between its hooks
   * (a timer sample, a span). Not thread-safe; one call's hooks never run at the same time.
   *
   * @return the attributes, mutable, empty at first
   */
  Map<String, Object> attributes();

  /**
   * Adds a header to every attempt of this call made from now on.
   *
   * @param name an HTTP token, not a header the SDK sets (Authorization, x-account-id, ...) nor
   *     a connection-level one
   * @param value no CR, LF or other control character
   * @throws IllegalArgumentException if the name or value is refused
   */
  void addHeader(String name, String value);
}
