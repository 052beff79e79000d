package dev.apikeys.testkit.internal;

import java.util.List;
import java.util.Objects;

/**
 * Who a bearer token stands for: an account administrator, who may do everything, or a
 * restricted API key, which may do what its permissions allow.
 *
 * @param id the user or key id, shown as {@code creator_id} of the keys it creates
 * @param administrator whether the caller is an account administrator
 * @param permissions the permissions of a restricted caller; ignored for an administrator
 */
public record Caller(String id, boolean administrator, List<String> permissions) {

  /** Copies the permissions and checks that nothing is null. */
  public Caller {
    Objects.requireNonNull(id, "id");
    permissions = List.copyOf(permissions);
  }

  /** Returns whether this caller may use an operation that needs {@code permission}. */
  boolean may(String permission) {
    return administrator || permissions.contains(permission);
  }
}
