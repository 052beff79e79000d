package dev.apikeys.sdk.errors;

import java.util.List;
import java.util.Map;

/**
 * HTTP 403: the caller may not do this; only account administrators, or keys with the
 * matching {@code api_keys.*} permission, manage keys.
 */
public class PermissionDeniedException extends ApiKeysServiceException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a 403 response.
   *
   * @param statusCode the HTTP status
   * @param error the server's {@code error} message, or null
   * @param body the raw body
   * @param headers the response headers, keys in lower case
   */
  public PermissionDeniedException(int statusCode, String error, String body,
      Map<String, List<String>> headers) {
    super(statusCode, error, body, headers);
  }
}
