package dev.apikeys.benchmarks;

import dev.apikeys.peer.ApiException;
import dev.apikeys.peer.api.ApiKeysApi;
import dev.apikeys.peer.model.ApiKeyList;
import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.AutoPager;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ListApiKeysParams;
import java.io.IOException;
import java.time.Duration;

/**
 * Walks a whole listing, key by key, with each contender: our SDK through its auto-pager
 * (sequential or with prefetch), the floor and the peer through the plain loop their users
 * write (fetch a page, use it, fetch the next with {@code after = last_id}).
 */
final class ListingWalks {

  private ListingWalks() {
  }

  static KeyWalk sdk(ApiKeysClient client, int pageSize, boolean prefetch, Duration work) {
    ApiKeyPage first = client.apiKeys().list(ListApiKeysParams.builder().limit(pageSize).build());
    KeyTally tally = new KeyTally(pageSize, work);
    try (AutoPager pager = prefetch ? first.autoPager().withPrefetch() : first.autoPager()) {
      for (ApiKey key : pager) {
        tally.see(key.id());
      }
    }
    return tally.walk();
  }

  static KeyWalk floor(FloorClient client, int pageSize, Duration work)
      throws IOException, InterruptedException {
    KeyTally tally = new KeyTally(pageSize, work);
    FloorClient.Page page = client.list(pageSize, null);
    while (true) {
      for (FloorClient.Key key : page.data()) {
        tally.see(key.id());
      }
      if (!page.hasMore()) {
        return tally.walk();
      }
      page = client.list(pageSize, page.lastId());
    }
  }

  static KeyWalk peer(ApiKeysApi api, int pageSize, Duration work) throws ApiException {
    KeyTally tally = new KeyTally(pageSize, work);
    ApiKeyList page = api.listApiKeys(null, pageSize, null, null, null);
    while (true) {
      for (dev.apikeys.peer.model.ApiKey key : page.getData()) {
        tally.see(key.getId());
      }
      if (!Boolean.TRUE.equals(page.getHasMore())) {
        return tally.walk();
      }
      page = api.listApiKeys(null, pageSize, null, page.getLastId(), null);
    }
  }
}
