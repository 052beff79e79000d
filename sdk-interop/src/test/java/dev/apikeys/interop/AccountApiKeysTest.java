package dev.apikeys.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.RawResponse;
import dev.apikeys.sdk.errors.BadRequestException;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.errors.PermissionDeniedException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyInput;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.Permission;
import dev.apikeys.sdk.models.SuccessResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The account API's update through the SDK
 * ({@code client.accountApiKeys().update(id, ApiKeyInput)}: {@code PATCH /apikeys/{id}}),
 * blocking, async and raw, against the FastAPI app on uvicorn;
 * each change is read back with {@code client.apiKeys().retrieve}. Keys are made in
 * {@link #ACCOUNT}.
 */
class AccountApiKeysTest {

  @RegisterExtension
  static final UvicornServer SERVER = new UvicornServer(FastApiApp.naive());

  private static final String ACCOUNT = "acct_account_api";
  private static final OffsetDateTime SEED_EXPIRY = OffsetDateTime.parse("2030-01-01T00:00:00Z");
  private static final OffsetDateTime NEW_EXPIRY = OffsetDateTime.parse("2027-01-01T00:00:00Z");

  @Test
  void replacesDescriptionAndPermissionsAndSetsTheExpiry() {
    String id = create(false).id();

    SuccessResponse done = inAccount().accountApiKeys().update(id, ApiKeyInput.builder()
        .description("ci bot")
        .flatPermissionsList(Permission.CALLS_VIEW, Permission.AGENTS_VIEW)
        .expiresAt(NEW_EXPIRY)
        .build());

    assertTrue(done.success());
    ApiKey key = inAccount().apiKeys().retrieve(id);
    assertEquals("bot", key.name());
    assertEquals(Optional.of("ci bot"), key.description());
    assertTrue(key.restricted());
    assertEquals(List.of(Permission.CALLS_VIEW, Permission.AGENTS_VIEW), key.permissions());
    assertEquals(Optional.of(NEW_EXPIRY), key.expiresAt());
  }

  @Test
  void expiresAtNullRemovesTheExpiryAndLeavingItOutKeepsIt() {
    String removed = create(true).id();
    String kept = create(true).id();

    inAccount().accountApiKeys().update(removed, input("no expiry").expiresAt(null).build());
    inAccount().accountApiKeys().update(kept, input("same expiry").build());

    assertEquals(Optional.empty(), inAccount().apiKeys().retrieve(removed).expiresAt());
    ApiKey unchanged = inAccount().apiKeys().retrieve(kept);
    assertEquals(Optional.of(SEED_EXPIRY), unchanged.expiresAt());
    assertEquals(Optional.of("same expiry"), unchanged.description());
  }

  @Test
  void updatesAsync() {
    String id = create(true).id();

    SuccessResponse done = inAccount().async().accountApiKeys()
        .update(id, input("async").build()).join();

    assertTrue(done.success());
    ApiKey key = inAccount().apiKeys().retrieve(id);
    assertEquals(Optional.of("async"), key.description());
    assertEquals(List.of(Permission.CALLS_VIEW), key.permissions());
    assertEquals(Optional.of(SEED_EXPIRY), key.expiresAt());
  }

  @Test
  void updatesRawBlockingAndAsync() {
    String id = create(false).id();
    int mark = SERVER.accessLog().mark();

    RawResponse<SuccessResponse> blocking = inAccount().accountApiKeys().withRawResponse()
        .update(id, input("raw").build());
    RawResponse<SuccessResponse> async = inAccount().async().accountApiKeys().withRawResponse()
        .update(id, input("raw async").build()).join();

    for (RawResponse<SuccessResponse> raw : List.of(blocking, async)) {
      assertEquals(200, raw.statusCode());
      assertTrue(raw.body().success());
      assertEquals(Optional.of("application/json"), raw.header("Content-Type"));
      assertTrue(raw.requestId().orElseThrow().matches("req_[0-9a-f]{32}"), raw::toString);
    }
    AccessLog.Entry patch = new AccessLog.Entry("PATCH", "/apikeys/" + id, "HTTP/1.1", 200, "OK");
    assertEquals(List.of(patch, patch), SERVER.accessLog().entriesAfter(mark, 2));
    assertEquals(Optional.of("raw async"), inAccount().apiKeys().retrieve(id).description());
  }

  @Test
  void anUnknownIdIsNotFound() {
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> inAccount().accountApiKeys().update("no-such-key", input("d").build()));

    assertEquals("API key not found", e.error());
    assertEquals("{\"error\":\"API key not found\"}", e.body());
  }

  @Test
  void anUnknownPermissionIsABadRequest() {
    String id = create(false).id();

    BadRequestException e = assertThrows(BadRequestException.class,
        () -> inAccount().accountApiKeys().update(id, ApiKeyInput.builder().description("d")
            .flatPermissionsList(List.of("readApplications")).build()));

    assertEquals("Invalid permissions provided", e.error());
    assertEquals(Optional.of("Seeded or made here"), inAccount().apiKeys().retrieve(id)
        .description());
  }

  @Test
  void anApiKeysTokenCannotUpdateAnotherKey() {
    ApiKeyWithSecret caller = inAccount().apiKeys().create(CreateApiKeyParams.builder()
        .name("caller").restricted(true).permissionValues(List.of("api_keys.view",
            "api_keys.create", "api_keys.update", "api_keys.delete")).build());
    String other = create(false).id();
    ApiKeysClient asKey = inAccount().withOptions(b -> b.token(caller.key()));

    PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
        () -> asKey.accountApiKeys().update(other, input("taken over").build()));

    assertEquals("User does not have the required permissions", e.error());
    // The token works for what it may do: reading the other key, unchanged.
    assertEquals(Optional.of("Seeded or made here"), asKey.apiKeys().retrieve(other)
        .description());
  }

  /** A body with the required fields: the description, and {@code calls.view}. */
  private static ApiKeyInput.Builder input(String description) {
    return ApiKeyInput.builder().description(description)
        .flatPermissionsList(Permission.CALLS_VIEW);
  }

  private static ApiKeyWithSecret create(boolean expiring) {
    CreateApiKeyParams.Builder params = CreateApiKeyParams.builder().name("bot")
        .description("Seeded or made here");
    if (expiring) {
      params.expiresAt(SEED_EXPIRY);
    }
    return inAccount().apiKeys().create(params.build());
  }

  private static ApiKeysClient inAccount() {
    return SERVER.client().withOptions(b -> b.accountId(ACCOUNT));
  }
}
