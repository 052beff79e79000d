package dev.apikeys.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apikeys.peer.model.ApiKeyList;
import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.models.ApiKey;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each contender does each scenario once, on small listings, with the exact same results. The
 * per-call scenarios use one server in this JVM, named by {@link PerCallBenchmark#SERVER_PROPERTY}.
 */
class ScenariosSmokeTest {

  private static CannedApiServer server;

  @BeforeAll
  static void startServer() throws IOException {
    server = CannedApiServer.start(new CannedPages(ListPageBenchmark.PAGE_SIZE, 1),
        Duration.ZERO);
    System.setProperty(PerCallBenchmark.SERVER_PROPERTY, server.baseUri().toString());
  }

  @AfterAll
  static void stopServer() {
    System.clearProperty(PerCallBenchmark.SERVER_PROPERTY);
    server.close();
  }

  /** Sets a per-call benchmark up for a contender, runs its operation once, tears it down. */
  static Object once(PerCallBenchmark benchmark, String contender) throws Exception {
    benchmark.contender = contender;
    benchmark.start();
    try {
      return benchmark.call();
    } finally {
      benchmark.stop();
    }
  }

  @Test
  void everyContenderRetrievesTheSameKey() throws Exception {
    ApiKey sdk = (ApiKey) once(new RetrieveOneThreadBenchmark(), "sdk");
    FloorClient.Key floor = (FloorClient.Key) once(new RetrieveEightThreadsBenchmark(),
        "floor");
    dev.apikeys.peer.model.ApiKey peer =
        (dev.apikeys.peer.model.ApiKey) once(new RetrieveOneThreadBenchmark(), "peer");
    assertEquals(CannedPages.RETRIEVED_ID, sdk.id());
    assertEquals(CannedPages.RETRIEVED_ID, floor.id());
    assertEquals(CannedPages.RETRIEVED_ID, peer.getId());
    assertEquals(floor, once(new RetrieveOneThreadBenchmark(), "floorThroughSendAsync"));
    assertEquals(floor, once(new RetrieveOneThreadBenchmark(), "floorWithTimeout"));
    assertEquals("ci-bot", sdk.name());
    assertEquals(floor.createdDate().toInstant(), sdk.createdDate().toInstant());
  }

  /** Sets the no-network benchmark up for a contender, runs one retrieve, tears it down. */
  private static Object withoutNetwork(String contender) throws Exception {
    ClientOverheadBenchmark benchmark = new ClientOverheadBenchmark();
    benchmark.contender = contender;
    benchmark.start();
    try {
      return benchmark.call();
    } finally {
      benchmark.stop();
    }
  }

  @Test
  void withoutTheNetworkTheSdkDecodesTheKeyTheServerSends() throws Exception {
    ApiKey blocking = (ApiKey) withoutNetwork("sdk");
    ApiKey async = (ApiKey) withoutNetwork("sdkAsync");

    assertEquals(once(new RetrieveOneThreadBenchmark(), "sdk"), blocking,
        "the canned transport's answer decodes as the server's does");
    assertEquals(blocking, async);
    assertEquals(CannedPages.RETRIEVED_ID, blocking.id());
  }

  @Test
  void theRawSocketApacheAndTheSdkOnEachTransportRetrieveTheSameKey() throws Exception {
    FloorClient.Key floor = (FloorClient.Key) once(new RetrieveOneThreadBenchmark(), "floor");
    ApiKey sdk = (ApiKey) once(new RetrieveOneThreadBenchmark(), "sdk");
    assertEquals(floor, once(new RetrieveOneThreadBenchmark(), "raw"));
    assertEquals(floor, once(new RetrieveEightThreadsBenchmark(), "raw"));
    for (String apache : List.of("apache", "apacheAsync", "apacheLax", "apacheLifo",
        "apacheLaxLifo", "apacheNoValidate")) {
      assertEquals(floor, once(new RetrieveEightThreadsBenchmark(), apache), apache);
    }
    for (String onSdk : List.of("sdkAsync", "sdkApache", "sdkApacheAsync")) {
      assertEquals(sdk, once(new RetrieveOneThreadBenchmark(), onSdk), onSdk);
    }
  }

  @Test
  void aClientWithoutTheTokenIsTurnedAwayByTheRawSocketAndApacheToo() {
    RawSocketClient raw = new RawSocketClient(server.baseUri(), "sk-wrong");
    IOException refused = assertThrows(IOException.class,
        () -> raw.retrieve(CannedPages.RETRIEVED_ID));
    assertEquals("HTTP 401", refused.getMessage());
    raw.close();
    try (ApacheClient apache = new ApacheClient(server.baseUri(), "sk-wrong",
        ApacheClient.Pool.DEFAULT)) {
      IOException turnedAway = assertThrows(IOException.class,
          () -> apache.retrieve(CannedPages.RETRIEVED_ID));
      assertEquals("HTTP 401 from /v1/api_key/" + CannedPages.RETRIEVED_ID,
          turnedAway.getMessage());
    }
  }

  @Test
  void everyContenderDecodesTheSameThousandKeys() throws Exception {
    ApiKeyPage sdk = (ApiKeyPage) once(new ListPageBenchmark(), "sdk");
    FloorClient.Page floor = (FloorClient.Page) once(new ListPageBenchmark(), "floor");
    ApiKeyList peer = (ApiKeyList) once(new ListPageBenchmark(), "peer");
    assertEquals(1000, sdk.data().size());
    assertEquals(1000, floor.data().size());
    assertEquals(1000, peer.getData().size());
    assertEquals(floor, once(new ListPageBenchmark(), "raw"));
    assertEquals(floor, once(new ListPageBenchmark(), "apache"));
    assertEquals(floor, once(new ListPageBenchmark(), "apacheAsync"));
    for (String onSdk : List.of("sdkAsync", "sdkApache", "sdkApacheAsync")) {
      ApiKeyPage page = (ApiKeyPage) once(new ListPageBenchmark(), onSdk);
      assertEquals(sdk.data(), page.data(), onSdk);
    }
    assertEquals(Optional.of("key_000000999"), sdk.lastId());
    assertEquals("key_000000999", floor.lastId());
    assertEquals("key_000000999", peer.getLastId());
    assertEquals("key_000000500", sdk.data().get(500).id());
    assertEquals(floor.data().get(500).permissions(), sdk.data().get(500).permissionValues());
    assertFalse(sdk.hasMore());
    for (int i = 0; i < 1000; i++) {
      FloorClient.Key expected = floor.data().get(i);
      ApiKey read = sdk.data().get(i);
      assertEquals(expected.createdDate().toInstant(), read.createdDate().toInstant());
      assertEquals(Optional.ofNullable(expected.expiresAt()).map(OffsetDateTime::toInstant),
          read.expiresAt().map(OffsetDateTime::toInstant), read.id());
    }
  }

  @Test
  void everyWayOfPagingSeesEveryKeyOnce() throws Exception {
    AutoPagerBenchmark benchmark = new AutoPagerBenchmark();
    benchmark.pages = 5;
    benchmark.pageSize = 10;
    benchmark.latencyMs = 1;
    benchmark.workMs = 1;
    benchmark.start();
    try {
      KeyWalk expected = new KeyWalk(50, "key_000000049");
      assertEquals(expected, benchmark.sdkSequential());
      assertEquals(expected, benchmark.sdkPrefetch());
      assertEquals(expected, benchmark.floor());
      assertEquals(expected, benchmark.peer());
    } finally {
      benchmark.stop();
    }
  }

  @Test
  void aLargeListingIsRenderedPerRequestAndWalkedWhole() throws Exception {
    MillionKeysBenchmark benchmark = new MillionKeysBenchmark();
    benchmark.pages = 30;
    benchmark.pageSize = 1000;
    benchmark.start();
    try {
      KeyWalk expected = new KeyWalk(30_000, "key_000029999");
      assertEquals(expected, benchmark.sdkSequential());
      assertEquals(expected, benchmark.sdkPrefetch());
      assertEquals(expected, benchmark.sdkApacheSequential());
      assertEquals(expected, benchmark.sdkApachePrefetch());
      assertEquals(expected, benchmark.floor());
      assertEquals(expected, benchmark.peer());
    } finally {
      benchmark.stop();
    }
  }
}
