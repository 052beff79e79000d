package dev.apikeys.interop;

import static dev.apikeys.interop.FastApiApp.seededId;
import static dev.apikeys.interop.FastApiApp.seededIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.Permission;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Every operation of the SDK once, in order, against the FastAPI app: list, retrieve, create,
 * update, delete, then a retrieve that is 404. Keys are made and removed in an account of their
 * own, so the seeded account stays as seeded.
 */
final class OperationsScenario {

  /** The methods of the requests that {@link #run} makes, in order. */
  static final List<String> METHODS = List.of("GET", "GET", "POST", "PATCH", "DELETE", "GET");

  /** The statuses of those requests. */
  static final List<Integer> STATUSES = List.of(200, 200, 201, 200, 204, 404);

  private OperationsScenario() {
  }

  /**
   * Runs every operation and checks each result.
   *
   * @param client a client of the app's seeded account
   * @param account an account for the keys this makes, not used by anything else
   */
  static void run(ApiKeysClient client, String account) {
    ApiKeysClient changes = client.withOptions(b -> b.accountId(account));

    List<String> listed = client.apiKeys().list(ListApiKeysParams.builder().limit(5).build())
        .data().stream().map(ApiKey::id).toList();
    assertEquals(seededIds(1, 5), listed);
    ApiKey seeded = client.apiKeys().retrieve(seededId(2));
    assertEquals(List.of(Permission.CALLS_VIEW, Permission.CALLS_CREATE), seeded.permissions());
    ApiKeyWithSecret created = changes.apiKeys().create(CreateApiKeyParams.builder()
        .name("h2").restricted(true).permissions(Permission.CALLS_VIEW)
        .expiresAt(OffsetDateTime.parse("2030-01-01T00:00:00Z")).build());
    assertTrue(created.key().endsWith(created.lastFourDigits()));
    ApiKey updated = changes.apiKeys().update(created.id(), UpdateApiKeyParams.builder()
        .name("h2-renamed").expiresAt(null).build());
    assertEquals("h2-renamed", updated.name());
    assertEquals(Optional.empty(), updated.expiresAt());
    changes.apiKeys().delete(created.id());
    assertThrows(NotFoundException.class, () -> changes.apiKeys().retrieve(created.id()));
  }
}
