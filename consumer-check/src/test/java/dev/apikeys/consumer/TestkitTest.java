package dev.apikeys.consumer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.errors.InternalServerException;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import dev.apikeys.testkit.MockApiKeysServer;
import dev.apikeys.testkit.MockApiKeysServerExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The testkit in a plain Maven project's tests, as the README's Testing section uses it, on
 * whichever Jackson the project has (scripts/consumer-check.sh runs it on the oldest supported
 * and on the newest).
 */
class TestkitTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API =
      new MockApiKeysServerExtension(MockApiKeysServer.builder().seed(3));

  @Test
  void runsOnTheJacksonOfTheProject() {
    assertEquals(System.getProperty("consumer.jackson.version"),
        PackageVersion.VERSION.toString());
  }

  @Test
  void servesTheApiAndWireMockStubs(ApiKeysClient client, MockApiKeysServer server) {
    ApiKeyWithSecret created = client.apiKeys().create(
        CreateApiKeyParams.builder().name("ci").build());
    client.apiKeys().update(created.id(),
        UpdateApiKeyParams.builder().description("rotated monthly").build());

    assertEquals(List.of("key_0001", "key_0002", "key_0003", created.id()),
        client.apiKeys().list().data().stream().map(key -> key.id()).toList());
    assertEquals("rotated monthly",
        client.apiKeys().retrieve(created.id()).description().orElseThrow());

    server.wireMock().stubFor(WireMock.get(urlPathEqualTo("/v1/api_key/" + created.id()))
        .willReturn(aResponse().withStatus(500)));
    assertThrows(InternalServerException.class,
        () -> client.apiKeys().retrieve(created.id()));
  }
}
