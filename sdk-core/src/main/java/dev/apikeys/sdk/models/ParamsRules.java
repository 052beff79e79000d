package dev.apikeys.sdk.models;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The rules of the API that a params object must meet before it is sent. */
final class ParamsRules {

  private ParamsRules() {
  }

  static void check(CreateApiKeyParams params) {
    boolean restricted = params.restricted().orElse(false);
    requireRestrictedFor(params.permissionValues().orElse(null), restricted,
        "restricted is false (the default)");
  }

  static void check(UpdateApiKeyParams params) {
    boolean unrestricted = !params.restricted().orElse(true);
    requireRestrictedFor(params.permissionValues().orElse(null), !unrestricted,
        "restricted is false");
  }

  private static void requireRestrictedFor(@Nullable List<String> permissions, boolean restricted,
      String why) {
    if (permissions != null && !restricted) {
      throw new IllegalArgumentException("permissions can only be set on a restricted key, but "
          + why + "; call restricted(true) or leave permissions out");
    }
  }
}
