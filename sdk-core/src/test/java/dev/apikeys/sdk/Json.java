package dev.apikeys.sdk;

/** JSON bodies the server could send, for tests. */
final class Json {

  static final String FULL_KEY = "{\"id\": \"key_1\", \"name\": \"ci-bot\","
      + " \"description\": \"Used by CI\", \"created_date\": \"2023-11-07T05:31:56Z\","
      + " \"last_four_digits\": \"a1b2\", \"creator_id\": \"user_9\", \"restricted\": true,"
      + " \"permissions\": [\"calls.view\", \"calls.create\"],"
      + " \"expires_at\": \"2030-01-01T00:00:00+02:00\", \"some_future_field\": {\"x\": 1}}";

  private Json() {
  }

  static String key(String id) {
    return keyWithPermissions(id, "[]");
  }

  static String keyWithPermissions(String id, String permissions) {
    return "{\"id\": \"" + id + "\", \"name\": \"name-" + id + "\","
        + " \"created_date\": \"2023-11-07T05:31:56Z\", \"last_four_digits\": \"a1b2\","
        + " \"creator_id\": \"user_9\", \"restricted\": true, \"permissions\": "
        + permissions + "}";
  }

  static String keyWithSecret(String id, String secret) {
    String key = key(id);
    return key.substring(0, key.length() - 1) + ", \"key\": \"" + secret + "\"}";
  }
}
