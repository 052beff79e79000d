package dev.apikeys.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each contender does each scenario once, on small listings, with the exact same results. */
class ScenariosSmokeTest {

  @Test
  void everyContenderRetrievesTheSameKey() throws Exception {
    RetrieveBenchmark benchmark = new RetrieveOneThreadBenchmark();
    benchmark.start();
    try {
      assertEquals(CannedPages.RETRIEVED_ID, benchmark.sdk().id());
      assertEquals(CannedPages.RETRIEVED_ID, benchmark.floor().id());
      assertEquals(CannedPages.RETRIEVED_ID, benchmark.peer().getId());
      assertEquals(benchmark.floor(), benchmark.floorThroughSendAsync());
      assertEquals("ci-bot", benchmark.sdk().name());
      assertEquals(benchmark.floor().createdDate().toInstant(),
          benchmark.sdk().createdDate().toInstant());
    } finally {
      benchmark.stop();
    }
  }

  @Test
  void everyContenderDecodesTheSameThousandKeys() throws Exception {
    ListPageBenchmark benchmark = new ListPageBenchmark();
    benchmark.start();
    try {
      assertEquals(1000, benchmark.sdk().data().size());
      assertEquals(1000, benchmark.floor().data().size());
      assertEquals(1000, benchmark.peer().getData().size());
      assertEquals(Optional.of("key_000000999"), benchmark.sdk().lastId());
      assertEquals("key_000000999", benchmark.floor().lastId());
      assertEquals("key_000000999", benchmark.peer().getLastId());
      assertEquals("key_000000500", benchmark.sdk().data().get(500).id());
      assertEquals(benchmark.floor().data().get(500).permissions(),
          benchmark.sdk().data().get(500).permissionValues());
      assertFalse(benchmark.sdk().hasMore());
    } finally {
      benchmark.stop();
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
      assertEquals(expected, benchmark.floor());
      assertEquals(expected, benchmark.peer());
    } finally {
      benchmark.stop();
    }
  }
}
