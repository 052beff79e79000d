package dev.apikeys.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyList;
import dev.apikeys.sdk.models.ListApiKeysParams;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What users build for their own test doubles works like what the client builds. */
class TestDoublesTest {

  private static ApiKey key(String id) {
    return ApiKey.builder().id(id).name("ci").createdDate(OffsetDateTime.parse(
        "2023-11-07T05:31:56Z")).lastFourDigits("a1b2").creatorId("u").restricted(false)
        .permissionValues(List.of()).build();
  }

  private static ApiKeyList list(boolean hasMore, String... ids) {
    List<ApiKey> keys = new ArrayList<>();
    for (String id : ids) {
      keys.add(key(id));
    }
    return ApiKeyList.builder().data(keys).hasMore(hasMore).firstId(ids[0])
        .lastId(ids[ids.length - 1]).build();
  }

  @Test
  void aPageOfGivenDataPagesThroughItsNextFunction() throws Exception {
    Map<String, ApiKeyList> after = Map.of("k2", list(true, "k3", "k4"), "k4", list(false, "k5"));
    List<ListApiKeysParams> asked = new ArrayList<>();
    ApiKeyPage first = ApiKeyPage.of(list(true, "k1", "k2"), ListApiKeysParams.none(),
        params -> {
          asked.add(params);
          return after.get(params.after().orElseThrow());
        });

    List<String> ids = first.autoPager().stream().map(ApiKey::id).collect(Collectors.toList());

    assertEquals(List.of("k1", "k2", "k3", "k4", "k5"), ids);
    assertEquals(List.of(Optional.of("k2"), Optional.of("k4")),
        asked.stream().map(ListApiKeysParams::after).toList());
    ApiKeyPage second = first.nextPageAsync().get(5, TimeUnit.SECONDS).orElseThrow();
    assertEquals("k3", second.data().get(0).id());
    assertFalse(second.nextPage().orElseThrow().hasNextPage());
  }

  @Test
  void aFailingNextFunctionFailsTheFetch() {
    ApiKeyPage first = ApiKeyPage.of(list(true, "k1"), ListApiKeysParams.none(), params -> {
      throw new IllegalStateException("no more fixtures");
    });

    assertThrows(IllegalStateException.class, first::nextPage);
  }

  @Test
  void headersOfADoubleAreFoundWhateverTheirCase() {
    RawResponse<String> raw = RawResponse.of(200,
        Map.of("X-Request-Id", List.of("req_1"), "Content-Type", List.of("application/json")),
        "body");
    NotFoundException error = new NotFoundException(404, "API key not found", "",
        Map.of("X-Request-Id", List.of("req_2")));

    assertEquals(Optional.of("req_1"), raw.requestId());
    assertEquals(Map.of("x-request-id", List.of("req_1"),
        "content-type", List.of("application/json")), raw.headers());
    assertEquals(Optional.of("req_2"), error.requestId());
    assertEquals("HTTP 404: API key not found (request id req_2)", error.getMessage());
  }
}
