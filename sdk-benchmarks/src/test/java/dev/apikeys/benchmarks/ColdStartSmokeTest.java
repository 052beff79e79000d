package dev.apikeys.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each contender's first call runs in a new JVM and prints the key it retrieved. */
class ColdStartSmokeTest {

  @Test
  void everyChildJvmCompletesItsFirstCall() throws Exception {
    ColdStartBenchmark benchmark = new ColdStartBenchmark();
    benchmark.start();
    try {
      assertEquals("ready", benchmark.jvmOnly());
      benchmark.reapChild();
      assertEquals(CannedPages.RETRIEVED_ID, benchmark.sdk());
      benchmark.reapChild();
      assertEquals(CannedPages.RETRIEVED_ID, benchmark.sdkApache());
      benchmark.reapChild();
      assertEquals(CannedPages.RETRIEVED_ID, benchmark.apache());
      benchmark.reapChild();
      assertEquals(CannedPages.RETRIEVED_ID, benchmark.floor());
      benchmark.reapChild();
      assertEquals(CannedPages.RETRIEVED_ID, benchmark.peer());
      benchmark.reapChild();
    } finally {
      benchmark.stop();
    }
  }
}
