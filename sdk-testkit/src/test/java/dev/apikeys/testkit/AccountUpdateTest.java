package dev.apikeys.testkit;

import static dev.apikeys.testkit.RawApi.ACCOUNT_KEYS;
import static dev.apikeys.testkit.RawApi.KEYS;
import static dev.apikeys.testkit.RawApi.assertError;
import static dev.apikeys.testkit.RawApi.assertJson;
import static dev.apikeys.testkit.RawApi.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The account API's {@code PATCH /apikeys/{id}}, on the keys of {@code /v1/api_key/}. Seeded:
 * key_0001 unrestricted, key_0002 restricted, key_0003 unrestricted and expiring.
 */
class AccountUpdateTest extends SpecCheckedTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API = new MockApiKeysServerExtension(
      MockApiKeysServer.builder().seed(3).clock(TestClocks.FIXED));

  private static final String SUCCESS = "{\"success\": true}";

  AccountUpdateTest(MockApiKeysServer server) {
    super(server);
  }

  @Test
  void replacesDescriptionPermissionsAndExpiryAndAnswersSuccess() {
    assertJson(200, SUCCESS, api.patch(ACCOUNT_KEYS + "key_0002", """
        {"description": "ci bot", "expiresAt": "2027-01-01T02:00:00+02:00",
         "flatPermissionsList": ["agents.view", "calls.view"]}
        """).send());

    assertJson(200, """
        {"id": "key_0002", "name": "Seeded key 2", "description": "ci bot",
         "created_date": "2024-01-01T00:01:00Z", "last_four_digits": "7452",
         "creator_id": "user_admin", "restricted": true,
         "permissions": ["agents.view", "calls.view"], "expires_at": "2027-01-01T00:00:00Z"}
        """, api.get(KEYS + "key_0002").send());
  }

  @Test
  void anUnrestrictedKeyBecomesRestrictedToTheList() {
    assertJson(200, SUCCESS, api.patch(ACCOUNT_KEYS + "key_0001",
        "{\"description\": \"d\", \"flatPermissionsList\": [\"logs.view\"]}").send());

    JsonNode key = tree(api.get(KEYS + "key_0001").send().body());
    assertEquals(true, key.get("restricted").booleanValue());
    assertEquals(tree("[\"logs.view\"]"), key.get("permissions"));
  }

  @Test
  void anEmptyListLeavesNoPermissions() {
    api.patch(ACCOUNT_KEYS + "key_0002",
        "{\"description\": \"d\", \"flatPermissionsList\": []}").send();

    assertEquals(tree("[]"), tree(api.get(KEYS + "key_0002").send().body()).get("permissions"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "\"\""})
  void nullOrEmptyExpiresAtRemovesTheExpiry(String expiresAt) {
    assertJson(200, SUCCESS, api.patch(ACCOUNT_KEYS + "key_0003", "{\"description\": \"d\","
        + " \"expiresAt\": " + expiresAt + ", \"flatPermissionsList\": []}").send());

    assertEquals(null, tree(api.get(KEYS + "key_0003").send().body()).get("expires_at")
        .textValue());
  }

  @Test
  void absentExpiresAtLeavesTheExpiry() {
    api.patch(ACCOUNT_KEYS + "key_0003",
        "{\"description\": \"d\", \"flatPermissionsList\": []}").send();

    assertEquals("2030-01-01T00:00:00Z",
        tree(api.get(KEYS + "key_0003").send().body()).get("expires_at").textValue());
  }

  @Test
  void theNameStaysAndTheOtherEndpointSeesEveryChange() {
    api.patch(KEYS + "key_0002", "{\"name\": \"renamed\"}").send();
    api.patch(ACCOUNT_KEYS + "key_0002",
        "{\"description\": \"second\", \"flatPermissionsList\": [\"tools.view\"]}").send();

    JsonNode key = tree(api.get(KEYS + "key_0002").send().body());
    assertEquals("renamed", key.get("name").textValue());
    assertEquals("second", key.get("description").textValue());
    assertEquals(tree("[\"tools.view\"]"), key.get("permissions"));
  }

  @Test
  void keysAreScopedByAccount() {
    server.seed("acct_other", 1);
    String body = "{\"description\": \"other\", \"flatPermissionsList\": []}";

    assertError(404, "API key not found", api.patch(ACCOUNT_KEYS + "key_0004", body).send());
    assertJson(200, SUCCESS,
        api.patch(ACCOUNT_KEYS + "key_0004", body).account("acct_other").send());
    assertError(404, "API key not found",
        api.patch(ACCOUNT_KEYS + "key_0001", body).account("acct_other").send());
    assertEquals("other", tree(api.get(KEYS + "key_0004").account("acct_other").send().body())
        .get("description").textValue());
  }

  @Test
  void unknownKeyIsNotFound() {
    assertError(404, "API key not found", api.patch(ACCOUNT_KEYS + "key_0099",
        "{\"description\": \"d\", \"flatPermissionsList\": []}").send());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"flatPermissionsList\": []}                  | description is required",
      "{\"description\": \"d\"}                       | flatPermissionsList is required",
      "{\"description\": 5, \"flatPermissionsList\": []} | description must be a string",
      "{\"description\": \"d\", \"flatPermissionsList\": \"calls.view\"}"
          + " | flatPermissionsList must be an array of strings",
      "{\"description\": \"d\", \"flatPermissionsList\": [\"readApplications\","
          + " \"calls.view\", \"writeApplications\"]}"
          + " | Invalid permissions provided: readApplications, writeApplications",
      "{\"description\": \"d\", \"flatPermissionsList\": [], \"expiresAt\": \"soon\"}"
          + " | expiresAt must be an ISO-8601 date-time with an offset, null or empty;"
          + " was: 'soon'",
      "{\"description\": \"d\", \"flatPermissionsList\": [], \"expiresAt\": 5}"
          + " | expiresAt must be an ISO-8601 date-time with an offset, null or empty",
      "{\"description\": \"d\", \"flatPermissionsList\": [], \"expires_at\": null}"
          + " | Unknown fields: expires_at",
      "{\"description\": \"d\"                        | Malformed JSON body",
      "[]                                             | Request body must be a JSON object"})
  void invalidBodyIsBadRequestAndChangesNothing(String body, String message) {
    String before = api.get(KEYS + "key_0002").send().body();

    assertError(400, message, api.patch(ACCOUNT_KEYS + "key_0002", body).send());
    assertJson(200, before, api.get(KEYS + "key_0002").send());
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "PUT", "DELETE", "POST"})
  void otherMethodsAreNotAllowed(String method) {
    HttpResponse<String> response = api.method(method, ACCOUNT_KEYS + "key_0001").send();

    assertError(405, "Method not allowed", response);
    assertEquals("PATCH", response.headers().firstValue("Allow").orElse(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/apikeys/", "/apikeys", "/apikeys/key_0001/more"})
  void otherPathsAreNotFound(String path) {
    assertError(404, "Not found", api.patch(path, "{}").send());
  }
}
