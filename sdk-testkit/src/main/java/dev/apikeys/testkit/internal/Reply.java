package dev.apikeys.testkit.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A computed answer: status, headers and body (null for none). */
record Reply(int status, Map<String, String> headers, @Nullable String body) {

  Reply {
    headers = Map.copyOf(headers);
  }

  static Reply json(int status, String body) {
    return new Reply(status, Map.of(), body);
  }

  static Reply empty(int status) {
    return new Reply(status, Map.of(), null);
  }

  static Reply error(ApiError error) {
    Map<String, String> headers = error.allow().map(allow -> Map.of("Allow", allow))
        .orElse(Map.of());
    return new Reply(error.status(), headers, KeyJson.error(error.getMessage()));
  }
}
