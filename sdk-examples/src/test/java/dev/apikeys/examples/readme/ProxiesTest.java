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
import dev.apikeys.sdk.ProxyOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's proxy snippet, compiled and run with WireMock as the proxy: the request reaches
 * it in absolute form for the API's host, with the proxy's Basic credentials and the token.
 */
class ProxiesTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private final String token = "sk-test";
  private final String proxyUrl = "http://127.0.0.1:" + wm.getPort();
  private final String proxyPassword = "proxy-pw";

  @Test
  void requestsGoThroughTheProxyWithItsCredentials() {
    wm.stubFor(get(urlEqualTo("/v1/api_key/key_1")).willReturn(okJson(KeyJson.key("key_1"))));

    ProxyOptions proxy = ProxyOptions.builder()
        .url(proxyUrl)                                   // http://proxy.corp.example:3128
        .credentials("build-bot", proxyPassword)         // Basic; never logged or shown
        .nonProxyHosts("localhost", "*.internal")        // reached directly
        .build();
    ApiKeysClient client = ApiKeysClient.builder()
        .baseUrl("http://apikeys.corp.example:3000")
        .token(token)
        .proxy(proxy)
        .build();

    try (client) {
      assertEquals("key_1", client.apiKeys().retrieve("key_1").id());
    }
    wm.verify(1, getRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withHeader("Host", equalTo("apikeys.corp.example:3000"))
        .withHeader("Authorization", equalTo("Bearer sk-test"))
        .withHeader("Proxy-Authorization", equalTo("Basic " + Base64.getEncoder()
            .encodeToString("build-bot:proxy-pw".getBytes(StandardCharsets.UTF_8)))));
  }
}
