package dev.apikeys.sdk.internal.transport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Response headers: names in lower case, looked up without regard to case. The one place that
 * copies and looks them up.
 */
public final class ResponseHeaders {

  private ResponseHeaders() {
  }

  /**
   * Returns the first value of a header.
   *
   * @param headers the headers, names in any case; may be null
   * @param name the header name, in any case
   * @return the first value, or empty when there is none
   */
  public static Optional<String> first(Map<String, List<String>> headers, String name) {
    if (headers == null) {
      return Optional.empty();
    }
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    if (values == null) {
      for (Map.Entry<String, List<String>> header : headers.entrySet()) {
        if (header.getKey().equalsIgnoreCase(name)) {
          values = header.getValue();
          break;
        }
      }
    }
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Returns an immutable copy with every name in lower case, such as a test double's headers;
   * the map itself when it already is one.
   *
   * @param headers the headers, names in any case; may be null
   * @return the headers, names in lower case, immutable
   */
  public static Map<String, List<String>> normalized(Map<String, List<String>> headers) {
    if (headers == null || headers.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> copy = Map.copyOf(headers);
    if (isNormalized(copy)) {
      return copy;
    }
    Map<String, List<String>> lower = new HashMap<>(headers.size() * 2);
    headers.forEach((name, values) -> lower.merge(name.toLowerCase(Locale.ROOT),
        List.copyOf(values), (a, b) -> {
          List<String> both = new ArrayList<>(a);
          both.addAll(b);
          return List.copyOf(both);
        }));
    return Map.copyOf(lower);
  }

  private static boolean isNormalized(Map<String, List<String>> immutable) {
    for (Map.Entry<String, List<String>> header : immutable.entrySet()) {
      String name = header.getKey();
      if (!name.equals(name.toLowerCase(Locale.ROOT))
          || List.copyOf(header.getValue()) != header.getValue()) {
        return false;
      }
    }
    return true;
  }
}
