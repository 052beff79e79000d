package dev.apikeys.sdk.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A response as received: status, headers (names in lower case) and the raw body.
 *
 * @param status the HTTP status
 * @param headers the headers, names in lower case
 * @param body the raw body, empty when there was none
 */
public record HttpResult(int status, Map<String, List<String>> headers, byte[] body) {

  /** Returns the first value of a header, looked up without regard to case. */
  public Optional<String> header(String name) {
    return ResponseHeaders.first(headers, name);
  }

  /** Returns the body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Returns whether the status is 2xx. */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
