package dev.apikeys.sdk.errors;

import dev.apikeys.sdk.internal.transport.ResponseHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with a success status, but the body could not be read: it is not JSON,
 * is cut off, is not the documented kind of value, or has a content encoding the SDK cannot
 * decode. {@link #body()} holds the body with every secret masked; the message never quotes it.
 *
 * <p>Whatever could be read before the body broke off is in {@link #partial(Class)}: after a
 * {@code create} whose answer was cut short, the new key's id and its secret, if they arrived,
 * are there, so that the key is not lost.
 *
 * <pre>{@code
 * try {
 *   created = client.apiKeys().create(params);
 * } catch (InvalidResponseException e) {
 *   e.partial(ApiKeyWithSecret.class).ifPresent(key -> vault.store(key.id(), key.key()));
 *   throw e;
 * }
 * }</pre>
 */
public class InvalidResponseException extends ApiKeysException {

  private static final long serialVersionUID = 2L;

  /** The HTTP status. */
  private final int statusCode;
  /** The body, secrets masked. */
  private final String body;
  private final transient Map<String, List<String>> headers;
  private final transient @Nullable Object partial;

  /**
   * Creates an exception for an unreadable success response.
   *
   * @param message what could not be read; never the body itself
   * @param statusCode the HTTP status
   * @param body the body, secrets masked, possibly empty
   * @param headers the response headers
   * @param cause the parsing failure, may be null; never one whose message quotes the body
   */
  public InvalidResponseException(String message, int statusCode, String body,
      Map<String, List<String>> headers, @Nullable Throwable cause) {
    this(message, statusCode, body, headers, cause, null);
  }

  /**
   * Creates an exception for an unreadable success response, with what could be read of it.
   *
   * @param message what could not be read; never the body itself
   * @param statusCode the HTTP status
   * @param body the body, secrets masked, possibly empty
   * @param headers the response headers
   * @param cause the parsing failure, may be null; never one whose message quotes the body
   * @param partial the model read from the part of the body before it broke off, or null
   */
  public InvalidResponseException(String message, int statusCode, String body,
      Map<String, List<String>> headers, @Nullable Throwable cause,
      @Nullable Object partial) {
    super(message, cause);
    this.statusCode = statusCode;
    this.body = body == null ? "" : body;
    this.headers = ResponseHeaders.normalized(headers);
    this.partial = partial;
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
   * Returns the response body, with every secret masked; empty when there was none.
   *
   * @return the response body, secrets masked
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
   * Returns the model read from the part of the body that arrived before it broke off, such as
   * the {@code ApiKeyWithSecret} of a cut-off {@code create} answer. Its fields that did not
   * arrive throw when read; {@code validate()} tells which. Not kept when the exception is
   * serialized.
   *
   * @param type the model type the call answers with
   * @param <T> that type
   * @return what could be read, or empty when nothing could or it is of another type
   */
  public <T> Optional<T> partial(Class<T> type) {
    return type.isInstance(partial) ? Optional.of(type.cast(partial)) : Optional.empty();
  }
}
