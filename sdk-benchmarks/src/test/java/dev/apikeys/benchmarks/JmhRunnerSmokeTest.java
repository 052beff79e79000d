package dev.apikeys.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** JMH finds the generated benchmarks and runs one, in this JVM, for a fraction of a second. */
class JmhRunnerSmokeTest {

  @Test
  void jmhRunsTheSdkRetrieveBenchmark() throws Exception {
    Options options = new OptionsBuilder()
        .include(RetrieveOneThreadBenchmark.class.getName() + ".sdk$")
        .forks(0)
        .warmupIterations(1)
        .warmupTime(TimeValue.milliseconds(100))
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(100))
        .verbosity(VerboseMode.SILENT)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    assertEquals(1, results.size());
    RunResult result = results.iterator().next();
    assertEquals(RetrieveOneThreadBenchmark.class.getName() + ".sdk",
        result.getParams().getBenchmark());
    assertTrue(result.getPrimaryResult().getScore() > 0,
        "score " + result.getPrimaryResult().getScore());
  }
}
