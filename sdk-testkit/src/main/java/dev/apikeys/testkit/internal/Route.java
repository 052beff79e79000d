package dev.apikeys.testkit.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The operation that a method and path ask for, and the decoded key id for the operations on
 * one key.
 */
record Route(Operation operation, @Nullable String keyId) {

  static final String COLLECTION = "/v1/api_key/";

  /** The prefix of the account API's path, {@code /apikeys/{id}}. */
  static final String ACCOUNT_KEYS = "/apikeys/";

  /**
   * Matches a request line against the API's paths.
   *
   * @throws ApiError 404 for a path of no operation, 405 for a method the path does not take
   */
  /** The key id of an operation on one key; a collection's route has none. */
  String id() {
    return Objects.requireNonNull(keyId, () -> operation + " is not an operation on one key");
  }

  static Route of(String method, String url) {
    String path = url.split("[?#]", 2)[0];
    if (path.equals(COLLECTION)) {
      return collection(method);
    }
    if (isItem(path, COLLECTION)) {
      return item(method, decode(path.substring(COLLECTION.length())));
    }
    if (isItem(path, ACCOUNT_KEYS)) {
      if (!method.equals("PATCH")) {
        throw ApiError.methodNotAllowed("PATCH");
      }
      return new Route(Operation.ACCOUNT_UPDATE, decode(path.substring(ACCOUNT_KEYS.length())));
    }
    throw ApiError.of(404, "Not found");
  }

  /** Whether the path is the prefix followed by one non-empty segment. */
  private static boolean isItem(String path, String prefix) {
    return path.length() > prefix.length() && path.startsWith(prefix)
        && path.indexOf('/', prefix.length()) < 0;
  }

  private static Route collection(String method) {
    return switch (method) {
      case "GET" -> new Route(Operation.LIST, null);
      case "POST" -> new Route(Operation.CREATE, null);
      default -> throw ApiError.methodNotAllowed("GET, POST");
    };
  }

  private static Route item(String method, String id) {
    return switch (method) {
      case "GET" -> new Route(Operation.RETRIEVE, id);
      case "PATCH" -> new Route(Operation.UPDATE, id);
      case "DELETE" -> new Route(Operation.DELETE, id);
      default -> throw ApiError.methodNotAllowed("GET, PATCH, DELETE");
    };
  }

  /**
   * Decodes one percent-encoded path segment as UTF-8. The HTTP server has already answered 400
   * to malformed percent-encoding.
   */
  private static String decode(String segment) {
    // URLDecoder decodes forms, where '+' means a space; in a path it is a plus sign.
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
