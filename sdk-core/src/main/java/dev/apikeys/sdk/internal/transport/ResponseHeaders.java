package dev.apikeys.sdk.internal.transport;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Looks up response headers, whose names the transport stores in lower case. */
public final class ResponseHeaders {

  private ResponseHeaders() {
  }

  /**
   * Returns the first value of a header.
   *
   * @param headers the headers, names in lower case; may be null
   * @param name the header name, in any case
   * @return the first value, or empty when there is none
   */
  public static Optional<String> first(Map<String, List<String>> headers, String name) {
    if (headers == null) {
      return Optional.empty();
    }
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
