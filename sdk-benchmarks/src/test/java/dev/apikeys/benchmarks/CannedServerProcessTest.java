package dev.apikeys.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The server in its own JVM answers like the one in this JVM, and ends when closed. */
class CannedServerProcessTest {

  @Test
  void theServerJvmAnswersAndEndsWhenClosed() throws Exception {
    CannedServerProcess server = CannedServerProcess.start(3, 2);
    try {
      FloorClient client = new FloorClient(server.baseUri(), CannedApiServer.TOKEN);
      assertEquals(CannedPages.RETRIEVED_ID, client.retrieve(CannedPages.RETRIEVED_ID).id());
      FloorClient.Page second = client.list(3, "key_000000002");
      assertEquals("key_000000005", second.lastId());
      assertFalse(second.hasMore());
      assertTrue(server.isAlive());
    } finally {
      server.close();
    }
    assertFalse(server.isAlive());
  }
}
