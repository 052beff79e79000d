package dev.apikeys.testkit;

import static dev.apikeys.testkit.RawApi.KEYS;
import static dev.apikeys.testkit.RawApi.assertError;
import static dev.apikeys.testkit.RawApi.assertJson;
import static dev.apikeys.testkit.RawApi.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CreateApiKeyTest extends SpecCheckedTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API = new MockApiKeysServerExtension(
      MockApiKeysServer.builder().seed(2).clock(TestClocks.FIXED));

  private static final String CREATED_THIRD = """
      {"id": "key_0003", "name": "ci", "description": "CI pipeline",
       "created_date": "2026-01-02T03:04:05.678Z", "last_four_digits": "14a3",
       "creator_id": "user_admin", "restricted": true,
       "permissions": ["calls.view", "calls.create"], "expires_at": "2030-06-01T10:00:00Z"
       %s}
      """;

  private static final String FULL_BODY = """
      {"name": "ci", "description": "CI pipeline", "restricted": true,
       "permissions": ["calls.view", "calls.create"],
       "expires_at": "2030-06-01T12:00:00+02:00"}
      """;

  CreateApiKeyTest(MockApiKeysServer server) {
    super(server);
  }

  @Test
  void createsAKeyAndShowsItsSecretOnlyOnce() {
    String secret = ", \"key\": \"sk-mock-019f1f351c0e7abc3ab2c20ed94014a3\"";
    assertJson(201, CREATED_THIRD.formatted(secret), api.post(KEYS, FULL_BODY).send());

    assertJson(200, CREATED_THIRD.formatted(""), api.get(KEYS + "key_0003").send());
  }

  @Test
  void leftOutFieldsTakeTheirDefaults() {
    assertJson(201, """
        {"id": "key_0003", "name": "plain", "created_date": "2026-01-02T03:04:05.678Z",
         "last_four_digits": "14a3", "creator_id": "user_admin", "restricted": false,
         "permissions": [], "expires_at": null,
         "key": "sk-mock-019f1f351c0e7abc3ab2c20ed94014a3"}
        """, api.post(KEYS, "{\"name\": \"plain\"}").send());
  }

  @Test
  void restrictedTokenCreatesRestrictedKeysAsItsUser() {
    HttpResponse<String> response = api.post(KEYS, "{\"name\": \"by key\","
        + " \"restricted\": true, \"permissions\": [\"api_keys.view\"]}")
        .token(MockApiKeysServer.RESTRICTED_TOKEN).send();

    assertEquals(201, response.statusCode());
    assertEquals("user_restricted", tree(response.body()).get("creator_id").textValue());
  }

  @Test
  void restrictedTokenCannotCreateWiderKeys() {
    assertError(403, "A restricted API key cannot make a key unrestricted",
        api.post(KEYS, "{\"name\": \"x\"}").token(MockApiKeysServer.RESTRICTED_TOKEN).send());
    assertError(403, "An API key cannot give permissions it does not have: calls.view",
        api.post(KEYS, "{\"name\": \"x\", \"restricted\": true,"
            + " \"permissions\": [\"calls.view\", \"api_keys.view\"]}")
            .token(MockApiKeysServer.RESTRICTED_TOKEN).send());
    assertEquals(2, tree(api.get(KEYS).send().body()).get("data").size());
  }

  @Test
  void repeatedPermissionsAreKeptOnce() {
    HttpResponse<String> response = api.post(KEYS,
        "{\"name\": \"x\", \"restricted\": true,"
            + " \"permissions\": [\"calls.view\", \"logs.view\", \"calls.view\"]}").send();

    assertEquals(tree("[\"calls.view\", \"logs.view\"]"),
        tree(response.body()).get("permissions"));
  }

  @Test
  void repeatedIdempotencyKeyReplaysTheFirstResultAndCreatesNothing() {
    HttpResponse<String> first = api.post(KEYS, FULL_BODY).header("Idempotency-Key", "k-1").send();
    HttpResponse<String> again = api.post(KEYS, FULL_BODY).header("Idempotency-Key", "k-1").send();

    assertEquals(201, again.statusCode());
    assertEquals(tree(first.body()), tree(again.body()));
    assertFalse(first.headers().firstValue("Idempotent-Replayed").isPresent());
    assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(null));
    assertEquals(3, tree(api.get(KEYS).send().body()).get("data").size());
  }

  @Test
  void idempotencyKeyWithAnotherBodyIsAConflict() {
    api.post(KEYS, "{\"name\": \"one\"}").header("Idempotency-Key", "k-2").send();

    assertError(409, "Idempotency-Key was already used with a different request",
        api.post(KEYS, "{\"name\": \"two\"}").header("Idempotency-Key", "k-2").send());
    assertEquals(3, tree(api.get(KEYS).send().body()).get("data").size());
  }

  @Test
  void idempotencyKeysAreScopedToTheAccount() {
    api.post(KEYS, "{\"name\": \"one\"}").header("Idempotency-Key", "k-3").send();
    HttpResponse<String> other = api.post(KEYS, "{\"name\": \"one\"}")
        .header("Idempotency-Key", "k-3").account("acct_other").send();

    assertEquals("key_0004", tree(other.body()).get("id").textValue());
  }

  @Test
  void idempotencyKeyLongerThan255CharactersIsBadRequest() {
    assertError(400, "Idempotency-Key must have 1 to 255 characters",
        api.post(KEYS, "{\"name\": \"x\"}").header("Idempotency-Key", "k".repeat(256)).send());
  }

  static Stream<Arguments> invalidBodies() {
    return Stream.of(
        Arguments.of("{}", "name is required"),
        Arguments.of("{\"name\": \"\"}", "name must not be empty"),
        Arguments.of("{\"name\": 5}", "name must be a string"),
        Arguments.of("{\"name\": \"x\", \"expiresAt\": \"2030-01-01T00:00:00Z\", \"a\": 1}",
            "Unknown fields: expiresAt, a"),
        Arguments.of("{\"name\": \"x\", \"description\": null}", "description must be a string"),
        Arguments.of("{\"name\": \"x\", \"restricted\": \"yes\"}", "restricted must be a boolean"),
        Arguments.of("{\"name\": \"x\", \"permissions\": [\"calls.view\"]}",
            "Permissions can only be set on restricted API keys"),
        Arguments.of("{\"name\": \"x\", \"restricted\": false, \"permissions\": []}",
            "Permissions can only be set on restricted API keys"),
        Arguments.of("{\"name\": \"x\", \"restricted\": true,"
                + " \"permissions\": [\"calls.fly\", \"calls.view\", \"x.y\"]}",
            "Invalid permissions provided: calls.fly, x.y"),
        Arguments.of("{\"name\": \"x\", \"restricted\": true, \"permissions\": \"calls.view\"}",
            "permissions must be an array of strings"),
        Arguments.of("{\"name\": \"x\", \"restricted\": true, \"permissions\": [1]}",
            "permissions must be an array of strings"),
        Arguments.of("{\"name\": \"x\", \"expires_at\": \"tomorrow\"}",
            "expires_at must be an ISO-8601 date-time with an offset; was: 'tomorrow'"),
        Arguments.of("{\"name\": \"x\", \"expires_at\": \"2030-01-01T00:00:00\"}",
            "expires_at must be an ISO-8601 date-time with an offset;"
                + " was: '2030-01-01T00:00:00'"),
        Arguments.of("{\"name\": \"x\", \"expires_at\": null}",
            "expires_at must be an ISO-8601 date-time with an offset"),
        Arguments.of("{\"name\": ", "Malformed JSON body"),
        Arguments.of("{\"name\": \"a\"} {}", "Malformed JSON body"),
        Arguments.of("{\"name\": \"a\", \"name\": \"b\"}", "Malformed JSON body"),
        Arguments.of("[]", "Request body must be a JSON object"),
        Arguments.of("null", "Request body must be a JSON object"),
        Arguments.of("", "Request body must be a JSON object"));
  }

  @ParameterizedTest
  @MethodSource("invalidBodies")
  void invalidBodyIsBadRequestAndCreatesNothing(String body, String message) {
    assertError(400, message, api.post(KEYS, body).send());
    assertEquals(2, tree(api.get(KEYS).send().body()).get("data").size());
  }
}
