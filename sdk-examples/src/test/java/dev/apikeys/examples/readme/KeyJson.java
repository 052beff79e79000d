package dev.apikeys.examples.readme;

/** The JSON of API keys as a server sends them, for the WireMock stubs of these tests. */
final class KeyJson {

  private KeyJson() {
  }

  /** Returns an unrestricted key with the given id, named "ci". */
  static String key(String id) {
    return """
        {"id": "%s", "name": "ci", "created_date": "2024-01-01T00:00:00Z",
         "last_four_digits": "a1b2", "creator_id": "user_1", "restricted": false,
         "permissions": []}""".formatted(id);
  }
}
