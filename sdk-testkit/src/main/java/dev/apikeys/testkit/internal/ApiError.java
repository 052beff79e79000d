package dev.apikeys.testkit.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** An error answer of the API: a status and the message of its {@code {"error": ...}} body. */
final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final @Nullable String allow;

  private ApiError(int status, String message, @Nullable String allow) {
    super(message, null, false, false);
    this.status = status;
    this.allow = allow;
  }

  static ApiError of(int status, String message) {
    return new ApiError(status, message, null);
  }

  static ApiError badRequest(String message) {
    return of(400, message);
  }

  static ApiError keyNotFound() {
    return of(404, "API key not found");
  }

  static ApiError methodNotAllowed(String allow) {
    return new ApiError(405, "Method not allowed", allow);
  }

  int status() {
    return status;
  }

  /** The value of the {@code Allow} header that a 405 answer carries. */
  Optional<String> allow() {
    return Optional.ofNullable(allow);
  }
}
