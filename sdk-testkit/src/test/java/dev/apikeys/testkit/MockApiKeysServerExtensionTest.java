package dev.apikeys.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

class MockApiKeysServerExtensionTest {

  @Test
  void serverIsUnavailableOutsideTests() {
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> new MockApiKeysServerExtension().server());
    assertEquals("the server runs only while the extension's tests run", thrown.getMessage());
  }

  /** A static registration: one server for the class, reset and seeded before each test. */
  @Nested
  class OnAStaticField {

    @RegisterExtension
    static final MockApiKeysServerExtension API =
        new MockApiKeysServerExtension(MockApiKeysServer.builder().seed(3));

    private static MockApiKeysServer firstSeen;

    @RepeatedTest(2)
    void eachTestStartsFromTheSeed(ApiKeysClient client, MockApiKeysServer server) {
      assertEquals(3, client.apiKeys().list().data().size());
      client.apiKeys().create(CreateApiKeyParams.builder().name("extra").build());
      assertEquals(4, client.apiKeys().list().data().size());

      assertSame(API.server(), server);
      if (firstSeen == null) {
        firstSeen = server;
      }
      assertSame(firstSeen, server);
      assertTrue(server.isRunning());
    }

    @Test
    void journalHoldsOnlyThisTestsRequests(ApiKeysClient client, MockApiKeysServer server) {
      client.apiKeys().retrieve("key_0001");

      assertEquals(1, server.wireMock().getAllServeEvents().size());
    }
  }

  /** Constructor injection, and the default settings of {@code @ExtendWith}. */
  @Nested
  @ExtendWith(MockApiKeysServerExtension.class)
  class ThroughTheConstructor {

    private final MockApiKeysServer server;
    private final ApiKeysClient client;

    ThroughTheConstructor(MockApiKeysServer server, ApiKeysClient client) {
      this.server = server;
      this.client = client;
    }

    @Test
    void injectsAClientOfTheServerWithTheAdminToken() {
      String id = client.apiKeys().create(CreateApiKeyParams.builder().name("mine").build())
          .id();

      assertEquals("key_0001", id);
      assertEquals(MockApiKeysServer.ADMIN_USER_ID, client.apiKeys().retrieve(id).creatorId());
      assertEquals(2, server.wireMock().getAllServeEvents().size());
    }
  }

  /** An instance registration: a server for each test, stopped after it. */
  @Nested
  class OnAnInstanceField {

    private static final List<MockApiKeysServer> SEEN = new ArrayList<>();

    @RegisterExtension
    final MockApiKeysServerExtension api = new MockApiKeysServerExtension();

    @RepeatedTest(2)
    void eachTestHasItsOwnServer(MockApiKeysServer server) {
      assertTrue(server.isRunning());
      SEEN.forEach(earlier -> assertFalse(earlier.isRunning()));
      SEEN.add(server);
    }

    @AfterAll
    static void everyServerStopped() {
      assertEquals(2, SEEN.size());
      SEEN.forEach(server -> assertFalse(server.isRunning()));
    }
  }
}
