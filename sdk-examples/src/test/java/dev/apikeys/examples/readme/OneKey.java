package dev.apikeys.examples.readme;

import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.ApiKeysService;
import dev.apikeys.sdk.RequestOptions;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.Permission;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.time.OffsetDateTime;

/** The README's test double of {@link ApiKeysService}: it knows one key. */
class OneKey implements ApiKeysService {
  final ApiKey key = ApiKey.builder().id("key_1").name("ci").lastFourDigits("a1b2")
      .createdDate(OffsetDateTime.parse("2024-01-01T00:00:00Z")).creatorId("user_1")
      .restricted(true).permissions(Permission.CALLS_VIEW).build();

  public ApiKey retrieve(String id, RequestOptions o) { return key; }
  public ApiKeyPage list(ListApiKeysParams p, RequestOptions o) { throw unused(); }
  public ApiKeyWithSecret create(CreateApiKeyParams p, RequestOptions o) { throw unused(); }
  public ApiKey update(String id, UpdateApiKeyParams p, RequestOptions o) { throw unused(); }
  public void delete(String id, RequestOptions o) { throw unused(); }
  public WithRawResponse withRawResponse() { throw unused(); }
  static RuntimeException unused() { return new UnsupportedOperationException(); }
}
