package dev.apikeys.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.Permission;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import dev.apikeys.testkit.MockApiKeysServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's quickstart, compiled and run against the testkit. */
class QuickstartTest {

  @Test
  void quickstartRuns() {
    try (MockApiKeysServer server = MockApiKeysServer.builder().build().start()) {
      // From here on, the README's quickstart (with the testkit's URL and token).
      try (ApiKeysClient client = ApiKeysClient.builder()
          .baseUrl(server.baseUrl())
          .token(MockApiKeysServer.ADMIN_TOKEN)
          .build()) {
        ApiKeyWithSecret created = client.apiKeys().create(CreateApiKeyParams.builder()
            .name("ci")
            .restricted(true)
            .permissions(Permission.CALLS_VIEW)
            .build());
        System.out.println("secret, shown once: " + created.key());

        ApiKey updated = client.apiKeys().update(created.id(), UpdateApiKeyParams.builder()
            .name("ci-bot")
            .permissions(Permission.CALLS_VIEW, Permission.CALLS_CREATE)
            .build());
        System.out.println(updated.name() + " " + updated.permissions());

        assertEquals("ci-bot", updated.name());
        assertEquals(List.of(Permission.CALLS_VIEW, Permission.CALLS_CREATE),
            updated.permissions());
      }
    }
  }
}
