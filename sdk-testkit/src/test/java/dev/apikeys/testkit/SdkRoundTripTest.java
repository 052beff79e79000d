package dev.apikeys.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.errors.AuthenticationException;
import dev.apikeys.sdk.errors.BadRequestException;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.errors.PermissionDeniedException;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SDK's client against the testkit: the two agree on the whole API. */
class SdkRoundTripTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API = new MockApiKeysServerExtension(
      MockApiKeysServer.builder().seed(25).clock(TestClocks.FIXED));

  private final MockApiKeysServer server;
  private final ApiKeysClient client;

  SdkRoundTripTest(MockApiKeysServer server, ApiKeysClient client) {
    this.server = server;
    this.client = client;
  }

  @AfterEach
  void trafficConformsToTheSpec() {
    SpecContract.assertJournalConforms(server);
  }

  @Test
  void autoPagerWalksEveryPageInOrder() {
    ApiKeyPage first = client.apiKeys().list(ListApiKeysParams.builder().limit(10).build());

    List<String> ids = first.autoPager().stream().map(ApiKey::id).toList();

    assertEquals(IntStream.rangeClosed(1, 25).mapToObj(n -> String.format("key_%04d", n))
        .toList(), ids);
    assertEquals(3, server.wireMock().getAllServeEvents().size());
  }

  @Test
  void descendingPagesFollowTheCursor() {
    ApiKeyPage page = client.apiKeys().list(ListApiKeysParams.builder()
        .limit(2).order(SortOrder.DESC).after("key_0003").build());

    assertEquals(List.of("key_0002", "key_0001"), page.data().stream().map(ApiKey::id).toList());
    assertEquals(false, page.hasNextPage());
  }

  @Test
  void createUpdateRetrieveAndDeleteAKey() {
    ApiKeyWithSecret created = client.apiKeys().create(CreateApiKeyParams.builder()
        .name("ci").restricted(true).permissions(Permission.CALLS_VIEW)
        .expiresAt(OffsetDateTime.parse("2030-06-01T00:00:00Z")).build());
    assertEquals("key_0026", created.id());
    assertEquals(created.key().substring(created.key().length() - 4), created.lastFourDigits());
    assertEquals(OffsetDateTime.parse(TestClocks.NOW_TEXT), created.createdDate());

    ApiKey updated = client.apiKeys().update(created.id(), UpdateApiKeyParams.builder()
        .name("ci-bot").permissions(Permission.CALLS_VIEW, Permission.CALLS_CREATE)
        .expiresAt(null).build());
    assertEquals("ci-bot", updated.name());
    assertEquals(List.of(Permission.CALLS_VIEW, Permission.CALLS_CREATE),
        updated.permissions());
    assertEquals(Optional.empty(), updated.expiresAt());
    assertEquals(updated, client.apiKeys().retrieve(created.id()));

    client.apiKeys().delete(created.id());
    assertThrows(NotFoundException.class, () -> client.apiKeys().retrieve(created.id()));
  }

  @Test
  void errorsCarryTheServersMessageAndRequestId() {
    NotFoundException notFound =
        assertThrows(NotFoundException.class, () -> client.apiKeys().retrieve("key_0999"));

    assertEquals(404, notFound.statusCode());
    assertEquals("API key not found", notFound.error());
    assertEquals(Optional.of("req_00000001"), notFound.requestId());
  }

  @Test
  void serverRulesSurfaceAsTypedErrors() {
    BadRequestException badRequest = assertThrows(BadRequestException.class,
        () -> client.apiKeys().update("key_0001",
            UpdateApiKeyParams.builder().permissions(Permission.CALLS_VIEW).build()));
    assertEquals("Permissions can only be set on restricted API keys", badRequest.error());

    try (ApiKeysClient forbidden = client.toBuilder().token(MockApiKeysServer.FORBIDDEN_TOKEN)
        .build();
        ApiKeysClient unknown = client.toBuilder().token(MockApiKeysServer.UNKNOWN_TOKEN)
            .build()) {
      assertThrows(PermissionDeniedException.class, () -> forbidden.apiKeys().list());
      assertThrows(AuthenticationException.class, () -> unknown.apiKeys().list());
    }
  }

  @Test
  void accountIdScopesTheClient() {
    try (ApiKeysClient other = client.toBuilder().accountId("acct_other").build()) {
      assertEquals(List.of(), other.apiKeys().list().data());
      assertThrows(NotFoundException.class, () -> other.apiKeys().retrieve("key_0001"));
    }
  }

  @Test
  void injectedClientRetriesAStubbedServerErrorThenReachesTheApi() {
    server.wireMock().stubFor(get(urlEqualTo(RawApi.KEYS + "key_0001"))
        .inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\": \"Internal server error\"}"))
        .willSetStateTo("recovered"));

    assertEquals("Seeded key 1", client.apiKeys().retrieve("key_0001").name());
    server.wireMock().verify(2, getRequestedFor(urlEqualTo(RawApi.KEYS + "key_0001")));
  }
}
