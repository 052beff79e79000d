package dev.apikeys.sdk.errors;

import java.util.List;
import java.util.Map;

/** An error status that has no more specific exception, such as 418. */
public class UnexpectedStatusException extends ApiKeysServiceException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a non-2xx response.
   *
   * @param statusCode the HTTP status
   * @param error the server's {@code error} message, or null
   * @param body the raw body
   * @param headers the response headers, keys in lower case
   */
  public UnexpectedStatusException(int statusCode, String error, String body,
      Map<String, List<String>> headers) {
    super(statusCode, error, body, headers);
  }
}
