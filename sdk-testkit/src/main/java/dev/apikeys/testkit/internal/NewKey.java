package dev.apikeys.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The checked fields of a create request. */
record NewKey(
    String name, @Nullable String description, boolean restricted, List<String> permissions,
    @Nullable Instant expiresAt) {

  /**
   * Reads and checks a create body.
   *
   * @throws ApiError 400 for a missing name, a wrong type, an unknown permission, or
   *     permissions on a key that is not restricted
   */
  static NewKey from(ObjectNode body) {
    String name = KeyRules.name(body);
    if (name == null) {
      throw ApiError.badRequest("name is required");
    }
    Boolean restricted = KeyRules.bool(body, "restricted");
    List<String> permissions = KeyRules.permissions(body);
    boolean isRestricted = restricted != null && restricted;
    if (permissions != null && !isRestricted) {
      throw ApiError.badRequest(KeyRules.PERMISSIONS_NEED_RESTRICTED);
    }
    return new NewKey(name, KeyRules.text(body, "description"), isRestricted,
        permissions == null ? List.of() : permissions, KeyRules.expiresAt(body, false));
  }
}
