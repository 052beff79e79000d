package dev.apikeys.testkit.internal;

/** The operations of the API, each with the permission a restricted key needs for it. */
enum Operation {
  LIST("api_keys.view"),
  CREATE("api_keys.create"),
  RETRIEVE("api_keys.view"),
  UPDATE("api_keys.update"),
  DELETE("api_keys.delete");

  private final String permission;

  Operation(String permission) {
    this.permission = permission;
  }

  String permission() {
    return permission;
  }
}
