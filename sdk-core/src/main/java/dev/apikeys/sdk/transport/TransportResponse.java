package dev.apikeys.sdk.transport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP response as a {@link Transport} received it: status, headers and the body, read in
 * full and still in its {@code Content-Encoding} (the SDK decodes it). Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * TransportResponse response = TransportResponse.of(200,
 *     Map.of("Content-Type", List.of("application/json")),
 *     "{\"success\": true}".getBytes(StandardCharsets.UTF_8));
 * }</pre>
 */
public final class TransportResponse {

  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  private TransportResponse(int status, Map<String, List<String>> headers, byte[] body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /**
   * Returns a response.
   *
   * @param status the HTTP status, from 100 to 599
   * @param headers the headers, names in any case, each with its values in order; copied
   * @param body the body as received, empty for none; not copied: do not change it afterwards
   * @return the response
   * @throws IllegalArgumentException if the status is out of range
   * @throws NullPointerException if the headers, a name, a value or the body is null
   */
  public static TransportResponse of(int status, Map<String, List<String>> headers,
      byte[] body) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be between 100 and 599; was " + status);
    }
    Objects.requireNonNull(headers, "headers must not be null");
    Objects.requireNonNull(body, "body must not be null (use an empty array for none)");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> {
      Objects.requireNonNull(name, "header name must not be null");
      Objects.requireNonNull(values, "values of header " + name + " must not be null");
      copy.merge(name, List.copyOf(values), (a, b) -> {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return List.copyOf(both);
      });
    });
    return new TransportResponse(status, Collections.unmodifiableMap(copy), body);
  }

  /**
   * Returns the HTTP status.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * Returns the headers, names as received, each with its values in order. Immutable.
   *
   * @return the headers
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Returns the first value of a header, its name looked up without regard to case.
   *
   * @param name the header name
   * @return the first value, or empty when there is none
   */
  public Optional<String> header(String name) {
    Objects.requireNonNull(name, "name must not be null");
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
        return Optional.of(header.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the body as received, still in its content encoding; empty when there was none.
   * The array is the response's own, not a copy: read it, do not change it.
   *
   * @return the body
   */
  public byte[] body() {
    return body;
  }

  /** Shows the status, header names and body size. */
  @Override
  public String toString() {
    return "TransportResponse{status=" + status + ", headers=" + headers.keySet() + ", body="
        + body.length + " bytes}";
  }
}
