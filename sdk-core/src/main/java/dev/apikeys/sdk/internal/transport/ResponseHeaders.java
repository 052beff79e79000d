package dev.apikeys.sdk.internal.transport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Response headers: names in lower case, looked up without regard to case. The one place that
 * copies and looks them up.
 */
public final class ResponseHeaders {

  /** The classes of {@code Map.of(...)}: one entry, and none or several. */
  private static final Set<Class<?>> IMMUTABLE_MAPS = Set.of(Map.of("a", 1).getClass(),
      Map.of("a", 1, "b", 2).getClass());

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
   * Returns an immutable copy with every name in lower case, such as a transport's headers; the
   * map itself when it already is one. Values of names that differ only in case are merged.
   *
   * @param headers the headers, names in any case; may be null
   * @return the headers, names in lower case, immutable
   */
  public static Map<String, List<String>> normalized(Map<String, List<String>> headers) {
    if (headers == null || headers.isEmpty()) {
      return Map.of();
    }
    if (IMMUTABLE_MAPS.contains(headers.getClass()) && isNormalized(headers)) {
      return headers;
    }
    @SuppressWarnings("unchecked")
    Map.Entry<String, List<String>>[] lower = new Map.Entry[headers.size()];
    int i = 0;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      lower[i++] = Map.entry(header.getKey().toLowerCase(Locale.ROOT),
          List.copyOf(header.getValue()));
    }
    try {
      return Map.ofEntries(lower);
    } catch (IllegalArgumentException namesDifferingOnlyInCase) {
      return merged(lower);
    }
  }

  private static Map<String, List<String>> merged(Map.Entry<String, List<String>>[] lower) {
    Map<String, List<String>> merged = new HashMap<>();
    for (Map.Entry<String, List<String>> header : lower) {
      merged.merge(header.getKey(), header.getValue(), (a, b) -> {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return List.copyOf(both);
      });
    }
    return Map.copyOf(merged);
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
