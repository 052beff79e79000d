package dev.apikeys.testkit.internal;

/** The operations of the API, each with the permission a restricted key needs for it. */
enum Operation {
  LIST("api_keys.view"),
  CREATE("api_keys.create"),
  RETRIEVE("api_keys.view"),
  UPDATE("api_keys.update"),
  DELETE("api_keys.delete"),
  /** The account API's {@code PATCH /apikeys/{id}}, with its own body and reply. */
  ACCOUNT_UPDATE("api_keys.update");

  private final String permission;

  Operation(String permission) {
    this.permission = permission;
  }

  String permission() {
    return permission;
  }

  /** Whether the operation changes a key; an API key's token may change only its own. */
  boolean updatesAKey() {
    return this == UPDATE || this == ACCOUNT_UPDATE;
  }
}
