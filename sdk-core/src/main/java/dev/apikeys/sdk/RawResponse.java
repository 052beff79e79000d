package dev.apikeys.sdk;

import dev.apikeys.sdk.internal.transport.ResponseHeaders;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A successful response with its HTTP details: status, headers, request id and the parsed body.
 * Immutable.
 *
 * <pre>{@code
 * RawResponse<ApiKey> raw = client.apiKeys().withRawResponse().retrieve("key_1");
 * raw.statusCode();   // 200
 * raw.requestId();    // Optional["req_..."]
 * ApiKey key = raw.body();
 * }</pre>
 *
 * @param <T> the type of the parsed body; {@link Void} for a delete
 */
public final class RawResponse<T> {

  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final @Nullable T body;

  private RawResponse(int statusCode, Map<String, List<String>> headers, @Nullable T body) {
    this.statusCode = statusCode;
    this.headers = headers;
    this.body = body;
  }

  /**
   * Returns a response; the SDK makes them, and test doubles of the raw views can too.
   *
   * @param statusCode the HTTP status
   * @param headers the headers, names in any case (kept in lower case)
   * @param body the parsed body; null for a delete
   * @param <T> the type of the body
   * @return the response
   */
  public static <T> RawResponse<T> of(int statusCode, Map<String, List<String>> headers,
      @Nullable T body) {
    return new RawResponse<>(statusCode, ResponseHeaders.normalized(headers), body);
  }

  /**
   * Returns the HTTP status, such as 200, 201 or 204.
   *
   * @return the HTTP status, such as 200, 201 or 204
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns the response headers, names in lower case.
   *
   * @return the response headers, names in lower case
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the header name, in any case
   * @return the value, or empty when the response has no such header
   */
  public Optional<String> header(String name) {
    return ResponseHeaders.first(headers, name);
  }

  /**
   * Returns the {@code x-request-id} the server gave the response, if any.
   *
   * @return the {@code x-request-id} the server gave the response, if any
   */
  public Optional<String> requestId() {
    return header("x-request-id");
  }

  /**
   * Returns the parsed body; null for a delete.
   *
   * @return the parsed body; null for a delete
   */
  public @Nullable T body() {
    return body;
  }

  /** The body of an operation that answers with one: the generated services' plain views. */
  T requireBody() {
    return Objects.requireNonNull(body, "the response has no body");
  }

  @Override
  public String toString() {
    return "RawResponse{statusCode=" + statusCode + ", requestId=" + requestId().orElse(null)
        + ", body=" + body + '}';
  }
}
