package dev.apikeys.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.apikeys.sdk.RuntimeFixtures.key;
import static dev.apikeys.sdk.RuntimeFixtures.keyWithSecret;
import static dev.apikeys.sdk.RuntimeFixtures.page;
import static dev.apikeys.sdk.RuntimeFixtures.stubInOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.apikeys.sdk.RuntimeFixtures.RecordingSleeper;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code withRawResponse()}: status, headers, request id and the parsed body of each call. */
class RawResponseTest {

  private static final String COLLECTION = "/v1/api_key/";
  private static final String KEY_PATH = "/v1/api_key/key_1";

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  private ApiKeysService.WithRawResponse raw;

  @BeforeEach
  void setUp() {
    raw = server.client(RecordingSleeper.immediate()).build().apiKeys().withRawResponse();
  }

  @Test
  void listGivesStatusHeadersRequestIdAndThePage() {
    server.stubFor(get(urlEqualTo(COLLECTION + "?limit=2"))
        .willReturn(json(200, page(true, "key_1", "key_2"), "req_list")
            .withHeader("X-RateLimit-Remaining", "41")));

    RawResponse<ApiKeyPage> response = raw.list(ListApiKeysParams.builder().limit(2).build());

    assertEquals(200, response.statusCode());
    assertEquals(Optional.of("req_list"), response.requestId());
    assertEquals(Optional.of("41"), response.header("x-ratelimit-remaining"));
    assertEquals(List.of("41"), response.headers().get("x-ratelimit-remaining"));
    assertEquals(List.of("key_1", "key_2"),
        response.body().data().stream().map(ApiKey::id).toList());
    assertEquals(Optional.of("key_2"), response.body().lastId());
  }

  @Test
  void listPageFromARawResponseStillPages() {
    server.stubFor(get(urlEqualTo(COLLECTION + "?limit=2"))
        .willReturn(json(200, page(true, "key_1", "key_2"), "req_1")));
    server.stubFor(get(urlEqualTo(COLLECTION + "?limit=2&after=key_2"))
        .willReturn(json(200, page(false, "key_3"), "req_2")));

    ApiKeyPage first = raw.list(ListApiKeysParams.builder().limit(2).build()).body();

    assertEquals(List.of("key_1", "key_2", "key_3"),
        first.autoPager().stream().map(ApiKey::id).toList());
  }

  @Test
  void retrieveGivesStatusRequestIdAndTheKey() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(json(200, key("key_1"), "req_get")));

    RawResponse<ApiKey> response = raw.retrieve("key_1");

    assertEquals(200, response.statusCode());
    assertEquals(Optional.of("req_get"), response.requestId());
    assertEquals(Optional.of("application/json"), response.header("Content-Type"));
    assertEquals("name-key_1", response.body().name());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void createGivesTheCreatedStatusAndTheSecret() {
    server.stubFor(post(urlEqualTo(COLLECTION))
        .willReturn(json(201, keyWithSecret("key_1", "sk_live_raw"), "req_new")));

    RawResponse<ApiKeyWithSecret> response =
        raw.create(CreateApiKeyParams.builder().name("ci").build());

    assertEquals(201, response.statusCode());
    assertEquals(Optional.of("req_new"), response.requestId());
    assertEquals("sk_live_raw", response.body().key());
    server.verify(exactly(1), postRequestedFor(urlEqualTo(COLLECTION))
        .withRequestBody(equalToJson("{\"name\": \"ci\"}")));
  }

  @Test
  void updateGivesStatusRequestIdAndTheUpdatedKey() {
    server.stubFor(patch(urlEqualTo(KEY_PATH)).willReturn(json(200, key("key_1"), "req_up")));

    RawResponse<ApiKey> response =
        raw.update("key_1", UpdateApiKeyParams.builder().name("renamed").build());

    assertEquals(200, response.statusCode());
    assertEquals(Optional.of("req_up"), response.requestId());
    assertEquals("key_1", response.body().id());
    server.verify(exactly(1), patchRequestedFor(urlEqualTo(KEY_PATH))
        .withRequestBody(equalToJson("{\"name\": \"renamed\"}")));
  }

  @Test
  void deleteGivesNoContentAndANullBody() {
    server.stubFor(delete(urlEqualTo(KEY_PATH)).willReturn(status(204)
        .withHeader("x-request-id", "req_del")));

    RawResponse<Void> response = raw.delete("key_1");

    assertEquals(204, response.statusCode());
    assertEquals(Optional.of("req_del"), response.requestId());
    assertNull(response.body());
    server.verify(exactly(1), deleteRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void responseWithoutRequestIdHasAnEmptyOne() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(key("key_1"))));

    assertEquals(Optional.empty(), raw.retrieve("key_1").requestId());
  }

  @Test
  void rawResponseDescribesTheAttemptThatSucceeded() {
    stubInOrder(server, () -> get(urlEqualTo(KEY_PATH)),
        serviceUnavailable().withHeader("x-request-id", "req_first"),
        json(200, key("key_1"), "req_second"));

    RawResponse<ApiKey> response = raw.retrieve("key_1");

    assertEquals(Optional.of("req_second"), response.requestId());
    server.verify(exactly(2), getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void errorStillThrowsTheTypedExceptionWithTheRequestId() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(json(404,
        "{\"error\": \"API key not found\"}", "req_404")));

    NotFoundException error = assertThrows(NotFoundException.class,
        () -> raw.retrieve("key_1"));

    assertEquals(Optional.of("req_404"), error.requestId());
  }

  private static ResponseDefinitionBuilder json(int statusCode, String body, String requestId) {
    return status(statusCode).withHeader("Content-Type", "application/json")
        .withHeader("x-request-id", requestId).withBody(body);
  }
}
