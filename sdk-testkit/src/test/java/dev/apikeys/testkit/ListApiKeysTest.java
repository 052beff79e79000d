package dev.apikeys.testkit;

import static dev.apikeys.testkit.RawApi.KEYS;
import static dev.apikeys.testkit.RawApi.assertError;
import static dev.apikeys.testkit.RawApi.assertJson;
import static dev.apikeys.testkit.RawApi.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListApiKeysTest extends SpecCheckedTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API = new MockApiKeysServerExtension(
      MockApiKeysServer.builder().seed(12).clock(TestClocks.FIXED));

  ListApiKeysTest(MockApiKeysServer server) {
    super(server);
  }

  @Test
  void firstPageHoldsTenKeysOldestFirst() {
    assertEquals(10, MockApiKeysServer.DEFAULT_LIMIT);
    assertPage(ids(1, 10), true, api.get(KEYS).send());
  }

  @Test
  void seededKeysHaveFixedFields() {
    assertJson(200, """
        {"data": [
          {"id": "key_0001", "name": "Seeded key 1", "description": "Seeded API key number 1",
           "created_date": "2024-01-01T00:00:00Z", "last_four_digits": "4c84",
           "creator_id": "user_admin", "restricted": false, "permissions": [],
           "expires_at": null},
          {"id": "key_0002", "name": "Seeded key 2", "description": "Seeded API key number 2",
           "created_date": "2024-01-01T00:01:00Z", "last_four_digits": "7452",
           "creator_id": "user_admin", "restricted": true,
           "permissions": ["calls.view", "calls.create"], "expires_at": null},
          {"id": "key_0003", "name": "Seeded key 3", "description": "Seeded API key number 3",
           "created_date": "2024-01-01T00:02:00Z", "last_four_digits": "14a3",
           "creator_id": "user_admin", "restricted": false, "permissions": [],
           "expires_at": "2030-01-01T00:00:00Z"}],
         "has_more": true, "first_id": "key_0001", "last_id": "key_0003"}
        """, api.get(KEYS + "?limit=3").send());
  }

  @Test
  void afterCursorGivesTheNextPage() {
    assertPage(ids(11, 12), false, api.get(KEYS + "?after=key_0010").send());
  }

  @Test
  void walksEveryPageWithAfterCursors() {
    List<String> seen = new ArrayList<>();
    JsonNode page = tree(api.get(KEYS + "?limit=5").send().body());
    seen.addAll(ids(page));
    for (int pages = 1; page.get("has_more").booleanValue() && pages < 10; pages++) {
      String cursor = page.get("last_id").textValue();
      page = tree(api.get(KEYS + "?limit=5&after=" + cursor).send().body());
      seen.addAll(ids(page));
    }
    assertEquals(ids(1, 12), seen);
  }

  @Test
  void descendingOrderListsNewestFirst() {
    assertPage(List.of("key_0012", "key_0011", "key_0010"), true,
        api.get(KEYS + "?order=desc&limit=3").send());
    assertPage(List.of("key_0002", "key_0001"), false,
        api.get(KEYS + "?order=desc&after=key_0003").send());
  }

  @Test
  void beforeCursorGivesTheKeysJustBeforeIt() {
    assertPage(ids(8, 11), true, api.get(KEYS + "?before=key_0012&limit=4").send());
    assertPage(ids(1, 2), false, api.get(KEYS + "?before=key_0003&limit=4").send());
  }

  @Test
  void beforeCursorFollowsTheOrder() {
    assertPage(List.of("key_0008", "key_0007", "key_0006"), true,
        api.get(KEYS + "?order=desc&before=key_0005&limit=3").send());
  }

  @Test
  void limitOneAndLimitMaximumAreAccepted() {
    assertPage(ids(1, 1), true, api.get(KEYS + "?limit=1").send());
    assertPage(ids(1, 12), false, api.get(KEYS + "?limit=1000").send());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1001", "-1", "ten", "", "1.5"})
  void limitOutOfRangeIsBadRequest(String limit) {
    assertError(400, "limit must be an integer from 1 to 1000; was: '" + limit + "'",
        api.get(KEYS + "?limit=" + limit).send());
  }

  @Test
  void unknownOrderIsBadRequest() {
    assertError(400, "order must be 'asc' or 'desc'; was: 'sideways'",
        api.get(KEYS + "?order=sideways").send());
  }

  @Test
  void unknownCursorIsBadRequest() {
    assertError(400, "Invalid cursor: no API key with id 'key_9999'",
        api.get(KEYS + "?after=key_9999").send());
    assertError(400, "Invalid cursor: no API key with id 'key_9999'",
        api.get(KEYS + "?before=key_9999").send());
  }

  @Test
  void cursorOfAnotherAccountIsBadRequest() {
    assertError(400, "Invalid cursor: no API key with id 'key_0001'",
        api.get(KEYS + "?after=key_0001").account("acct_other").send());
  }

  @Test
  void bothCursorsAtOnceIsBadRequest() {
    assertError(400, "after and before cannot be used together",
        api.get(KEYS + "?after=key_0001&before=key_0005").send());
  }

  @Test
  void emptyAccountGivesAnEmptyPageWithNullIds() {
    assertJson(200, """
        {"data": [], "has_more": false, "first_id": null, "last_id": null}
        """, api.get(KEYS).account("acct_empty").send());
  }

  @Test
  void pageAfterTheLastKeyIsEmpty() {
    assertJson(200, """
        {"data": [], "has_more": false, "first_id": null, "last_id": null}
        """, api.get(KEYS + "?after=key_0012").send());
  }

  @Test
  void deletedKeyLeavesTheListButStillWorksAsACursor() {
    assertEquals(204, api.delete(KEYS + "key_0005").send().statusCode());

    assertPage(List.of("key_0001", "key_0002", "key_0003", "key_0004", "key_0006"), true,
        api.get(KEYS + "?limit=5").send());
    assertPage(ids(6, 7), true, api.get(KEYS + "?after=key_0005&limit=2").send());
    assertPage(ids(3, 4), true, api.get(KEYS + "?before=key_0005&limit=2").send());
  }

  @Test
  void keysCreatedAtTheSameInstantAreOrderedById() {
    for (int i = 0; i < 3; i++) {
      api.post(KEYS, "{\"name\": \"same instant\"}").account("acct_same").send();
    }
    assertPage(ids(13, 15), false, api.get(KEYS).account("acct_same").send());
    assertPage(List.of("key_0015", "key_0014", "key_0013"), false,
        api.get(KEYS + "?order=desc").account("acct_same").send());
  }

  private static void assertPage(List<String> expectedIds, boolean hasMore,
      HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response::body);
    JsonNode page = tree(response.body());
    assertEquals(expectedIds, ids(page));
    assertEquals(hasMore, page.get("has_more").booleanValue());
    assertEquals(expectedIds.get(0), page.get("first_id").textValue());
    assertEquals(expectedIds.get(expectedIds.size() - 1), page.get("last_id").textValue());
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("data").forEach(key -> ids.add(key.get("id").textValue()));
    return ids;
  }

  private static List<String> ids(int first, int last) {
    return IntStream.rangeClosed(first, last).mapToObj(n -> String.format("key_%04d", n))
        .toList();
  }
}
