package dev.apikeys.testkit;

import static dev.apikeys.testkit.RawApi.KEYS;
import static dev.apikeys.testkit.RawApi.assertError;
import static dev.apikeys.testkit.RawApi.assertJson;
import static dev.apikeys.testkit.RawApi.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetrieveAndDeleteTest extends SpecCheckedTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API = new MockApiKeysServerExtension(
      MockApiKeysServer.builder().seed(2).clock(TestClocks.FIXED));

  RetrieveAndDeleteTest(MockApiKeysServer server) {
    super(server);
  }

  @Test
  void retrievesAKeyWithoutItsSecret() {
    assertJson(200, """
        {"id": "key_0002", "name": "Seeded key 2", "description": "Seeded API key number 2",
         "created_date": "2024-01-01T00:01:00Z", "last_four_digits": "7452",
         "creator_id": "user_admin", "restricted": true,
         "permissions": ["calls.view", "calls.create"], "expires_at": null}
        """, api.get(KEYS + "key_0002").send());
  }

  @Test
  void unknownKeyIsNotFound() {
    assertError(404, "API key not found", api.get(KEYS + "key_0099").send());
  }

  @Test
  void idIsOnePercentEncodedPathSegment() {
    assertEquals("key_0001",
        tree(api.get(KEYS + "key%5F0001").send().body()).get("id").textValue());
    assertError(404, "API key not found", api.get(KEYS + "key_0001%2Fx").send());
  }

  @Test
  void keysOfOneAccountAreInvisibleToAnother() {
    String id = tree(api.post(KEYS, "{\"name\": \"mine\"}").account("acct_a").send().body())
        .get("id").textValue();

    assertEquals(200, api.get(KEYS + id).account("acct_a").send().statusCode());
    assertError(404, "API key not found", api.get(KEYS + id).send());
    assertError(404, "API key not found", api.delete(KEYS + id).account("acct_b").send());
    assertEquals(200, api.get(KEYS + id).account("acct_a").send().statusCode());
  }

  @Test
  void requestsWithoutAnAccountUseTheDefaultAccount() {
    assertEquals(200,
        api.get(KEYS + "key_0001").account(MockApiKeysServer.DEFAULT_ACCOUNT_ID).send()
            .statusCode());
  }

  @Test
  void deleteAnswersNoContentAndTheKeyIsGone() {
    HttpResponse<String> deleted = api.delete(KEYS + "key_0001").send();

    assertEquals(204, deleted.statusCode());
    assertEquals("", deleted.body());
    assertError(404, "API key not found", api.get(KEYS + "key_0001").send());
    assertError(404, "API key not found", api.delete(KEYS + "key_0001").send());
    assertError(404, "API key not found",
        api.patch(KEYS + "key_0001", "{\"name\": \"x\"}").send());
  }
}
