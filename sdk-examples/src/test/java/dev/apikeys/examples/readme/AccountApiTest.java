package dev.apikeys.examples.readme;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.RawResponse;
import dev.apikeys.sdk.errors.BadRequestException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyInput;
import dev.apikeys.sdk.models.Permission;
import dev.apikeys.sdk.models.SuccessResponse;
import dev.apikeys.testkit.MockApiKeysServer;
import dev.apikeys.testkit.MockApiKeysServerExtension;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's "The account API" snippets, compiled and run against the testkit, with the
 * exact bodies they send and the three states of {@code expiresAt}.
 */
class AccountApiTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API =
      new MockApiKeysServerExtension(MockApiKeysServer.builder().seed(3));

  @Test
  void updatesAKeyAndReadsItBack(ApiKeysClient client, MockApiKeysServer server) {
    SuccessResponse done = client.accountApiKeys().update("key_0001", ApiKeyInput.builder()
        .description("ci bot")                                      // required
        .flatPermissionsList(List.of("calls.view", "agents.view"))  // required; replaces all
        .expiresAt(OffsetDateTime.parse("2027-01-01T00:00:00Z"))    // optional
        .build());
    done.success();                                    // true
    ApiKey key = client.apiKeys().retrieve("key_0001");   // the reply has no key: read it back

    assertTrue(done.success());
    server.wireMock().verify(1, patchRequestedFor(urlEqualTo("/apikeys/key_0001"))
        .withRequestBody(equalToJson("""
            {"description": "ci bot", "flatPermissionsList": ["calls.view", "agents.view"],
             "expiresAt": "2027-01-01T00:00:00Z"}""")));
    assertEquals(Optional.of("ci bot"), key.description());
    assertEquals(List.of("calls.view", "agents.view"), key.permissionValues());
    assertEquals(Optional.of(OffsetDateTime.parse("2027-01-01T00:00:00Z")), key.expiresAt());
  }

  @Test
  void updatesAsyncWithTypedPermissionsAndRemovesTheExpiry(ApiKeysClient client,
      MockApiKeysServer server) throws Exception {
    assertEquals(Optional.of(OffsetDateTime.parse("2030-01-01T00:00:00Z")),
        client.apiKeys().retrieve("key_0003").expiresAt());

    CompletableFuture<SuccessResponse> update = client.async().accountApiKeys().update("key_0003",
        ApiKeyInput.builder()
            .description("ci bot")
            .flatPermissionsList(Permission.CALLS_VIEW, Permission.AGENTS_VIEW)
            .expiresAt(null)   // never expires
            .build());

    assertTrue(update.get().success());
    server.wireMock().verify(1, patchRequestedFor(urlEqualTo("/apikeys/key_0003"))
        .withRequestBody(equalToJson("""
            {"description": "ci bot", "flatPermissionsList": ["calls.view", "agents.view"],
             "expiresAt": null}""")));
    ApiKey key = client.apiKeys().retrieve("key_0003");
    assertEquals(List.of(Permission.CALLS_VIEW, Permission.AGENTS_VIEW), key.permissions());
    assertEquals(Optional.empty(), key.expiresAt());
  }

  @Test
  void anExpiresAtLeftOutIsNotSentAndKeepsTheExpiry(ApiKeysClient client,
      MockApiKeysServer server) {
    RawResponse<SuccessResponse> raw = client.accountApiKeys().withRawResponse()
        .update("key_0003", ApiKeyInput.builder().description("kept expiry")
            .flatPermissionsList(List.of("calls.view")).build());

    assertEquals(200, raw.statusCode());
    assertTrue(raw.body().success());
    server.wireMock().verify(1, patchRequestedFor(urlEqualTo("/apikeys/key_0003"))
        .withRequestBody(equalToJson("""
            {"description": "kept expiry", "flatPermissionsList": ["calls.view"]}""")));
    assertEquals(Optional.of(OffsetDateTime.parse("2030-01-01T00:00:00Z")),
        client.apiKeys().retrieve("key_0003").expiresAt());
  }

  @Test
  void requiredFieldsAndUnknownPermissionIdsFail(ApiKeysClient client) {
    NullPointerException missing = assertThrows(NullPointerException.class,
        () -> ApiKeyInput.builder().description("ci bot").build());
    BadRequestException unknown = assertThrows(BadRequestException.class,
        () -> client.accountApiKeys().update("key_0001", ApiKeyInput.builder()
            .description("the documented example")
            .flatPermissionsList(List.of("readApplications"))
            .build()));

    assertTrue(missing.getMessage().contains("flatPermissionsList"), missing.getMessage());
    assertEquals("Invalid permissions provided: readApplications", unknown.error());
  }
}
