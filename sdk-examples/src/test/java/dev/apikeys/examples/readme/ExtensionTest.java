package dev.apikeys.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import dev.apikeys.testkit.MockApiKeysServer;
import dev.apikeys.testkit.MockApiKeysServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's "JUnit 5 extension" snippet, compiled and run. */
class ExtensionTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API =
      new MockApiKeysServerExtension(MockApiKeysServer.builder().seed(3));

  @Test
  void renamesASeededKey(ApiKeysClient client) {
    client.apiKeys().update("key_0001", UpdateApiKeyParams.builder().name("renamed").build());

    assertEquals("renamed", client.apiKeys().retrieve("key_0001").name());
  }
}
