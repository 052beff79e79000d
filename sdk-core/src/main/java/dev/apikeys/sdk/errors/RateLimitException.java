package dev.apikeys.sdk.errors;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 429: too many requests. Retried by default after the server's {@code Retry-After}; when
 * the server asks for a wait longer than the retry policy's cap, the call fails at once with this
 * exception and {@link #retryAfter()} says how long the server asked for.
 */
public class RateLimitException extends ApiKeysServiceException {

  private static final long serialVersionUID = 1L;

  /** The wait the server asked for, or null. */
  private final @Nullable Duration retryAfter;

  /**
   * Creates the exception for a 429 response.
   *
   * @param statusCode the HTTP status
   * @param error the server's message, or null
   * @param body the body, secrets masked
   * @param headers the response headers, keys in lower case
   * @param retryAfter the wait the server asked for, or null when it named none
   */
  public RateLimitException(int statusCode, @Nullable String error, String body,
      Map<String, List<String>> headers, @Nullable Duration retryAfter) {
    this(statusCode, error, List.of(), body, headers, retryAfter);
  }

  /**
   * Creates the exception for a 429 response, with the items of the server's validation list.
   *
   * @param statusCode the HTTP status
   * @param error the server's message, or null
   * @param details the items of the server's validation list, possibly empty
   * @param body the body, secrets masked
   * @param headers the response headers, keys in lower case
   * @param retryAfter the wait the server asked for, or null when it named none
   */
  public RateLimitException(int statusCode, @Nullable String error, List<ErrorDetail> details,
      String body, Map<String, List<String>> headers, @Nullable Duration retryAfter) {
    super(statusCode, error, details, body, headers);
    this.retryAfter = retryAfter;
  }

  /**
   * Returns the wait the server asked for in {@code Retry-After} or {@code retry-after-ms}.
   *
   * @return the wait the server asked for in {@code Retry-After} or {@code retry-after-ms}
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public @Nullable String getMessage() {
    String message = super.getMessage();
    if (retryAfter == null) {
      return message;
    }
    return message + "; the server asked to retry after "
        + (retryAfter.getSeconds() < Long.MAX_VALUE / 1000 ? retryAfter.toMillis() + " ms"
            : retryAfter.getSeconds() + " s");
  }
}
