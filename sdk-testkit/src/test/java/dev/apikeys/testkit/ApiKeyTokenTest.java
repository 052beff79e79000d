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

/**
 * What an API key's own token may do: the secret of a key in the store is a token, which
 * updates only its own key and never gives more than the key has. Seeded: key_0001
 * unrestricted, key_0002 restricted; the clock is fixed at {@link TestClocks#NOW_TEXT}.
 */
class ApiKeyTokenTest extends SpecCheckedTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API = new MockApiKeysServerExtension(
      MockApiKeysServer.builder().seed(2).clock(TestClocks.FIXED));

  private static final String SELF_MANAGING = "[\"api_keys.view\", \"api_keys.create\","
      + " \"api_keys.update\", \"calls.view\", \"calls.create\"]";

  ApiKeyTokenTest(MockApiKeysServer server) {
    super(server);
  }

  @Test
  void aCreatedKeysSecretIsATokenWithTheKeysPermissions() {
    String secret = create("{\"name\": \"viewer\", \"restricted\": true,"
        + " \"permissions\": [\"api_keys.view\"]}").get("key").textValue();

    assertEquals(200, api.get(KEYS + "key_0001").token(secret).send().statusCode());
    assertError(403, "User does not have the required permissions: api_keys.delete",
        api.delete(KEYS + "key_0001").token(secret).send());
  }

  @Test
  void aKeyUpdatesItselfOnBothEndpoints() {
    JsonNode key = create(selfManaging(""));
    String own = key.get("id").textValue();
    String secret = key.get("key").textValue();

    assertEquals(200, api.patch(KEYS + own, "{\"name\": \"mine\", \"permissions\": ["
        + "\"api_keys.update\", \"calls.view\"]}").token(secret).send().statusCode());
    assertJson(200, "{\"success\": true}", api.patch(ACCOUNT_KEYS + own,
        "{\"description\": \"narrower\", \"flatPermissionsList\": [\"api_keys.update\"]}")
        .token(secret).send());

    JsonNode updated = tree(api.get(KEYS + own).send().body());
    assertEquals("mine", updated.get("name").textValue());
    assertEquals("narrower", updated.get("description").textValue());
    assertEquals(tree("[\"api_keys.update\"]"), updated.get("permissions"));
  }

  @ParameterizedTest
  @CsvSource({"key_0001", "key_0002", "key_0099"})
  void aKeyCannotUpdateOtherKeysOnEitherEndpoint(String other) {
    String secret = create(selfManaging("")).get("key").textValue();
    String before = api.get(KEYS + "key_0002").send().body();

    assertError(403, "API keys cannot update other API keys",
        api.patch(KEYS + other, "{\"name\": \"taken\"}").token(secret).send());
    assertError(403, "API keys cannot update other API keys", api.patch(ACCOUNT_KEYS + other,
        "{\"description\": \"taken\", \"flatPermissionsList\": []}").token(secret).send());
    assertError(403, "API keys cannot update other API keys",
        api.patch(ACCOUNT_KEYS + other, "not even JSON").token(secret).send());
    assertJson(200, before, api.get(KEYS + "key_0002").send());
  }

  @Test
  void theBuiltInRestrictedTokenUpdatesNoKey() {
    String token = MockApiKeysServer.RESTRICTED_TOKEN;

    assertError(403, "API keys cannot update other API keys",
        api.patch(KEYS + "key_0002", "{\"name\": \"x\"}").token(token).send());
    assertError(403, "API keys cannot update other API keys", api.patch(ACCOUNT_KEYS
        + "key_0002", "{\"description\": \"x\", \"flatPermissionsList\": []}")
        .token(token).send());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"permissions\": [\"calls.view\", \"webhooks.view\", \"logs.view\"]}"
          + " | An API key cannot give permissions it does not have: webhooks.view, logs.view",
      "{\"restricted\": false}"
          + " | A restricted API key cannot make a key unrestricted",
      "{\"expires_at\": null}"
          + " | An API key cannot give a key a later expiry than its own"
          + " (2027-01-01T00:00:00Z)",
      "{\"expires_at\": \"2027-01-01T00:00:00.001Z\"}"
          + " | An API key cannot give a key a later expiry than its own"
          + " (2027-01-01T00:00:00Z)"})
  void aKeyCannotGiveItselfMore(String body, String message) {
    JsonNode key = create(selfManaging(", \"expires_at\": \"2027-01-01T00:00:00Z\""));
    String own = key.get("id").textValue();
    String before = api.get(KEYS + own).send().body();

    assertError(403, message, api.patch(KEYS + own, body).token(key.get("key").textValue())
        .send());
    assertJson(200, before, api.get(KEYS + own).send());
  }

  @Test
  void aKeyCannotRemoveItsExpiryThroughTheAccountApi() {
    JsonNode key = create(selfManaging(", \"expires_at\": \"2027-01-01T00:00:00Z\""));

    assertError(403, "An API key cannot give a key a later expiry than its own"
        + " (2027-01-01T00:00:00Z)", api.patch(ACCOUNT_KEYS + key.get("id").textValue(),
        "{\"description\": \"d\", \"expiresAt\": \"\", \"flatPermissionsList\": []}")
        .token(key.get("key").textValue()).send());
  }

  @Test
  void aKeyMayBringItsExpiryForward() {
    JsonNode key = create(selfManaging(", \"expires_at\": \"2027-01-01T00:00:00Z\""));

    HttpResponse<String> updated = api.patch(KEYS + key.get("id").textValue(),
        "{\"expires_at\": \"2026-06-01T00:00:00Z\"}").token(key.get("key").textValue()).send();

    assertEquals("2026-06-01T00:00:00Z", tree(updated.body()).get("expires_at").textValue());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"name\": \"x\"}"
          + " | A restricted API key cannot make a key unrestricted",
      "{\"name\": \"x\", \"restricted\": true, \"permissions\": [\"calls.delete\"]}"
          + " | An API key cannot give permissions it does not have: calls.delete",
      "{\"name\": \"x\", \"restricted\": true}"
          + " | An API key cannot give a key a later expiry than its own"
          + " (2027-01-01T00:00:00Z)"})
  void aRestrictedKeyCreatesOnlyKeysWithNoMoreThanItHas(String body, String message) {
    String secret = create(selfManaging(", \"expires_at\": \"2027-01-01T00:00:00Z\""))
        .get("key").textValue();

    assertError(403, message, api.post(KEYS, body).token(secret).send());
  }

  @Test
  void keysThatAKeyCreatesBelongToItsCreator() {
    String secret = create(selfManaging("")).get("key").textValue();

    HttpResponse<String> created = api.post(KEYS, "{\"name\": \"child\", \"restricted\": true,"
        + " \"permissions\": [\"calls.view\"]}").token(secret).send();

    assertEquals(201, created.statusCode(), created::body);
    assertEquals("user_admin", tree(created.body()).get("creator_id").textValue());
  }

  @Test
  void anUnrestrictedKeyMayDoEverythingButUpdateOtherKeys() {
    JsonNode key = create("{\"name\": \"full\"}");
    String secret = key.get("key").textValue();

    assertEquals(201, api.post(KEYS, "{\"name\": \"also full\"}").token(secret).send()
        .statusCode());
    assertError(403, "API keys cannot update other API keys",
        api.patch(KEYS + "key_0001", "{\"name\": \"x\"}").token(secret).send());
    assertEquals(200, api.patch(KEYS + key.get("id").textValue(),
        "{\"restricted\": true}").token(secret).send().statusCode());
  }

  @Test
  void aKeysTokenWorksInItsOwnAccountOnly() {
    JsonNode key = tree(api.post(KEYS, "{\"name\": \"other account\"}").account("acct_other")
        .send().body());
    String secret = key.get("key").textValue();

    JsonNode data = tree(api.get(KEYS).token(secret).send().body()).get("data");
    assertEquals(1, data.size());
    assertEquals(key.get("id"), data.get(0).get("id"));
    assertEquals(200, api.get(KEYS).token(secret).account("acct_other").send().statusCode());
    assertError(403, "API keys cannot access other accounts",
        api.get(KEYS).token(secret).account(MockApiKeysServer.DEFAULT_ACCOUNT_ID).send());
  }

  @Test
  void aDeletedKeysSecretIsUnknown() {
    JsonNode key = create("{\"name\": \"gone\"}");
    api.delete(KEYS + key.get("id").textValue()).send();

    assertError(401, "User not authenticated: unknown token",
        api.get(KEYS).token(key.get("key").textValue()).send());
  }

  @ParameterizedTest
  @CsvSource({"2025-01-01T00:00:00Z", TestClocks.NOW_TEXT})
  void anExpiredKeysSecretIsRejected(String expiresAt) {
    String secret = create("{\"name\": \"old\", \"expires_at\": \"" + expiresAt + "\"}")
        .get("key").textValue();

    assertError(401, "User not authenticated: API key expired",
        api.get(KEYS).token(secret).send());
  }

  /** Creates a key with the admin token and returns the answer, secret included. */
  private JsonNode create(String body) {
    HttpResponse<String> created = api.post(KEYS, body).send();
    assertEquals(201, created.statusCode(), created::body);
    return tree(created.body());
  }

  private static String selfManaging(String moreFields) {
    return "{\"name\": \"self\", \"restricted\": true, \"permissions\": " + SELF_MANAGING
        + moreFields + "}";
  }
}
