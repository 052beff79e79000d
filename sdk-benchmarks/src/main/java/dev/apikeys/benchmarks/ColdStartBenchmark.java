package dev.apikeys.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cold start: from starting a new JVM to its first completed call, one JVM per shot. The clock
 * stops when the child prints the key it retrieved; its exit is waited for outside the timing.
 * {@code jvmOnly} is the same JVM printing at once, so each contender's own cost is its score
 * minus that one. The server runs here, warm, so only the child's start-up is measured.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class ColdStartBenchmark {

  private CannedApiServer server;
  private ColdStartLauncher child;

  /** Starts the server. */
  @Setup
  public void start() throws IOException {
    server = CannedApiServer.start(new CannedPages(1, 1), Duration.ZERO);
  }

  /** Stops it. */
  @TearDown
  public void stop() {
    server.close();
  }

  /** Waits for the child to exit, outside the timing, and checks that it succeeded. */
  @TearDown(Level.Invocation)
  public void reapChild() {
    int exitCode = child.awaitExit();
    if (exitCode != 0) {
      throw new IllegalStateException("the child JVM exited with " + exitCode);
    }
  }

  /** The JVM alone. */
  @Benchmark
  public String jvmOnly() {
    return run("jvm");
  }

  /** Our SDK. */
  @Benchmark
  public String sdk() {
    return run("sdk");
  }

  /** Our SDK on {@code ApacheTransport}. */
  @Benchmark
  public String sdkApache() {
    return run("sdkApache");
  }

  /** Apache HttpClient 5 by hand. */
  @Benchmark
  public String apache() {
    return run("apache");
  }

  /** The hand-written floor. */
  @Benchmark
  public String floor() {
    return run("floor");
  }

  /** The stock generated client. */
  @Benchmark
  public String peer() {
    return run("peer");
  }

  private String run(String contender) {
    child = ColdStartLauncher.start(contender, server.baseUri());
    return child.firstLine();
  }
}
