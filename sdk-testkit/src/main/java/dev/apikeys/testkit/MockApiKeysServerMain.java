package dev.apikeys.testkit;

import com.github.tomakehurst.wiremock.common.FatalStartupException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link MockApiKeysServer} from the command line until the process is stopped (Ctrl+C
 * or {@code kill}), and prints its base URL and tokens. The build packages it as an executable
 * jar with every dependency, attached with the classifier {@code standalone}:
 *
 * <pre>{@code
 * ./mvnw -B -q -pl sdk-testkit -am package -DskipTests
 * java -jar sdk-testkit/target/apikeys-sdk-testkit-<version>-standalone.jar --port 3000
 * }</pre>
 *
 * <p>Options: {@code --port N} (default {@value #DEFAULT_PORT}; 0 picks a free port) and
 * {@code --seed N} (default 0), the number of seeded keys.
 */
public final class MockApiKeysServerMain {

  /** The port used when {@code --port} is not given: the API's default base URL's port. */
  public static final int DEFAULT_PORT = 3000;

  private static final String USAGE = "usage: java -jar apikeys-sdk-testkit-<version>"
      + "-standalone.jar [--port N (default " + DEFAULT_PORT + ")] [--seed N (default 0)]";

  private MockApiKeysServerMain() {
  }

  /**
   * Starts the server and waits until the JVM shuts down. With {@code --help}, prints the
   * usage line and exits. Exits with status 2 and the usage line on bad arguments, and with
   * status 1 when the server cannot start, such as on a port in use.
   *
   * @param args {@code --port N} and {@code --seed N}, both optional, or {@code --help}
   * @throws InterruptedException if interrupted while waiting
   */
  public static void main(String[] args) throws InterruptedException {
    if (List.of(args).contains("--help")) {
      System.out.println(USAGE);
      return;
    }
    MockApiKeysServer server;
    try {
      server = start(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    } catch (IllegalStateException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "mock-api-keys-server-shutdown"));
    stopped.await();
  }

  /**
   * Builds and starts a server from the arguments, then prints how to use it.
   *
   * @throws IllegalArgumentException for bad arguments
   * @throws IllegalStateException when the server cannot listen on the port
   */
  static MockApiKeysServer start(String[] args, PrintStream out) {
    int port = DEFAULT_PORT;
    int seed = 0;
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--port" -> port = number("--port", value);
        case "--seed" -> seed = number("--seed", value);
        default -> throw new IllegalArgumentException("unknown option: " + args[i]);
      }
    }
    MockApiKeysServer server = MockApiKeysServer.builder().port(port).seed(seed).build();
    try {
      server.start();
    } catch (FatalStartupException e) {
      throw new IllegalStateException("The mock server cannot listen on port " + port + ": "
          + rootCause(e).getMessage() + "; choose another port with --port N", e);
    }
    describe(server, seed, out);
    return server;
  }

  private static Throwable rootCause(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static int number(String option, @Nullable String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a number");
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number; was: '" + value + "'", e);
    }
  }

  private static void describe(MockApiKeysServer server, int seed, PrintStream out) {
    List<String> lines = List.of(
        "Mock API Keys server listening on " + server.baseUrl(),
        "  admin token:                  " + MockApiKeysServer.ADMIN_TOKEN,
        "  restricted token, api_keys.*: " + MockApiKeysServer.RESTRICTED_TOKEN
            + " (a key outside the store: updates no key)",
        "  restricted token, no access:  " + MockApiKeysServer.FORBIDDEN_TOKEN,
        "  unknown token (401):          " + MockApiKeysServer.UNKNOWN_TOKEN,
        "  default account:              " + MockApiKeysServer.DEFAULT_ACCOUNT_ID,
        "  seeded keys:                  " + seedRange(seed),
        "The secret of every key you create is a token too, with that key's permissions.",
        "Stop with Ctrl+C.");
    lines.forEach(out::println);
  }

  private static String seedRange(int seed) {
    return seed == 0 ? "none" : seed + String.format(" (key_%04d to key_%04d)", 1, seed);
  }
}
