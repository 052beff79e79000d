package dev.apikeys.sdk.errors;

import dev.apikeys.sdk.internal.transport.ResponseHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with an error status. The subclass tells which: {@link BadRequestException}
 * 400, {@link AuthenticationException} 401, {@link PermissionDeniedException} 403,
 * {@link NotFoundException} 404, {@link ConflictException} 409,
 * {@link UnprocessableEntityException} 422, {@link RateLimitException} 429,
 * {@link InternalServerException} 5xx and {@link UnexpectedStatusException} any other.
 *
 * <p>{@link #error()} and the message carry the server's own words whatever the shape of its
 * body: {@code {"error": ...}}, {@code {"detail": ...}}, FastAPI's validation list (also typed,
 * in {@link #details()}), {@code {"message": ...}}, RFC 9457 problem details, or a short excerpt
 * of a text or HTML body.
 *
 * <pre>{@code
 * try {
 *   client.apiKeys().retrieve("key_1");
 * } catch (NotFoundException e) {
 *   e.error();       // "API key not found"
 *   e.requestId();   // Optional["req_..."]
 * }
 * }</pre>
 */
public class ApiKeysServiceException extends ApiKeysException {

  private static final long serialVersionUID = 2L;

  /** The HTTP status. */
  private final int statusCode;
  /** The server's message, or null. */
  private final @Nullable String error;
  private final transient List<ErrorDetail> details;
  /** The body, secrets masked. */
  private final String body;
  private final transient Map<String, List<String>> headers;

  /**
   * Creates an exception for an error response.
   *
   * @param statusCode the HTTP status
   * @param error the server's message, or null when the body had none
   * @param body the body, secrets masked, possibly empty
   * @param headers the response headers, keys in lower case
   */
  public ApiKeysServiceException(int statusCode, @Nullable String error, String body,
      Map<String, List<String>> headers) {
    this(statusCode, error, List.of(), body, headers);
  }

  /**
   * Creates an exception for an error response, with the items of the server's validation list.
   *
   * @param statusCode the HTTP status
   * @param error the server's message, or null when the body had none
   * @param details the items of the server's validation list, possibly empty
   * @param body the body, secrets masked, possibly empty
   * @param headers the response headers, keys in lower case
   */
  public ApiKeysServiceException(int statusCode, @Nullable String error, List<ErrorDetail> details,
      String body, Map<String, List<String>> headers) {
    super(describe(statusCode, error, headers));
    this.statusCode = statusCode;
    this.error = error;
    this.details = details == null ? List.of() : List.copyOf(details);
    this.body = body == null ? "" : body;
    this.headers = ResponseHeaders.normalized(headers);
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
   * Returns the server's message, such as {@code API key not found}, or an empty string when
   * the body did not carry one.
   *
   * @return the server's message
   */
  public String error() {
    return error == null ? "" : error;
  }

  /**
   * Returns the items of the server's validation list (FastAPI's 422 {@code detail} list, or an
   * {@code errors} list), each with its location and message; empty when the body had none.
   * Not kept when the exception is serialized.
   *
   * @return the validation items
   */
  public List<ErrorDetail> details() {
    return details == null ? List.of() : details;
  }

  /**
   * Returns the response body, with any secret it held masked; empty when there was none.
   *
   * @return the response body
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

  /**
   * Returns the {@code x-request-id} the server gave this response, if any.
   *
   * @return the {@code x-request-id} the server gave this response, if any
   */
  public Optional<String> requestId() {
    return ResponseHeaders.first(headers, "x-request-id");
  }

  private static String describe(int statusCode, @Nullable String error,
      Map<String, List<String>> headers) {
    StringBuilder message = new StringBuilder("HTTP ").append(statusCode);
    if (error != null && !error.isEmpty()) {
      message.append(": ").append(error);
    }
    ResponseHeaders.first(headers, "x-request-id")
        .ifPresent(id -> message.append(" (request id ").append(id).append(')'));
    return message.toString();
  }
}
