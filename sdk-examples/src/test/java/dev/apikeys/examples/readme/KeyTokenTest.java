package dev.apikeys.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.errors.PermissionDeniedException;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.Permission;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import dev.apikeys.testkit.MockApiKeysServer;
import org.junit.jupiter.api.Test;

/** The README's snippet of a key's own token in the testkit, compiled and run. */
class KeyTokenTest {

  @Test
  void aKeyUpdatesItselfAndNoOtherKey() {
    try (MockApiKeysServer server = MockApiKeysServer.builder().seed(3).build().start();
        ApiKeysClient admin = server.clientBuilder().build()) {
      ApiKeyWithSecret ci = admin.apiKeys().create(CreateApiKeyParams.builder()
          .name("ci").restricted(true)
          .permissions(Permission.API_KEYS_UPDATE, Permission.CALLS_VIEW)
          .build());

      try (ApiKeysClient asCi = admin.withOptions(b -> b.token(ci.key()))) {
        asCi.apiKeys().update(ci.id(), UpdateApiKeyParams.builder().name("ci-bot").build());
        assertThrows(PermissionDeniedException.class, () -> asCi.apiKeys().update("key_0001",
            UpdateApiKeyParams.builder().name("taken").build()));
      }
      assertEquals("ci-bot", admin.apiKeys().retrieve(ci.id()).name());
    }
  }
}
