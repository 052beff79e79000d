package dev.apikeys.examples.readme;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.errors.InternalServerException;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.testkit.MockApiKeysServer;
import org.junit.jupiter.api.Test;

/** The README's "testkit" snippet, compiled and run. */
class TestkitTest {

  @Test
  void createsListsAndInjectsAFault() {
    try (MockApiKeysServer server = MockApiKeysServer.builder().seed(3).build().start();
        ApiKeysClient client = server.clientBuilder().build()) {
      ApiKeyWithSecret created = client.apiKeys().create(
          CreateApiKeyParams.builder().name("ci").build());
      assertEquals(4, client.apiKeys().list().data().size());

      server.wireMock().stubFor(WireMock.get(urlPathEqualTo("/v1/api_key/" + created.id()))
          .willReturn(aResponse().withStatus(500)));
      assertThrows(InternalServerException.class,
          () -> client.apiKeys().retrieve(created.id()));
    }
  }
}
