package dev.apikeys.sdk.errors;

import java.util.List;
import java.util.Map;

/** HTTP 422: the request was well formed but could not be applied. */
public class UnprocessableEntityException extends ApiKeysServiceException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a 422 response.
   *
   * @param statusCode the HTTP status
   * @param error the server's {@code error} message, or null
   * @param body the raw body
   * @param headers the response headers, keys in lower case
   */
  public UnprocessableEntityException(int statusCode, String error, String body,
      Map<String, List<String>> headers) {
    super(statusCode, error, body, headers);
  }
}
