package dev.apikeys.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The checked fields of an update request; a null field was absent and stays unchanged, and
 * {@code expiresAtSet} tells an absent {@code expires_at} from an explicit null.
 */
record KeyChanges(
    @Nullable String name, @Nullable String description, @Nullable Boolean restricted,
    @Nullable List<String> permissions, boolean expiresAtSet, @Nullable Instant expiresAt) {

  /**
   * Reads and checks an update body.
   *
   * @throws ApiError 400 for a wrong type or an unknown permission
   */
  static KeyChanges from(ObjectNode body) {
    return new KeyChanges(KeyRules.name(body), KeyRules.text(body, "description"),
        KeyRules.bool(body, "restricted"), KeyRules.permissions(body),
        body.has("expires_at"), KeyRules.expiresAt(body, true));
  }

  /**
   * Reads and checks the account API's {@code ApiKeyInput}: {@code description} replaces the
   * description; {@code flatPermissionsList} is the complete list of permissions, and a key
   * given a list is restricted to it; {@code expiresAt} null or empty removes the expiry, and
   * an absent one leaves it.
   *
   * @throws ApiError 400 for a missing required field, a wrong type or an unknown permission
   */
  static KeyChanges fromApiKeyInput(ObjectNode body) {
    String description = KeyRules.requiredText(body, "description");
    List<String> permissions = KeyRules.permissions(body, "flatPermissionsList");
    if (permissions == null) {
      throw ApiError.badRequest("flatPermissionsList is required");
    }
    return new KeyChanges(null, description, true, permissions, body.has("expiresAt"),
        KeyRules.expiresAtOrNever(body));
  }
}
