package dev.apikeys.sdk.errors;

import java.util.List;
import java.util.Map;

/** HTTP 401: no token, or a token the server does not know. */
public class AuthenticationException extends ApiKeysServiceException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a 401 response.
   *
   * @param statusCode the HTTP status
   * @param error the server's {@code error} message, or null
   * @param body the raw body
   * @param headers the response headers, keys in lower case
   */
  public AuthenticationException(int statusCode, String error, String body,
      Map<String, List<String>> headers) {
    super(statusCode, error, body, headers);
  }
}
