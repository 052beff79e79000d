package dev.apikeys.sdk.errors;

import java.util.List;
import java.util.Objects;

/**
 * One item of a validation error list, such as FastAPI's 422 body
 * {@code {"detail": [{"loc": ["body", "name"], "msg": "field required", "type": "..."}]}}.
 *
 * @param location where the problem is, outermost first, such as {@code [body, name]}; empty
 *     when the server did not say
 * @param message what is wrong, in the server's words
 * @param type the server's code for the kind of problem, or empty
 */
public record ErrorDetail(List<String> location, String message, String type) {

  /**
   * Checks and copies the components.
   *
   * @param location where the problem is
   * @param message what is wrong
   * @param type the kind of problem
   */
  public ErrorDetail {
    location = List.copyOf(Objects.requireNonNull(location, "location must not be null"));
    message = Objects.requireNonNull(message, "message must not be null");
    type = Objects.requireNonNull(type, "type must not be null");
  }

  /**
   * Returns the location as a dotted path, such as {@code body.flatPermissionsList.0}.
   *
   * @return the location as a dotted path; empty when there is none
   */
  public String path() {
    return String.join(".", location);
  }

  /** Returns {@code path: message}, or the message alone when there is no location. */
  @Override
  public String toString() {
    return location.isEmpty() ? message : path() + ": " + message;
  }
}
