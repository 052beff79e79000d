package dev.apikeys.sdk.internal.checks;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Checks header names and values before any request, so that no header can be split. */
public final class HeaderValues {

  private static final Set<String> MANAGED = Set.of("authorization", "x-account-id",
      "idempotency-key", "content-type", "accept", "accept-encoding", "user-agent");

  /** Headers of the connection or the message framing: the HTTP client's alone to send. */
  private static final Set<String> CONNECTION_LEVEL = Set.of("connection", "keep-alive",
      "transfer-encoding", "te", "trailer", "upgrade", "host", "content-length", "expect",
      "proxy-connection", "proxy-authorization", "http2-settings", "content-encoding");

  private HeaderValues() {
  }

  /**
   * Checks a header value.
   *
   * @param value the value
   * @param field the option that carries it, named in the message
   * @return the value
   * @throws NullPointerException if the value is null
   * @throws IllegalArgumentException if it contains CR, LF, another control character or a
   *     character above U+00FF (which the JDK would refuse at send time); the value is not
   *     shown, since it may be secret
   */
  public static String requireValid(String value, String field) {
    Objects.requireNonNull(value, field + " must not be null");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == '\0') {
        throw new IllegalArgumentException(field + " must not contain CR, LF or NUL characters");
      }
      if (c > 0xFF || c == 0x7F || (c < 0x20 && c != '\t')) {
        throw new IllegalArgumentException(field + " must not contain control characters or"
            + " characters above U+00FF");
      }
    }
    return value;
  }

  /**
   * Checks the name of an extra header: an HTTP token, and not one the SDK sets itself.
   *
   * @param name the header name
   * @return the name
   * @throws IllegalArgumentException if the name is not a token or is managed by the SDK
   */
  public static String requireExtraName(String name) {
    Objects.requireNonNull(name, "header name must not be null");
    if (name.isEmpty() || !name.chars().allMatch(HeaderValues::isTokenChar)) {
      throw new IllegalArgumentException("header name must be an HTTP token, was '" + name + "'");
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (MANAGED.contains(lower)) {
      throw new IllegalArgumentException("header " + name + " is set by the SDK; use token(),"
          + " accountId() or idempotencyKey() instead of an extra header");
    }
    if (lower.equals("proxy-authorization")) {
      throw new IllegalArgumentException("header " + name + " cannot be an extra header: give"
          + " the proxy's credentials to ApiKeysClient.Builder.proxy(ProxyOptions.builder()"
          + ".credentials(...)), which sends them only to the proxy");
    }
    if (CONNECTION_LEVEL.contains(lower)) {
      throw new IllegalArgumentException("header " + name + " belongs to the connection or the"
          + " message framing, which the HTTP client manages; it cannot be an extra header");
    }
    return name;
  }

  private static boolean isTokenChar(int c) {
    return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
  }
}
