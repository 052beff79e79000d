package dev.apikeys.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.LogLevel;
import dev.apikeys.sdk.RawResponse;
import dev.apikeys.sdk.RequestOptions;
import dev.apikeys.sdk.RetryPolicy;
import dev.apikeys.sdk.errors.ApiKeysServiceException;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.Permission;
import dev.apikeys.sdk.models.SortOrder;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import dev.apikeys.testkit.MockApiKeysServer;
import dev.apikeys.testkit.MockApiKeysServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's snippets for configuration, updates, errors, paging, retries, async, raw
 * responses and logging, compiled and run against the testkit. Each test body starts with the
 * snippet as the README shows it.
 */
class ReadmeSnippetsTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API =
      new MockApiKeysServerExtension(MockApiKeysServer.builder().seed(25));

  @Test
  void configuration(ApiKeysClient client) {
    ApiKeysClient otherAccount = client.withOptions(b -> b.accountId("acct_2"));

    ApiKey key = client.apiKeys().retrieve("key_0001", RequestOptions.builder()
        .timeout(Duration.ofSeconds(5))
        .maxRetries(0)
        .header("X-Trace", "t-1")
        .build());

    assertEquals("key_0001", key.id());
    assertEquals(List.of(), otherAccount.apiKeys().list().data());
  }

  @Test
  void updatingAKey(ApiKeysClient client) {
    client.apiKeys().update("key_0003", UpdateApiKeyParams.builder()
        .expiresAt(null)          // never expires
        .build());

    ApiKey key = client.apiKeys().retrieve("key_0002");
    List<String> values = new ArrayList<>(key.permissionValues());
    values.add(Permission.TOOLS_VIEW.value());
    client.apiKeys().update("key_0002", UpdateApiKeyParams.builder()
        .restricted(true)
        .permissionValues(values)
        .build());

    assertEquals(Optional.empty(), client.apiKeys().retrieve("key_0003").expiresAt());
    assertEquals(List.of("calls.view", "calls.create", "tools.view"),
        client.apiKeys().retrieve("key_0002").permissionValues());
  }

  @Test
  void errors(ApiKeysClient client) {
    String seen;
    try {
      client.apiKeys().retrieve("key_1");
      seen = "no error";
    } catch (NotFoundException e) {
      seen = e.error() + " " + e.requestId().orElse("-");
    } catch (ApiKeysServiceException e) {
      seen = "HTTP " + e.statusCode() + ": " + e.error();
    }

    assertTrue(seen.startsWith("API key not found req_"), seen);
  }

  @Test
  void paging(ApiKeysClient client) {
    ApiKeyPage first = client.apiKeys().list(ListApiKeysParams.builder()
        .limit(10).order(SortOrder.ASC).build());
    List<String> ids = new ArrayList<>();
    for (ApiKey key : first.autoPager()) {
      ids.add(key.id());
    }
    List<String> restricted;
    try (Stream<ApiKey> keys = first.autoPager().withPrefetch().stream()) {
      restricted = keys.filter(ApiKey::restricted).limit(10).map(ApiKey::id)
          .collect(Collectors.toList());
    }
    String savedCursor = first.lastId().orElseThrow();
    ApiKeyPage resumed = client.apiKeys().list(
        ListApiKeysParams.builder().limit(10).after(savedCursor).build());

    assertEquals(25, ids.size());
    assertEquals("key_0020", restricted.get(9));
    assertEquals("key_0011", resumed.data().get(0).id());
  }

  @Test
  void retriesAndTimeouts(MockApiKeysServer server) {
    String token = MockApiKeysServer.ADMIN_TOKEN;
    ApiKeysClient client = ApiKeysClient.builder()
        .baseUrl(server.baseUrl())
        .token(token)
        .retryPolicy(RetryPolicy.builder()
            .maxRetries(4)
            .initialBackoff(Duration.ofMillis(200))
            .maxRetryAfter(Duration.ofSeconds(10))
            .build())
        .timeout(Duration.ofSeconds(10))      // each attempt
        .callTimeout(Duration.ofSeconds(30))  // all attempts and waits together
        .build();

    assertEquals("key_0001", client.apiKeys().retrieve("key_0001").id());
    client.close();
  }

  @Test
  void asyncAndRawResponses(ApiKeysClient client) throws Exception {
    List<String> names = new ArrayList<>();
    client.async().apiKeys().retrieve("key_0001")
        .thenAccept(key -> names.add(key.name())).get();

    RawResponse<ApiKey> raw = client.apiKeys().withRawResponse().retrieve("key_0001");
    raw.statusCode();   // 200
    raw.requestId();    // Optional[req_...]
    raw.headers();      // names in lower case
    ApiKey key = raw.body();

    assertEquals(List.of("Seeded key 1"), names);
    assertEquals(200, raw.statusCode());
    assertTrue(raw.requestId().orElseThrow().startsWith("req_"));
    assertEquals("key_0001", key.id());
  }

  @Test
  void logging(MockApiKeysServer server) {
    try (ApiKeysClient client = server.clientBuilder().logLevel(LogLevel.INFO).build()) {
      assertEquals("key_0001", client.apiKeys().retrieve("key_0001").id());
    }
  }
}
