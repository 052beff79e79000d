package dev.apikeys.sdk.errors;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** HTTP 5xx: the server failed; 500, 502, 503 and 504 are retried by default. */
public class InternalServerException extends ApiKeysServiceException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a 5xx response.
   *
   * @param statusCode the HTTP status
   * @param error the server's message, or null
   * @param body the body, secrets masked
   * @param headers the response headers, keys in lower case
   */
  public InternalServerException(int statusCode, @Nullable String error, String body,
      Map<String, List<String>> headers) {
    super(statusCode, error, body, headers);
  }

  /**
   * Creates the exception for a 5xx response, with the items of the server's validation list.
   *
   * @param statusCode the HTTP status
   * @param error the server's message, or null
   * @param details the items of the server's validation list, possibly empty
   * @param body the body, secrets masked
   * @param headers the response headers, keys in lower case
   */
  public InternalServerException(int statusCode, @Nullable String error, List<ErrorDetail> details,
      String body, Map<String, List<String>> headers) {
    super(statusCode, error, details, body, headers);
  }
}
