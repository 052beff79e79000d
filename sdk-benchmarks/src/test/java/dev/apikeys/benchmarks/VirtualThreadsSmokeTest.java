package dev.apikeys.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * A batch of calls on virtual threads per contender, and the pinning check on 1,000 calls:
 * once the first batch has loaded the classes, no pinned virtual thread has an SDK frame in its
 * stack. JDK 21 and newer; on 17 the check refuses to start.
 */
class VirtualThreadsSmokeTest {

  private static CannedApiServer server;

  @BeforeAll
  static void startServer() throws IOException {
    server = CannedApiServer.start(new CannedPages(1, 1), Duration.ZERO);
    System.setProperty(PerCallBenchmark.SERVER_PROPERTY, server.baseUri().toString());
  }

  @AfterAll
  static void stopServer() {
    System.clearProperty(PerCallBenchmark.SERVER_PROPERTY);
    server.close();
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void everyContenderCompletesABatchOnVirtualThreads() throws Exception {
    for (String contender : List.of("sdk", "sdkApache", "floor", "apache", "raw", "peer")) {
      try (ContenderCalls client = ContenderCalls.open(contender, server.baseUri(),
          builder -> builder.maxConcurrentRequests(200))) {
        ExecutorService virtualThreads = VirtualThreads.perTaskExecutor();
        assertEquals(200, VirtualThreads.inFlightAtOnce(virtualThreads, 200, client.retrieve()),
            contender);
        virtualThreads.shutdownNow();
      }
    }
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void noSdkFrameIsPinnedByAThousandCallsOnVirtualThreadsOnceWarm() throws Exception {
    try (ContenderCalls sdk = ContenderCalls.open("sdk", server.baseUri(),
        builder -> builder.maxConcurrentRequests(1000))) {
      PinningCheck.run(sdk, 1000);
      PinnedEvents.Count warm = PinningCheck.run(sdk, 1000);
      // A class that one of the later calls loads first still pins (the JDK's doing, rare).
      assertEquals(List.of(), warm.sdkStacksNotLoadingClasses());
    }
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void noSdkOrTransportFrameIsPinnedOnApacheOnceWarm() throws Exception {
    try (ContenderCalls sdk = ContenderCalls.open("sdkApache", server.baseUri(),
        builder -> builder.maxConcurrentRequests(1000))) {
      PinningCheck.run(sdk, 1000);
      PinnedEvents.Count warm = PinningCheck.run(sdk, 1000);
      assertEquals(List.of(), warm.sdkStacksNotLoadingClasses());
    }
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void theRecordingSeesAVirtualThreadPinnedInAClassInitializer() throws Exception {
    ExecutorService virtualThreads = VirtualThreads.perTaskExecutor();
    try (PinnedEvents recording = PinnedEvents.start()) {
      virtualThreads.submit(SleepsInItsInitializer::load).get();
      List<String> pinned = recording.stop()
          .withFrameFrom(List.of(SleepsInItsInitializer.class.getName()));
      assertEquals(1, pinned.size(), pinned.toString());
      assertTrue(pinned.get(0).contains(SleepsInItsInitializer.class.getName() + ".<clinit>"),
          pinned.get(0));
    } finally {
      virtualThreads.shutdownNow();
    }
  }

  @Test
  @EnabledForJreRange(max = JRE.JAVA_20)
  void beforeJdk21TheCheckRefusesToStart() {
    UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
        VirtualThreads::perTaskExecutor);
    assertEquals("virtual threads need JDK 21 or newer; this is " + Runtime.version(),
        refused.getMessage());
  }

  /** Blocks in its class initializer, which pins a virtual thread even on JDK 24 and newer. */
  static final class SleepsInItsInitializer {
    static {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    static boolean load() {
      return true;
    }
  }
}
