package dev.apikeys.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The canned server answers only a client with the token, and chains pages by cursor. */
class CannedApiServerTest {

  @Test
  void aClientWithoutTheTokenIsTurnedAway() throws Exception {
    try (CannedApiServer server = CannedApiServer.start(new CannedPages(2, 2), Duration.ZERO)) {
      FloorClient stranger = new FloorClient(server.baseUri(), "sk-wrong");
      IOException failure = assertThrows(IOException.class, () -> stranger.retrieve("key_1"));
      assertEquals("HTTP 401 from " + server.baseUri() + "/v1/api_key/key_1",
          failure.getMessage());
    }
  }

  @Test
  void pagesFollowEachOtherByLastId() throws Exception {
    try (CannedApiServer server = CannedApiServer.start(new CannedPages(2, 2), Duration.ZERO)) {
      FloorClient client = new FloorClient(server.baseUri(), CannedApiServer.TOKEN);
      assertEquals(new FloorClient.Page(client.list(2, null).data(), true, "key_000000000",
          "key_000000001"), client.list(2, null));
      FloorClient.Page last = client.list(2, "key_000000001");
      assertEquals("key_000000002", last.firstId());
      assertEquals("key_000000003", last.data().get(1).id());
      assertEquals(false, last.hasMore());
      IOException unknown = assertThrows(IOException.class, () -> client.list(2, "nope"));
      assertEquals("HTTP 404 from " + server.baseUri() + "/v1/api_key/?limit=2&after=nope",
          unknown.getMessage());
    }
  }

  @Test
  void keyIdsArePaddedToNineDigits() {
    assertEquals("key_000000000", CannedPages.keyId(0));
    assertEquals("key_000999999", CannedPages.keyId(999_999));
  }
}
