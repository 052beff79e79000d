package dev.apikeys.interop;

import static dev.apikeys.interop.FastApiApp.seededId;
import static dev.apikeys.interop.FastApiApp.seededIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.RequestOptions;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.Permission;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every operation of the SDK, with its own HTTP client, against the FastAPI app on uvicorn
 * 0.17 as issue 10 met it: date-times without an offset, {@code "permissions": null}. The
 * seeded account is only read; the tests that change keys make their own (with plain HTTP, so
 * that they do not depend on the SDK's create) in {@link #ACCOUNT}.
 */
class UvicornApiKeysTest {

  @RegisterExtension
  static final UvicornServer SERVER = new UvicornServer(FastApiApp.naive());

  private static final String ACCOUNT = "acct_changes";
  private static final String KEYS = "/v1/api_key/";

  @Test
  void listsTheSeededKeys() {
    ApiKeyPage page = SERVER.client().apiKeys().list(ListApiKeysParams.builder()
        .limit(10).build());

    assertEquals(seededIds(1, 10), page.data().stream().map(ApiKey::id).toList());
    assertTrue(page.hasMore());
    assertEquals(Optional.of(seededId(1)), page.firstId());
    assertEquals(Optional.of(seededId(10)), page.lastId());
  }

  @Test
  void retrievesAKeyAsTheServerSentIt() {
    ApiKey unrestricted = SERVER.client().apiKeys().retrieve(seededId(3));
    ApiKey restricted = SERVER.client().apiKeys().retrieve(seededId(4));

    assertEquals(seededId(3), unrestricted.id());
    assertEquals("Seeded key 3", unrestricted.name());
    assertEquals(Optional.of("Seeded API key number 3"), unrestricted.description());
    // Sent as 2024-01-01T12:02:00.123456 and 2030-01-01T00:00:00: UTC, to the microsecond.
    assertEquals(OffsetDateTime.of(2024, 1, 1, 12, 2, 0, 123_456_000, ZoneOffset.UTC),
        unrestricted.createdDate());
    assertEquals(Optional.of(OffsetDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)),
        unrestricted.expiresAt());
    assertEquals("0003", unrestricted.lastFourDigits());
    assertFalse(unrestricted.restricted());
    // Sent as "permissions": null.
    assertEquals(List.of(), unrestricted.permissionValues());
    assertEquals(List.of(), unrestricted.permissions());
    assertEquals(unrestricted, unrestricted.validate());
    assertEquals(List.of(Permission.CALLS_VIEW, Permission.CALLS_CREATE),
        restricted.permissions());
    assertEquals(Optional.empty(), restricted.expiresAt());
  }

  @Test
  void createShowsTheSecretOnce() {
    OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC);
    ApiKeyWithSecret created = inAccount().apiKeys().create(CreateApiKeyParams.builder()
        .name("ci").restricted(true).permissions(Permission.CALLS_VIEW).build());

    assertTrue(created.key().matches("sk-live-[0-9a-f]{32}"), "the documented secret shape");
    assertTrue(created.key().endsWith(created.lastFourDigits()));
    assertEquals(List.of(Permission.CALLS_VIEW), created.permissions());
    // datetime.utcnow(), without an offset: read as UTC, whatever this JVM's time zone.
    assertEquals(ZoneOffset.UTC, created.createdDate().getOffset());
    assertFalse(created.createdDate().isBefore(before.minus(Duration.ofSeconds(1))));
    assertFalse(created.createdDate().isAfter(OffsetDateTime.now(ZoneOffset.UTC)));
    assertFalse(rawGet(created.id()).has("key"));
  }

  @Test
  void aRepeatedCreateWithTheSameIdempotencyKeyGivesTheSameKey() {
    CreateApiKeyParams params = CreateApiKeyParams.builder().name("once").build();
    RequestOptions options = RequestOptions.builder().idempotencyKey("interop-once").build();

    ApiKeyWithSecret first = inAccount().apiKeys().create(params, options);
    ApiKeyWithSecret again = inAccount().apiKeys().create(params, options);

    assertEquals(first.id(), again.id());
    assertEquals(first.key(), again.key());
  }

  @Test
  void updatesNameAndPermissionsAndLeavesTheRestAsItWas() {
    String id = rawCreate("{\"name\": \"bot\", \"description\": \"kept\", \"restricted\": true,"
        + " \"permissions\": [\"calls.view\"]}");

    ApiKey updated = inAccount().apiKeys().update(id, UpdateApiKeyParams.builder()
        .name("ci-bot").permissions(Permission.CALLS_VIEW, Permission.AGENTS_VIEW).build());

    assertEquals("ci-bot", updated.name());
    assertEquals(Optional.of("kept"), updated.description());
    assertEquals(List.of(Permission.CALLS_VIEW, Permission.AGENTS_VIEW), updated.permissions());
    assertEquals("[\"calls.view\",\"agents.view\"]", rawGet(id).get("permissions").toString());
  }

  @Test
  void anUpdateWithExpiresAtNullRemovesTheExpiry() {
    String id = rawCreate("{\"name\": \"expiring\", \"expires_at\": \"2030-01-01T00:00:00Z\"}");

    ApiKey updated = inAccount().apiKeys().update(id, UpdateApiKeyParams.builder()
        .expiresAt(null).build());

    assertEquals(Optional.empty(), updated.expiresAt());
    assertTrue(rawGet(id).get("expires_at").isNull());
    assertEquals("expiring", updated.name());
  }

  @Test
  void aDeletedKeyIsNotFound() {
    String id = rawCreate("{\"name\": \"doomed\"}");

    inAccount().apiKeys().delete(id);

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> inAccount().apiKeys().retrieve(id));
    assertEquals(404, e.statusCode());
    assertEquals(404, SERVER.raw().get(KEYS + id, "x-account-id", ACCOUNT).statusCode());
  }

  @Test
  void keysOfAnotherAccountAreNotFound() {
    assertThrows(NotFoundException.class, () -> inAccount().apiKeys().retrieve(seededId(1)));
  }

  private static ApiKeysClient inAccount() {
    return SERVER.client().withOptions(b -> b.accountId(ACCOUNT));
  }

  private static String rawCreate(String body) {
    return RawHttp.json(SERVER.raw().send("POST", KEYS, body, "x-account-id", ACCOUNT))
        .get("id").asText();
  }

  private static JsonNode rawGet(String id) {
    return RawHttp.json(SERVER.raw().get(KEYS + id, "x-account-id", ACCOUNT));
  }
}
