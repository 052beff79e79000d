package dev.apikeys.interop;

import static dev.apikeys.interop.FastApiApp.RESTRICTED_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The account API's {@code PATCH /apikeys/{id}} on the FastAPI app, checked without the SDK (as
 * {@link UvicornQuirksTest} does for the other operations), with what the SDK never sends too
 * ({@code "expiresAt": ""}, a body without a required field): the app answers as the account API's
 * documentation says, {@code {"success": true}} and {@code {"error": ...}} bodies, so that the
 * failures of {@link AccountApiKeysTest} are the SDK's.
 */
class AccountUpdateTest {

  @RegisterExtension
  static final UvicornServer SERVER = new UvicornServer(FastApiApp.naive());

  private static final String ACCOUNT = "acct_changes";

  @Test
  void replacesDescriptionPermissionsAndExpiry() {
    String id = create("{\"name\": \"bot\"}");

    HttpResponse<String> done = patch(id, "{\"description\": \"ci bot\", \"flatPermissionsList\":"
        + " [\"calls.view\", \"agents.view\"], \"expiresAt\": \"2027-01-01T00:00:00Z\"}");

    assertEquals(200, done.statusCode());
    assertEquals("{\"success\":true}", done.body());
    JsonNode key = get(id);
    assertEquals("ci bot", key.get("description").asText());
    assertTrue(key.get("restricted").asBoolean());
    assertEquals("[\"calls.view\",\"agents.view\"]", key.get("permissions").toString());
    assertEquals("2027-01-01T00:00:00", key.get("expires_at").asText());
  }

  @Test
  void expiresAtNullOrEmptyRemovesTheExpiryAndAbsentLeavesIt() {
    String[] bodies = {"\"expiresAt\": null, ", "\"expiresAt\": \"\", ", ""};
    String[] expiries = {null, null, "2030-01-01T00:00:00"};
    for (int i = 0; i < bodies.length; i++) {
      String id = create("{\"name\": \"expiring\", \"expires_at\": \"2030-01-01T00:00:00Z\"}");

      HttpResponse<String> done = patch(id, "{\"description\": \"d\", " + bodies[i]
          + "\"flatPermissionsList\": []}");

      assertEquals(200, done.statusCode(), bodies[i]);
      assertEquals(expiries[i], get(id).get("expires_at").textValue(), bodies[i]);
    }
  }

  @Test
  void answersErrorsInTheAccountApisShape() {
    String id = create("{\"name\": \"bot\"}");
    String body = "{\"description\": \"d\", \"flatPermissionsList\": [\"calls.view\"]}";

    HttpResponse<String> notFound = patch("no-such-key", body);
    HttpResponse<String> denied = SERVER.raw().withToken(RESTRICTED_TOKEN)
        .send("PATCH", "/apikeys/" + id, body, "x-account-id", ACCOUNT);
    HttpResponse<String> invalid = patch(id, "{\"description\": \"d\","
        + " \"flatPermissionsList\": [\"calls.teleport\"]}");

    assertEquals(404, notFound.statusCode());
    assertEquals("{\"error\":\"API key not found\"}", notFound.body());
    assertEquals(403, denied.statusCode());
    assertEquals("{\"error\":\"User does not have the required permissions\"}", denied.body());
    assertEquals(400, invalid.statusCode());
    assertEquals("{\"error\":\"Invalid permissions provided\"}", invalid.body());
  }

  @Test
  void aMissingRequiredFieldIsFastApisValidationError() {
    HttpResponse<String> invalid = patch(create("{\"name\": \"bot\"}"), "{\"description\": \"d\"}");

    assertEquals(422, invalid.statusCode());
    assertEquals("{\"detail\":[{\"loc\":[\"body\",\"flatPermissionsList\"],"
        + "\"msg\":\"field required\",\"type\":\"value_error.missing\"}]}", invalid.body());
  }

  private static String create(String body) {
    return RawHttp.json(SERVER.raw().send("POST", "/v1/api_key/", body, "x-account-id", ACCOUNT))
        .get("id").asText();
  }

  private static HttpResponse<String> patch(String id, String body) {
    return SERVER.raw().send("PATCH", "/apikeys/" + id, body, "x-account-id", ACCOUNT);
  }

  private static JsonNode get(String id) {
    return RawHttp.json(SERVER.raw().get("/v1/api_key/" + id, "x-account-id", ACCOUNT));
  }
}
