package dev.apikeys.interop;

import static dev.apikeys.interop.FastApiApp.seededIds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.SortOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** Paging through every seeded key of the FastAPI app, the same way on every stack. */
final class PagingChecks {

  private PagingChecks() {
  }

  /**
   * Walks every key with the auto-pager, page by page, and checks that each seeded key comes
   * once, in order, in as few pages as the limit allows.
   *
   * @param client a client of the app's default account
   * @param seeded how many keys the app was seeded with
   * @param order the order to walk in
   * @param limit the page size
   */
  static void walksEveryKeyOnce(ApiKeysClient client, int seeded, SortOrder order, int limit) {
    List<String> expected = new ArrayList<>(seededIds(1, seeded));
    if (order == SortOrder.DESC) {
      Collections.reverse(expected);
    }
    ApiKeyPage first = client.apiKeys().list(ListApiKeysParams.builder()
        .limit(limit).order(order).build());
    List<String> ids = new ArrayList<>();
    int pages = 0;
    for (ApiKeyPage page : first.autoPager().pages()) {
      pages++;
      page.data().stream().map(ApiKey::id).forEach(ids::add);
    }

    assertEquals(expected, ids);
    assertEquals((seeded + limit - 1) / limit, pages);
  }

  /**
   * Walks backwards from the newest key with {@code before}: pages of older keys, each in
   * ascending order, until the oldest.
   *
   * @param client a client of the app's default account
   * @param seeded how many keys the app was seeded with
   * @param limit the page size
   */
  static void walksBackwards(ApiKeysClient client, int seeded, int limit) {
    List<String> expected = new ArrayList<>();
    for (int end = seeded - 1; end >= 1; end -= limit) {
      expected.addAll(seededIds(Math.max(1, end - limit + 1), end));
    }
    ApiKeyPage first = client.apiKeys().list(ListApiKeysParams.builder()
        .limit(limit).before(FastApiApp.seededId(seeded)).build());

    try (Stream<ApiKey> keys = first.autoPager().stream()) {
      assertEquals(expected, keys.map(ApiKey::id).toList());
    }
  }
}
