package dev.apikeys.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Building, deriving and closing clients. */
class ApiKeysClientTest {

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  @Test
  void fromEnvReadsTokenBaseUrlAndAccount() {
    server.stubFor(get(urlEqualTo("/v1/api_key/key_1")).willReturn(okJson(Json.FULL_KEY)));
    Map<String, String> env = Map.of("APIKEYS_TOKEN", "sk-env", "APIKEYS_BASE_URL",
        server.baseUrl() + "/", "APIKEYS_ACCOUNT_ID", "acct_env");

    try (ApiKeysClient client = ApiKeysClient.builder().fromEnv(env::get).build()) {
      client.apiKeys().retrieve("key_1");
    }

    server.verify(exactly(1), getRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withHeader("Authorization", equalTo("Bearer sk-env"))
        .withHeader("x-account-id", equalTo("acct_env")));
  }

  @Test
  void fromEnvWithoutTokenSaysWhichVariable() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> ApiKeysClient.builder().fromEnv(name -> null).build());
    assertEquals("token must be set: call token(...) or set APIKEYS_TOKEN", e.getMessage());
  }

  @Test
  void derivedClientChangesOnlyWhatItSays() {
    server.stubFor(get(urlEqualTo("/v1/api_key/key_1")).willReturn(okJson(Json.FULL_KEY)));
    ApiKeysClient client = ApiKeysClient.builder().baseUrl(server.baseUrl()).token("sk-a")
        .accountId("acct_1").build();

    ApiKeysClient other = client.withOptions(b -> b.accountId("acct_2"));
    other.apiKeys().retrieve("key_1");
    client.apiKeys().retrieve("key_1");

    server.verify(exactly(1), getRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withHeader("Authorization", equalTo("Bearer sk-a"))
        .withHeader("x-account-id", equalTo("acct_2")));
    server.verify(exactly(1), getRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withHeader("x-account-id", equalTo("acct_1")));
  }

  @Test
  void closedClientRefusesCallsButDerivedOnesStayOpen() {
    server.stubFor(get(urlEqualTo("/v1/api_key/key_1")).willReturn(okJson(Json.FULL_KEY)));
    ApiKeysClient client = ApiKeysClient.builder().baseUrl(server.baseUrl()).token("sk-a")
        .build();
    ApiKeysClient derived = client.withOptions(b -> b.maxRetries(0));

    client.close();

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> client.apiKeys().retrieve("key_1"));
    assertEquals("this ApiKeysClient is closed", e.getMessage());
    assertEquals("key_1", derived.apiKeys().retrieve("key_1").id());
  }

  @Test
  void toStringNeverShowsTheToken() {
    ApiKeysClient.Builder builder = ApiKeysClient.builder().token("sk-very-secret-token")
        .accountId("acct_1");
    ApiKeysClient client = builder.build();

    assertFalse(builder.toString().contains("sk-very-secret-token"), builder.toString());
    assertFalse(client.toString().contains("sk-very-secret-token"), client.toString());
    assertEquals("ApiKeysClient{baseUrl=http://localhost:3000, accountId=acct_1, closed=false}",
        client.toString());
  }
}
