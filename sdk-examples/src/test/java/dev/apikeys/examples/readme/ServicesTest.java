package dev.apikeys.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.AccountApiKeysService;
import dev.apikeys.sdk.AccountApiKeysServiceAsync;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.ApiKeysService;
import dev.apikeys.sdk.ApiKeysServiceAsync;
import dev.apikeys.sdk.RawResponse;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.Permission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's "Services" snippets: a unit test with a double of {@link ApiKeysService}, and
 * the names of the views it lists.
 */
class ServicesTest {

  static boolean canViewCalls(ApiKeysService keys, String id) {
    return keys.retrieve(id).permissions().contains(Permission.CALLS_VIEW);
  }

  @Test
  void readsTheKeysPermissions() {
    assertTrue(canViewCalls(new OneKey(), "key_1"));
  }

  @Test
  void theDoubleAnswersThroughTheShortFormsAndThrowsForWhatItDoesNotDo() {
    ApiKeysService keys = new OneKey();

    assertEquals("key_1", keys.retrieve("key_1").id());
    assertThrows(UnsupportedOperationException.class, () -> keys.delete("key_1"));
    assertThrows(UnsupportedOperationException.class, keys::list);
  }

  @Test
  void rawResponsesAndExceptionsForDoubles() {
    ApiKey key = new OneKey().key;
    RawResponse<ApiKey> raw = RawResponse.of(200, Map.of("x-request-id", List.of("req_1")), key);
    NotFoundException missing = new NotFoundException(404, "API key not found", "", Map.of());

    assertEquals("req_1", raw.requestId().orElseThrow());
    assertEquals("key_1", raw.body().id());
    assertEquals("HTTP 404: API key not found", missing.getMessage());
  }

  @Test
  void everyServiceIsAnInterfaceWithFourViews() {
    try (ApiKeysClient client = ApiKeysClient.builder().token("sk-test").build()) {
      List<Object> views = List.of(client.apiKeys(), client.apiKeys().withRawResponse(),
          client.async().apiKeys(), client.async().apiKeys().withRawResponse(),
          client.accountApiKeys(), client.accountApiKeys().withRawResponse(),
          client.async().accountApiKeys(), client.async().accountApiKeys().withRawResponse());
      List<Class<?>> types = List.of(ApiKeysService.class, ApiKeysService.WithRawResponse.class,
          ApiKeysServiceAsync.class, ApiKeysServiceAsync.WithRawResponse.class,
          AccountApiKeysService.class, AccountApiKeysService.WithRawResponse.class,
          AccountApiKeysServiceAsync.class, AccountApiKeysServiceAsync.WithRawResponse.class);

      for (int i = 0; i < types.size(); i++) {
        assertTrue(types.get(i).isInterface(), types.get(i).getName());
        assertTrue(types.get(i).isInstance(views.get(i)), types.get(i).getName());
      }
    }
  }
}
