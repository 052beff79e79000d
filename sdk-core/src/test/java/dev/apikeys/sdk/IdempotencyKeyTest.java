package dev.apikeys.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.apikeys.sdk.RuntimeFixtures.keyWithSecret;
import static dev.apikeys.sdk.RuntimeFixtures.stubInOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.apikeys.sdk.RuntimeFixtures.RecordingSleeper;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A create carries one {@code Idempotency-Key}, the same on every retry. */
class IdempotencyKeyTest {

  private static final String COLLECTION = "/v1/api_key/";
  private static final CreateApiKeyParams PARAMS = CreateApiKeyParams.builder().name("ci").build();

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  private ApiKeysClient client;

  @BeforeEach
  void setUp() {
    client = server.client(RecordingSleeper.immediate()).build();
  }

  @Test
  void createSendsAUuidAndTheSameKeyOnEveryRetry() {
    stubInOrder(server, () -> post(urlEqualTo(COLLECTION)), serviceUnavailable(),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), created());

    ApiKeyWithSecret key = client.apiKeys().create(PARAMS);

    assertEquals("sk_live_abc", key.key());
    List<String> sent = idempotencyKeysSent();
    assertEquals(3, sent.size());
    String first = sent.get(0);
    assertEquals(first, UUID.fromString(first).toString());
    assertEquals(List.of(first, first, first), sent);
  }

  @Test
  void eachCreateGetsANewKey() {
    server.stubFor(post(urlEqualTo(COLLECTION)).willReturn(created()));

    client.apiKeys().create(PARAMS);
    client.apiKeys().create(PARAMS);

    List<String> sent = idempotencyKeysSent();
    assertEquals(2, sent.size());
    assertNotEquals(sent.get(0), sent.get(1));
  }

  @Test
  void callerGivenKeyIsSentAsGivenOnEveryRetry() {
    stubInOrder(server, () -> post(urlEqualTo(COLLECTION)), status(500), created());

    client.apiKeys().create(PARAMS,
        RequestOptions.builder().idempotencyKey("order-42-create").build());

    assertEquals(List.of("order-42-create", "order-42-create"), idempotencyKeysSent());
  }

  @Test
  void asyncCreateSendsTheSameKeyOnEveryRetry() throws Exception {
    stubInOrder(server, () -> post(urlEqualTo(COLLECTION)), status(409), status(429), created());

    ApiKeyWithSecret key = client.async().apiKeys().create(PARAMS)
        .get(RuntimeFixtures.WAIT_SECONDS, TimeUnit.SECONDS);

    assertEquals("key_1", key.id());
    List<String> sent = idempotencyKeysSent();
    assertEquals(List.of(sent.get(0), sent.get(0), sent.get(0)), sent);
    server.verify(exactly(3), postRequestedFor(urlEqualTo(COLLECTION)));
  }

  private static ResponseDefinitionBuilder created() {
    return status(201).withHeader("Content-Type", "application/json")
        .withBody(keyWithSecret("key_1", "sk_live_abc"));
  }

  private static List<String> idempotencyKeysSent() {
    return server.findAll(postRequestedFor(urlEqualTo(COLLECTION))).stream()
        .map(LoggedRequest::getHeaders)
        .map(headers -> headers.getHeader("Idempotency-Key").firstValue())
        .toList();
  }
}
