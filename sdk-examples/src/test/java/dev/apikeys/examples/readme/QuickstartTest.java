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

/**
 * The README's quickstart, compiled and run against the testkit; what it prints is captured
 * and checked instead of reaching the build's output.
 */
class QuickstartTest {

  @Test
  void quickstartRuns() {
    List<String> printed;
    List<String> keyNames;
    try (MockApiKeysServer server = MockApiKeysServer.builder().build().start();
        CapturedOut out = CapturedOut.start()) {
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
        String secret = created.key();   // shown only here: keep it in your secret store

        ApiKey updated = client.apiKeys().update(created.id(), UpdateApiKeyParams.builder()
            .name("ci-bot")
            .permissions(Permission.CALLS_VIEW, Permission.CALLS_CREATE)
            .build());
        System.out.println(updated.name() + " " + updated.permissions());
      }
      printed = out.lines();
      try (ApiKeysClient admin = server.clientBuilder().build()) {
        keyNames = admin.apiKeys().list().data().stream().map(ApiKey::name).toList();
      }
    }

    assertEquals(List.of("ci-bot [calls.view, calls.create]"), printed);
    assertEquals(List.of("ci-bot"), keyNames);
  }
}
