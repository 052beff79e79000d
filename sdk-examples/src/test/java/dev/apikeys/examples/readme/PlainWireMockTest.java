package dev.apikeys.examples.readme;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.models.ApiKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's "plain WireMock stubs" snippet, compiled and run. */
class PlainWireMockTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  @Test
  void retrievesAStubbedKey() {
    wm.stubFor(get(urlEqualTo("/v1/api_key/key_1")).willReturn(okJson("""
        {"id": "key_1", "name": "ci", "created_date": "2024-01-01T00:00:00Z",
         "last_four_digits": "a1b2", "creator_id": "user_1", "restricted": false,
         "permissions": []}""")));
    ApiKeysClient client = ApiKeysClient.builder()
        .baseUrl(wm.baseUrl()).token("sk-test").build();

    ApiKey key = client.apiKeys().retrieve("key_1");

    assertEquals("ci", key.name());
    wm.verify(getRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withHeader("Authorization", equalTo("Bearer sk-test")));
  }
}
