package dev.apikeys.testkit;

import static dev.apikeys.testkit.RawApi.KEYS;
import static dev.apikeys.testkit.RawApi.assertError;
import static dev.apikeys.testkit.RawApi.assertJson;
import static dev.apikeys.testkit.RawApi.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Seeded: key_0001 unrestricted, key_0002 restricted, key_0003 unrestricted and expiring. */
class UpdateApiKeyTest extends SpecCheckedTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API = new MockApiKeysServerExtension(
      MockApiKeysServer.builder().seed(3).clock(TestClocks.FIXED));

  UpdateApiKeyTest(MockApiKeysServer server) {
    super(server);
  }

  @Test
  void changesTheGivenFieldsAndKeepsTheOthers() {
    String updated = """
        {"id": "key_0001", "name": "renamed", "description": "new words",
         "created_date": "2024-01-01T00:00:00Z", "last_four_digits": "4c84",
         "creator_id": "user_admin", "restricted": false, "permissions": [],
         "expires_at": null}
        """;
    assertJson(200, updated, api.patch(KEYS + "key_0001",
        "{\"name\": \"renamed\", \"description\": \"new words\"}").send());
    assertJson(200, updated, api.get(KEYS + "key_0001").send());
  }

  @Test
  void emptyBodyChangesNothing() {
    String before = api.get(KEYS + "key_0002").send().body();

    assertJson(200, before, api.patch(KEYS + "key_0002", "{}").send());
  }

  @Test
  void permissionsReplaceTheWholeList() {
    assertEquals(tree("[\"webhooks.view\"]"),
        permissionsAfter("key_0002", "{\"permissions\": [\"webhooks.view\"]}"));
    assertEquals(tree("[]"), permissionsAfter("key_0002", "{\"permissions\": []}"));
  }

  @Test
  void permissionsOnAnUnrestrictedKeyAreBadRequestAndChangeNothing() {
    String before = api.get(KEYS + "key_0001").send().body();

    assertError(400, "Permissions can only be set on restricted API keys",
        api.patch(KEYS + "key_0001", "{\"permissions\": [\"calls.view\"]}").send());
    assertJson(200, before, api.get(KEYS + "key_0001").send());
  }

  @Test
  void restrictingAndGrantingWorkInOneRequest() {
    JsonNode key = tree(api.patch(KEYS + "key_0001",
        "{\"restricted\": true, \"permissions\": [\"calls.view\"]}").send().body());

    assertEquals(true, key.get("restricted").booleanValue());
    assertEquals(tree("[\"calls.view\"]"), key.get("permissions"));
  }

  @Test
  void restrictingWithoutPermissionsGivesAnEmptyList() {
    JsonNode key = tree(api.patch(KEYS + "key_0001", "{\"restricted\": true}").send().body());

    assertEquals(true, key.get("restricted").booleanValue());
    assertEquals(tree("[]"), key.get("permissions"));
  }

  @Test
  void unrestrictingClearsThePermissions() {
    JsonNode key = tree(api.patch(KEYS + "key_0002", "{\"restricted\": false}").send().body());

    assertEquals(false, key.get("restricted").booleanValue());
    assertEquals(tree("[]"), key.get("permissions"));
  }

  @Test
  void unrestrictingWhileGrantingIsBadRequest() {
    assertError(400, "Permissions can only be set on restricted API keys",
        api.patch(KEYS + "key_0002",
            "{\"restricted\": false, \"permissions\": [\"calls.view\"]}").send());
  }

  @Test
  void expiresAtIsSetInUtc() {
    assertEquals("2031-02-03T02:05:06Z", expiresAtAfter("key_0001",
        "{\"expires_at\": \"2031-02-03T04:05:06+02:00\"}"));
  }

  @Test
  void explicitNullExpiresAtRemovesTheExpiry() {
    assertEquals(null, expiresAtAfter("key_0003", "{\"expires_at\": null}"));
  }

  @Test
  void absentExpiresAtLeavesTheExpiry() {
    assertEquals("2030-01-01T00:00:00Z", expiresAtAfter("key_0003", "{\"name\": \"other\"}"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"permissions\": [\"calls.fly\"]}       | Invalid permissions provided: calls.fly",
      "{\"name\": \"\"}                         | name must not be empty",
      "{\"name\": null}                         | name must be a string",
      "{\"restricted\": null}                   | restricted must be a boolean",
      "{\"permissions\": null}                  | permissions must be an array of strings",
      "{\"expires_at\": \"soon\"}               | expires_at must be an ISO-8601 date-time"
          + " with an offset, or null; was: 'soon'",
      "{\"expires_at\": 5}                      | expires_at must be an ISO-8601 date-time"
          + " with an offset, or null",
      "{\"name\": \"x\"                         | Malformed JSON body",
      "{\"flatPermissionsList\": []}           | Unknown fields: flatPermissionsList",
      "\"name\"                                 | Request body must be a JSON object"})
  void invalidBodyIsBadRequest(String body, String message) {
    assertError(400, message, api.patch(KEYS + "key_0002", body).send());
  }

  @Test
  void unknownKeyIsNotFound() {
    assertError(404, "API key not found",
        api.patch(KEYS + "key_0099", "{\"name\": \"x\"}").send());
  }

  @Test
  void keyOfAnotherAccountIsNotFound() {
    assertError(404, "API key not found",
        api.patch(KEYS + "key_0001", "{\"name\": \"x\"}").account("acct_other").send());
  }

  private JsonNode permissionsAfter(String id, String body) {
    return tree(api.patch(KEYS + id, body).send().body()).get("permissions");
  }

  private String expiresAtAfter(String id, String body) {
    JsonNode key = tree(api.patch(KEYS + id, body).send().body());
    assertEquals(key, tree(api.get(KEYS + id).send().body()));
    return key.get("expires_at").textValue();
  }
}
