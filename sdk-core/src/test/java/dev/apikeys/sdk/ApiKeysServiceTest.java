package dev.apikeys.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.Permission;
import dev.apikeys.sdk.models.SortOrder;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each operation sends exactly the documented request and returns exactly what came back. */
class ApiKeysServiceTest {

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  private ApiKeysClient client;

  @BeforeEach
  void setUp() {
    client = server.open(server.client().accountId("acct_1"));
  }

  @Test
  void listSendsQueryAndHeadersAndReadsThePage() {
    server.stubFor(get(urlEqualTo("/v1/api_key/?limit=2&order=asc&after=key_0"))
        .willReturn(okJson("{\"data\": [" + Json.key("key_1") + "," + Json.key("key_2")
            + "], \"has_more\": true, \"first_id\": \"key_1\", \"last_id\": \"key_2\"}")));

    ApiKeyPage page = client.apiKeys().list(ListApiKeysParams.builder()
        .limit(2).order(SortOrder.ASC).after("key_0").build());

    assertEquals(List.of("key_1", "key_2"), page.data().stream().map(ApiKey::id).toList());
    assertTrue(page.hasMore());
    assertEquals(Optional.of("key_1"), page.firstId());
    assertEquals(Optional.of("key_2"), page.lastId());
    server.verify(exactly(1), getRequestedFor(
            urlEqualTo("/v1/api_key/?limit=2&order=asc&after=key_0"))
        .withHeader("Authorization", equalTo("Bearer " + SdkServer.TOKEN))
        .withHeader("x-account-id", equalTo("acct_1"))
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("User-Agent", matching("apikeys-java/0\\.1\\.0-SNAPSHOT Java/\\d+")));
  }

  @Test
  void listWithoutParamsSendsNoQuery() {
    server.stubFor(get(urlEqualTo("/v1/api_key/"))
        .willReturn(okJson("{\"data\": [], \"has_more\": false, \"first_id\": null,"
            + " \"last_id\": null}")));

    ApiKeyPage page = client.apiKeys().list();

    assertEquals(List.of(), page.data());
    assertFalse(page.hasMore());
    assertEquals(Optional.empty(), page.firstId());
    assertEquals(Optional.empty(), page.nextPage());
    server.verify(exactly(1), getRequestedFor(urlEqualTo("/v1/api_key/")));
  }

  @Test
  void retrieveReadsEveryField() {
    server.stubFor(get(urlEqualTo("/v1/api_key/key_1")).willReturn(okJson(Json.FULL_KEY)));

    ApiKey key = client.apiKeys().retrieve("key_1");

    assertEquals("key_1", key.id());
    assertEquals("ci-bot", key.name());
    assertEquals(OffsetDateTime.parse("2023-11-07T05:31:56Z"), key.createdDate());
    assertEquals("a1b2", key.lastFourDigits());
    assertEquals("user_9", key.creatorId());
    assertTrue(key.restricted());
    assertEquals(List.of(Permission.CALLS_VIEW, Permission.CALLS_CREATE), key.permissions());
    assertEquals(List.of("calls.view", "calls.create"), key.permissionValues());
    assertEquals(Optional.of("Used by CI"), key.description());
    assertEquals(Optional.of(OffsetDateTime.parse("2030-01-01T00:00:00+02:00")),
        key.expiresAt());
  }

  @Test
  void idIsSentAsExactlyOnePercentEncodedSegment() {
    server.stubFor(get(urlEqualTo("/v1/api_key/%2E%2E%2Fadmin%3Fx%3D1%20%C3%A9"))
        .willReturn(okJson(Json.key("weird"))));

    ApiKey key = client.apiKeys().retrieve("../admin?x=1 é");

    assertEquals("weird", key.id());
    server.verify(exactly(1),
        getRequestedFor(urlEqualTo("/v1/api_key/%2E%2E%2Fadmin%3Fx%3D1%20%C3%A9")));
  }

