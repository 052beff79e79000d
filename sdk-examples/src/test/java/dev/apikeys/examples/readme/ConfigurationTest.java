package dev.apikeys.examples.readme;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.RequestOptions;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.models.ApiKey;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's configuration snippets, compiled and run against WireMock: what each sets
 * reaches the server exactly, and each test fails when its snippet's setting is dropped.
 */
class ConfigurationTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private final String token = "sk-test";

  @Test
  void pathPrefixAccountAndExtraHeadersReachTheServer() {
    wm.stubFor(get(urlPathEqualTo("/apikeys-service/v1/api_key/key_1"))
        .willReturn(okJson(KeyJson.key("key_1"))));

    ApiKeysClient client = ApiKeysClient.builder()
        .baseUrl(wm.baseUrl() + "/apikeys-service//")
        .token(token)
        .accountId("acct_1")
        .header("X-Team", "payments")
        .build();
    ApiKey key = client.apiKeys().retrieve("key_1");
    // GET https://gateway.example.com/apikeys-service/v1/api_key/key_1
    // with Authorization: Bearer ..., x-account-id: acct_1 and X-Team: payments

    ApiKeysClient otherAccount = client.withOptions(b -> b.accountId("acct_2"));
    otherAccount.apiKeys().retrieve("key_1");
    otherAccount.close();
    client.close();

    assertEquals("key_1", key.id());
    assertEquals(2, wm.getAllServeEvents().size());
    wm.verify(1, getRequestedFor(urlEqualTo("/apikeys-service/v1/api_key/key_1"))
        .withHeader("Authorization", equalTo("Bearer sk-test"))
        .withHeader("x-account-id", equalTo("acct_1"))
        .withHeader("X-Team", equalTo("payments")));
    wm.verify(1, getRequestedFor(urlEqualTo("/apikeys-service/v1/api_key/key_1"))
        .withHeader("Authorization", equalTo("Bearer sk-test"))
        .withHeader("x-account-id", equalTo("acct_2"))
        .withHeader("X-Team", equalTo("payments")));
  }

  @Test
  void requestOptionsApplyToOneCall() {
    wm.stubFor(get(urlPathEqualTo("/v1/api_key/key_1"))
        .willReturn(okJson(KeyJson.key("key_1")).withFixedDelay(5_000)));
    ApiKeysClient client = ApiKeysClient.builder().baseUrl(wm.baseUrl()).token(token)
        .sleeper(wait -> CompletableFuture.completedFuture(null)).build();

    assertThrows(ApiKeysIoException.class, () -> {
      ApiKey key = client.apiKeys().retrieve("key_1", RequestOptions.builder()
          .accountId("acct_2")
          .timeout(Duration.ofSeconds(1))
          .maxRetries(0)
          .header("X-Trace", "t-1")
          .build());
    });

    wm.verify(1, getRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withHeader("x-account-id", equalTo("acct_2"))
        .withHeader("X-Trace", equalTo("t-1")));
    assertEquals(1, wm.getAllServeEvents().size());
    client.close();
  }

  @Test
  void aGivenHttpClientKeepsItsVersionAndMustNotFollowRedirects() {
    wm.stubFor(get(urlPathEqualTo("/v1/api_key/key_1"))
        .willReturn(okJson(KeyJson.key("key_1"))));

    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)         // no h2c upgrade offer on http://
        .followRedirects(HttpClient.Redirect.NEVER)   // the JDK's default; required
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    ApiKeysClient client = ApiKeysClient.builder()
        .baseUrl(wm.baseUrl())
        .token(token)
        .httpClient(http)
        .build();

    assertEquals("key_1", client.apiKeys().retrieve("key_1").id());
    wm.verify(1, getRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withHeader("Upgrade", absent())
        .withHeader("HTTP2-Settings", absent()));
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> ApiKeysClient.builder().token(token).httpClient(HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL).build()).build());
    assertTrue(refused.getMessage().startsWith("the HttpClient given to httpClient(...)"
        + " follows redirects (NORMAL): the JDK would send the Authorization header to"
        + " wherever a redirect leads, another host included."), refused.getMessage());
    client.close();
  }

  @Test
  void badSettingsAndIdsFailBeforeAnyRequest() {
    ApiKeysClient client = ApiKeysClient.builder().baseUrl(wm.baseUrl()).token(token).build();

    IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
        () -> client.apiKeys().retrieve("key_\uD800"));
    IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class,
        () -> ApiKeysClient.builder().timeout(Duration.ofDays(1).plusNanos(1)));
    IllegalArgumentException header = assertThrows(IllegalArgumentException.class,
        () -> ApiKeysClient.builder().header("Transfer-Encoding", "chunked"));

    assertTrue(id.getMessage().startsWith("id must be well-formed Unicode text, but has a lone"
        + " surrogate"), id.getMessage());
    assertTrue(timeout.getMessage().startsWith("timeout "), timeout.getMessage());
    assertTrue(header.getMessage().startsWith("header Transfer-Encoding "), header.getMessage());
    assertEquals(0, wm.getAllServeEvents().size());
    ApiKeysClient.builder().timeout(Duration.ofDays(1));
    client.close();
  }
}
