package dev.apikeys.testkit.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One API key as the store keeps it, secret included. A deleted key stays as a tombstone so
 * that its id still works as a list cursor.
 */
record StoredKey(
    String id,
    String name,
    @Nullable String description,
    Instant createdDate,
    String secret,
    String creatorId,
    boolean restricted,
    List<String> permissions,
    @Nullable Instant expiresAt,
    boolean deleted) {

  StoredKey {
    permissions = List.copyOf(permissions);
  }

  String lastFourDigits() {
    return secret.substring(secret.length() - 4);
  }

  /**
   * Returns this key with the changes applied: absent fields stay, {@code restricted: false}
   * clears the permissions.
   *
   * @throws ApiError 400 when the changes give permissions to a key that is not restricted
   */
  StoredKey with(KeyChanges changes) {
    boolean nowRestricted = changes.restricted() != null ? changes.restricted() : restricted;
    if (changes.permissions() != null && !nowRestricted) {
      throw ApiError.badRequest(KeyRules.PERMISSIONS_NEED_RESTRICTED);
    }
    List<String> nowPermissions = !nowRestricted ? List.of()
        : changes.permissions() != null ? changes.permissions() : permissions;
    return new StoredKey(id,
        changes.name() != null ? changes.name() : name,
        changes.description() != null ? changes.description() : description,
        createdDate, secret, creatorId, nowRestricted, nowPermissions,
        changes.expiresAtSet() ? changes.expiresAt() : expiresAt,
        false);
  }

  StoredKey asDeleted() {
    return new StoredKey(id, name, description, createdDate, secret, creatorId, restricted,
        permissions, expiresAt, true);
  }
}
