package dev.apikeys.testkit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an API key's token may do and give: the operations its permissions allow, on its own
 * account, and never a key with more than it has itself (no wider permissions, no unrestricted
 * key from a restricted one, no later expiry).
 *
 * @param keyId the key's id, null for a built-in key that is not in the store
 * @param account the key's account, null for a key that is not in the store
 * @param restricted whether the key is restricted to {@code permissions}
 * @param permissions the permissions of a restricted key
 * @param expiresAt when the key expires, null for never
 */
record KeyLimits(@Nullable String keyId, @Nullable String account, boolean restricted,
    List<String> permissions, @Nullable Instant expiresAt) {

  KeyLimits {
    permissions = List.copyOf(permissions);
  }

  static KeyLimits unstored(List<String> permissions) {
    return new KeyLimits(null, null, true, permissions, null);
  }

  static KeyLimits of(String account, StoredKey key) {
    return new KeyLimits(key.id(), account, key.restricted(), key.permissions(),
        key.expiresAt());
  }

  /** Returns whether the key's token may use an operation that needs {@code permission}. */
  boolean allows(String permission) {
    return !restricted || permissions.contains(permission);
  }

  /** Returns whether this is the key with that id. */
  boolean is(String id) {
    return keyId != null && keyId.equals(id);
  }

  /**
   * Checks that a key that this key's token creates, or its own key after an update, has no
   * more than this key has.
   *
   * @throws ApiError 403 naming what the key would gain
   */
  void checkGives(boolean restricted, List<String> permissions, @Nullable Instant expiresAt) {
    if (this.restricted && !restricted) {
      throw ApiError.of(403, "A restricted API key cannot make a key unrestricted");
    }
    if (this.restricted) {
      List<String> beyond = new ArrayList<>(permissions);
      beyond.removeAll(this.permissions);
      if (!beyond.isEmpty()) {
        throw ApiError.of(403, "An API key cannot give permissions it does not have: "
            + String.join(", ", beyond));
      }
    }
    if (this.expiresAt != null && (expiresAt == null || expiresAt.isAfter(this.expiresAt))) {
      throw ApiError.of(403, "An API key cannot give a key a later expiry than its own ("
          + this.expiresAt + ")");
    }
  }
}
