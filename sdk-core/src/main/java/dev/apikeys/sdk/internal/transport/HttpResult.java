package dev.apikeys.sdk.internal.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A response as received: status, headers (names in lower case) and the body, decoded from its
 * content encoding.
 *
 * @param status the HTTP status
 * @param headers the headers, names in lower case
 * @param body the body, empty when there was none
 * @param bodyProblem why the body could not be decoded (such as an unknown content encoding),
 *     or null when it could; the body is then empty
 */
public record HttpResult(int status, Map<String, List<String>> headers, byte[] body,
    @Nullable String bodyProblem) {

  /**
   * Returns the first value of a header, looked up without regard to case.
   *
   * @param name the header name
   * @return the first value, or empty
   */
  public Optional<String> header(String name) {
    return ResponseHeaders.first(headers, name);
  }

  /**
   * Returns the body as UTF-8 text.
   *
   * @return the body as UTF-8 text
   */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Returns whether the status is 2xx.
   *
   * @return whether the status is 2xx
   */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
