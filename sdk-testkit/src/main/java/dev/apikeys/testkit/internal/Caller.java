package dev.apikeys.testkit.internal;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who a bearer token stands for: an account administrator, who may do everything, or an API
 * key, which may do what its {@link KeyLimits} allow. Immutable.
 *
 * <p>Not public API: use {@code dev.apikeys.testkit.MockApiKeysServer.Builder}.
 */
public final class Caller {

  private final String userId;
  private final @Nullable KeyLimits key;

  private Caller(String userId, @Nullable KeyLimits key) {
    this.userId = Objects.requireNonNull(userId, "userId");
    this.key = key;
  }

  /**
   * Returns an account administrator.
   *
   * @param userId the {@code creator_id} of the keys it creates
   * @return the caller
   */
  public static Caller administrator(String userId) {
    return new Caller(userId, null);
  }

  /**
   * Returns the token of a restricted API key that is not in the store: it may do what its
   * permissions allow, in any account, but update no stored key.
   *
   * @param userId the {@code creator_id} of the keys it creates
   * @param permissions the key's permissions, as sent on the wire
   * @return the caller
   */
  public static Caller restrictedKey(String userId, List<String> permissions) {
    return new Caller(userId, KeyLimits.unstored(permissions));
  }

  /** The token of a stored key: it acts for the key's creator, in the key's account. */
  static Caller storedKey(String account, StoredKey key) {
    return new Caller(key.creatorId(), KeyLimits.of(account, key));
  }

  /** The {@code creator_id} of the keys this caller creates. */
  String userId() {
    return userId;
  }

  boolean administrator() {
    return key == null;
  }

  /** What an API key's token is limited to; null for an administrator. */
  @Nullable KeyLimits key() {
    return key;
  }

  /** Returns whether this caller may use an operation that needs {@code permission}. */
  boolean may(String permission) {
    KeyLimits limits = key;
    return limits == null || limits.allows(permission);
  }
}
