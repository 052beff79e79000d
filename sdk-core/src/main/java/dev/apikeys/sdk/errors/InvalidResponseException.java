package dev.apikeys.sdk.errors;

import java.util.List;
import java.util.Map;

/**
 * The server answered with a success status, but the body could not be read as the documented
 * type (malformed JSON, a wrong type, a missing required field). {@link #body()} holds the raw
 * body for diagnosis; the message never includes it.
 */
public class InvalidResponseException extends ApiKeysException {

  private static final long serialVersionUID = 1L;

  /** @serial the HTTP status */
  private final int statusCode;
  /** @serial the raw body */
  private final String body;
  private final transient Map<String, List<String>> headers;

  /**
   * Creates an exception for an unreadable success response.
   *
   * @param message what could not be read
   * @param statusCode the HTTP status
   * @param body the raw body, possibly empty
   * @param headers the response headers
   * @param cause the parsing failure, may be null
   */
  public InvalidResponseException(String message, int statusCode, String body,
      Map<String, List<String>> headers, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.body = body == null ? "" : body;
    this.headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  /**
   * Returns the HTTP status of the response.
   *
   * @return the HTTP status of the response
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns the raw response body, empty when there was none.
   *
   * @return the raw response body, empty when there was none
   */
  public String body() {
    return body;
  }

  /**
   * Returns the response headers, keys in lower case.
   *
   * @return the response headers, keys in lower case
   */
  public Map<String, List<String>> headers() {
    return headers;
  }
}
