package dev.apikeys.sdk.transport;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as the SDK hands it to a {@link Transport}: method, absolute URI, every
 * header to send, the body and how long the exchange may take. Immutable and thread-safe.
 *
 * <p>The headers are complete: the SDK has put in {@code Authorization}, {@code User-Agent},
 * {@code Accept}, {@code Accept-Encoding}, {@code Content-Type} and the rest; a transport adds
 * only what HTTP itself needs ({@code Host}, {@code Content-Length}).
 *
 * <pre>{@code
 * TransportRequest request = TransportRequest.builder()
 *     .method("GET")
 *     .uri(URI.create("http://localhost:3000/v1/api_key/key_1"))
 *     .header("Accept", "application/json")
 *     .timeout(Duration.ofSeconds(30))
 *     .build();
 * }</pre>
 */
public final class TransportRequest {

  private final String method;
  private final URI uri;
  private final Map<String, String> headers;
  private final byte @Nullable [] body;
  private final Duration timeout;

  private TransportRequest(Builder builder, String method, URI uri, Duration timeout) {
    this.method = method;
    this.uri = uri;
    this.headers = Collections.unmodifiableMap(builder.shareHeaders());
    this.body = builder.body;
    this.timeout = timeout;
  }

  /**
   * Returns a builder; method, URI and timeout must be set.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the HTTP method, in upper case, such as {@code PATCH}.
   *
   * @return the method
   */
  public String method() {
    return method;
  }

  /**
   * Returns the absolute {@code http} or {@code https} URI, query included.
   *
   * @return the URI
   */
  public URI uri() {
    return uri;
  }

  /**
   * Returns every header to send, in the order the SDK set them, one value each; names as
   * given (send them as they are: HTTP names are case-insensitive). Immutable.
   *
   * @return the headers
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Returns the value of a header, its name looked up without regard to case.
   *
   * @param name the header name
   * @return the value, or empty when the request has no such header
   */
  public Optional<String> header(String name) {
    Objects.requireNonNull(name, "name must not be null");
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return Optional.of(header.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the body, or empty for a request without one (such as a {@code GET}). The array is
   * the request's own, not a copy: read it, do not change it.
   *
   * @return the body
   */
  public Optional<byte[]> body() {
    return Optional.ofNullable(body);
  }

  /**
   * Returns how long the whole exchange may take, from sending the request to the last byte of
   * the response body; when it runs out the transport fails the exchange with
   * {@link java.net.http.HttpTimeoutException}. Already cut by the SDK to what the call's
   * deadline leaves.
   *
   * @return the timeout, positive
   */
  public Duration timeout() {
    return timeout;
  }

  /** Shows the method, URI, header names and body size; never a header's value. */
  @Override
  public String toString() {
    return "TransportRequest{" + method + " " + uri + ", headers=" + headers.keySet()
        + ", body=" + (body == null ? "none" : body.length + " bytes") + ", timeout="
        + timeout + '}';
  }

  /** Builds a {@link TransportRequest}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String method;
    private @Nullable URI uri;
    private Map<String, String> headers = new LinkedHashMap<>();
    /** Whether a built request holds {@link #headers}: the next change copies it first. */
    private boolean headersShared;
    private byte @Nullable [] body;
    private @Nullable Duration timeout;

    private Builder() {
    }

    /**
     * Sets the HTTP method. Required.
     *
     * @param method an HTTP method such as {@code GET}; kept in upper case
     * @return this builder
     * @throws IllegalArgumentException if it is blank or not letters only
     */
    public Builder method(String method) {
      Objects.requireNonNull(method, "method must not be null");
      if (!isAsciiLetters(method)) {
        throw new IllegalArgumentException("method must be letters only, such as GET; was '"
            + method + "'");
      }
      this.method = method.toUpperCase(Locale.ROOT);
      return this;
    }

    /**
     * Sets the URI. Required.
     *
     * @param uri an absolute {@code http} or {@code https} URI with a host
     * @return this builder
     * @throws IllegalArgumentException if it is not such a URI
     */
    public Builder uri(URI uri) {
      Objects.requireNonNull(uri, "uri must not be null");
      if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException("uri must be an absolute http or https URI with a"
            + " host; was " + uri);
      }
      this.uri = uri;
      return this;
    }

    /**
     * Sets a header, replacing one set before with the same name in any case.
     *
     * @param name the name, not blank
     * @param value the value, without CR or LF
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or either holds CR or LF
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "header name must not be null");
      if (value == null) {
        throw new NullPointerException("value of header " + name + " must not be null");
      }
      if (name.isBlank() || name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("header name must not be blank nor hold CR or LF");
      }
      if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("value of header " + name
            + " must not hold CR or LF");
      }
      if (headersShared) {
        headers = new LinkedHashMap<>(headers);
        headersShared = false;
      }
      if (!headers.containsKey(name)) {
        for (Iterator<String> names = headers.keySet().iterator(); names.hasNext(); ) {
          if (names.next().equalsIgnoreCase(name)) {
            names.remove();
          }
        }
      }
      headers.put(name, value);
      return this;
    }

    private Map<String, String> shareHeaders() {
      headersShared = true;
      return headers;
    }

    private static boolean isAsciiLetters(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
          return false;
        }
      }
      return !text.isEmpty();
    }

    /**
     * Sets the body. Default: none. The array is not copied: do not change it afterwards.
     *
     * @param body the body, or null for none
     * @return this builder
     */
    public Builder body(byte @Nullable [] body) {
      this.body = body;
      return this;
    }

    /**
     * Sets how long the whole exchange may take. Required.
     *
     * @param timeout positive
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout must not be null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive; was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Returns the request.
     *
     * @return the request
     * @throws NullPointerException if the method, URI or timeout was not set
     */
    public TransportRequest build() {
      return new TransportRequest(this, Objects.requireNonNull(method, "method must be set"),
          Objects.requireNonNull(uri, "uri must be set"),
          Objects.requireNonNull(timeout, "timeout must be set"));
    }
  }
}
