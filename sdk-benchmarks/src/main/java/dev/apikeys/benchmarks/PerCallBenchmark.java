package dev.apikeys.benchmarks;

import dev.apikeys.sdk.ApiKeysClient;
import java.net.URI;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The set-up shared by the per-call scenarios: one benchmark method, {@code call()}, and the
 * contender as a parameter, so that JMH gives each contender its own forks and
 * {@link InterleavedRun} can alternate them fork by fork. The fork makes only its contender's
 * client.
 *
 * <p>The canned server runs in another JVM, so that this fork's CPU time and allocation are the
 * client's alone: the one named by the system property {@value #SERVER_PROPERTY} (a base URL;
 * {@link InterleavedRun} starts one for the whole run), else one started for this fork.
 */
@State(Scope.Benchmark)
public abstract class PerCallBenchmark {

  /** The system property that names a running canned server, such as http://127.0.0.1:4000. */
  public static final String SERVER_PROPERTY = "dev.apikeys.benchmarks.server";

  /** The contender: one of {@link ContenderCalls#open}'s. */
  @Param({"raw", "apache", "sdkApache", "sdkApacheAsync", "floor", "sdk", "sdkAsync"})
  public String contender;

  private CannedServerProcess ownServer;
  private ContenderCalls calls;

  /** Finds or starts the server, and makes the contender's client. */
  @Setup
  public void start() {
    String url = System.getProperty(SERVER_PROPERTY);
    URI baseUrl;
    if (url == null) {
      ownServer = CannedServerProcess.start(ListPageBenchmark.PAGE_SIZE, 1);
      baseUrl = ownServer.baseUri();
    } else {
      baseUrl = URI.create(url);
    }
    calls = ContenderCalls.open(contender, baseUrl, sdkSettings());
    try {
      prepare(calls);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  /** Closes the client, and the server if this fork started it. */
  @TearDown
  public void stop() {
    finish();
    calls.close();
    if (ownServer != null) {
      ownServer.close();
    }
  }

  /**
   * One operation of the scenario.
   *
   * @return what the contender decoded
   * @throws Exception if a call fails
   */
  public abstract Object call() throws Exception;

  /** Changes to the SDK's defaults that the scenario needs; none by default. */
  protected UnaryOperator<ApiKeysClient.Builder> sdkSettings() {
    return UnaryOperator.identity();
  }

  /** Binds the scenario's call, once the client is made. */
  protected abstract void prepare(ContenderCalls contenderCalls);

  /** Releases what {@link #prepare} made; nothing by default. */
  protected void finish() {
  }
}