  @Test
  void createSendsBodyAndIdempotencyKeyAndReturnsTheSecret() {
    server.stubFor(post(urlEqualTo("/v1/api_key/")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody(Json.keyWithSecret("key_new", "sk-live-secret-1234"))));

    ApiKeyWithSecret created = client.apiKeys().create(CreateApiKeyParams.builder()
        .name("ci")
        .description("deploys")
        .restricted(true)
        .permissions(Permission.CALLS_VIEW)
        .expiresAt(OffsetDateTime.parse("2030-01-01T00:00:00Z"))
        .build());

    assertEquals("key_new", created.id());
    assertEquals("sk-live-secret-1234", created.key());
    server.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/api_key/"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withHeader("Idempotency-Key", matching("[0-9a-f-]{36}"))
        .withRequestBody(equalToJson("{\"name\": \"ci\", \"description\": \"deploys\","
            + " \"restricted\": true, \"permissions\": [\"calls.view\"],"
            + " \"expires_at\": \"2030-01-01T00:00:00Z\"}", false, false)));
  }

  @Test
  void createUsesTheCallersIdempotencyKey() {
    server.stubFor(post(urlEqualTo("/v1/api_key/")).willReturn(aResponse().withStatus(201)
        .withBody(Json.keyWithSecret("key_new", "sk-live-secret-1234"))));

    client.apiKeys().create(CreateApiKeyParams.builder().name("ci").build(),
        RequestOptions.builder().idempotencyKey("idem-42").build());

    server.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/api_key/"))
        .withHeader("Idempotency-Key", equalTo("idem-42"))
        .withRequestBody(equalToJson("{\"name\": \"ci\"}", false, false)));
  }

  @Test
  void updateSendsOnlyTheFieldsSetAndExplicitNullForExpiry() {
    server.stubFor(patch(urlEqualTo("/v1/api_key/key_1")).willReturn(okJson(Json.FULL_KEY)));

    ApiKey updated = client.apiKeys().update("key_1", UpdateApiKeyParams.builder()
        .name("ci-bot")
        .restricted(true)
        .permissions(Permission.CALLS_VIEW, Permission.CALLS_CREATE)
        .expiresAt(null)
        .build());

    assertEquals("ci-bot", updated.name());
    List<LoggedRequest> sent = server.findAll(patchRequestedFor(urlEqualTo("/v1/api_key/key_1")));
    assertEquals(1, sent.size());
    assertEquals("{\"name\":\"ci-bot\",\"restricted\":true,"
        + "\"permissions\":[\"calls.view\",\"calls.create\"],\"expires_at\":null}",
        sent.get(0).getBodyAsString());
  }

  @Test
  void updateLeavesOutWhatWasNotSet() {
    server.stubFor(patch(urlEqualTo("/v1/api_key/key_1")).willReturn(okJson(Json.FULL_KEY)));

    client.apiKeys().update("key_1", UpdateApiKeyParams.builder().description("new").build());

    server.verify(exactly(1), patchRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withRequestBody(equalTo("{\"description\":\"new\"}"))
        .withHeader("Idempotency-Key", absent()));
  }

  @Test
  void updateSetsAnExpiry() {
    server.stubFor(patch(urlEqualTo("/v1/api_key/key_1")).willReturn(okJson(Json.FULL_KEY)));

    client.apiKeys().update("key_1", UpdateApiKeyParams.builder()
        .expiresAt(OffsetDateTime.parse("2031-05-06T07:08:09+02:00")).build());

    server.verify(exactly(1), patchRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withRequestBody(equalTo("{\"expires_at\":\"2031-05-06T07:08:09+02:00\"}")));
  }

  @Test
  void unknownPermissionsSurviveReadModifyWrite() {
    server.stubFor(get(urlEqualTo("/v1/api_key/key_1")).willReturn(okJson(
        Json.keyWithPermissions("key_1", "[\"calls.view\", \"calls.teleport\"]"))));
    server.stubFor(patch(urlEqualTo("/v1/api_key/key_1")).willReturn(okJson(
        Json.keyWithPermissions("key_1", "[\"calls.view\", \"calls.teleport\", \"tools.view\"]"))));

    ApiKey key = client.apiKeys().retrieve("key_1");
    assertEquals(List.of(Permission.CALLS_VIEW), key.permissions());
    List<String> values = new java.util.ArrayList<>(key.permissionValues());
    values.add(Permission.TOOLS_VIEW.value());
    ApiKey updated = client.apiKeys().update("key_1", UpdateApiKeyParams.builder()
        .restricted(true).permissionValues(values).build());

    server.verify(exactly(1), patchRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withRequestBody(equalTo("{\"restricted\":true,"
            + "\"permissions\":[\"calls.view\",\"calls.teleport\",\"tools.view\"]}")));
    assertEquals(List.of("calls.view", "calls.teleport", "tools.view"),
        updated.permissionValues());
    assertEquals(List.of(Permission.CALLS_VIEW, Permission.TOOLS_VIEW), updated.permissions());
  }

  @Test
  void deleteSendsDeleteAndAccepts204() {
    server.stubFor(delete(urlEqualTo("/v1/api_key/key_1"))
        .willReturn(aResponse().withStatus(204)));

    client.apiKeys().delete("key_1");

    server.verify(exactly(1), deleteRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withHeader("Authorization", equalTo("Bearer " + SdkServer.TOKEN)));
  }

  @Test
  void requestOptionsOverrideAccountAndAddHeaders() {
    server.stubFor(get(urlEqualTo("/v1/api_key/key_1")).willReturn(okJson(Json.FULL_KEY)));

    client.apiKeys().retrieve("key_1", RequestOptions.builder()
        .accountId("acct_2").header("X-Trace", "t-1").build());

    server.verify(exactly(1), getRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withHeader("x-account-id", equalTo("acct_2"))
        .withHeader("X-Trace", equalTo("t-1")));
  }

  @Test
  void withoutAccountIdNoAccountHeaderIsSent() {
    server.stubFor(get(urlEqualTo("/v1/api_key/key_1")).willReturn(okJson(Json.FULL_KEY)));

    client.withOptions(b -> b.accountId(null)).apiKeys().retrieve("key_1");

    server.verify(exactly(1), getRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withHeader("x-account-id", absent()));
  }

  @Test
  void asyncMirrorsTheBlockingResult() throws Exception {
    server.stubFor(patch(urlEqualTo("/v1/api_key/key_1")).willReturn(okJson(Json.FULL_KEY)));

    ApiKey updated = client.async().apiKeys()
        .update("key_1", UpdateApiKeyParams.builder().name("ci-bot").build()).get();

    assertEquals(client.apiKeys().update("key_1",
        UpdateApiKeyParams.builder().name("ci-bot").build()), updated);
    server.verify(exactly(2), patchRequestedFor(urlEqualTo("/v1/api_key/key_1"))
        .withRequestBody(equalTo("{\"name\":\"ci-bot\"}")));
  }
}
