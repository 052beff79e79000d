package dev.apikeys.examples;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.testkit.MockApiKeysServer;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the examples run: against the server named by {@code APIKEYS_BASE_URL} (with
 * {@code APIKEYS_TOKEN}), or, when it is not set, against an embedded {@link MockApiKeysServer}
 * seeded with a few keys, so that every example runs on a fresh clone with nothing else.
 */
public final class ExampleEnvironment implements AutoCloseable {

  /** How many keys the embedded server starts with. */
  public static final int SEEDED_KEYS = 25;

  private final MockApiKeysServer embedded;
  private final ApiKeysClient client;

  private ExampleEnvironment(MockApiKeysServer embedded, ApiKeysClient client) {
    this.embedded = embedded;
    this.client = client;
  }

  /** Opens the environment the process's variables describe. */
  public static ExampleEnvironment open() {
    return open(System::getenv);
  }

  /**
   * Opens the environment that {@code env} describes.
   *
   * @param env looks up a variable, such as {@code System::getenv}
   * @return the environment; close it to stop an embedded server
   */
  public static ExampleEnvironment open(UnaryOperator<String> env) {
    String baseUrl = env.apply("APIKEYS_BASE_URL");
    if (baseUrl != null && !baseUrl.isBlank()) {
      return new ExampleEnvironment(null, ApiKeysClient.builder().fromEnv(env).build());
    }
    MockApiKeysServer server = MockApiKeysServer.builder().seed(SEEDED_KEYS).build().start();
    return new ExampleEnvironment(server, server.clientBuilder().build());
  }

  /** Returns the client to run the examples with. */
  public ApiKeysClient client() {
    return client;
  }

  /** Returns the embedded server, when the examples run on one. */
  public Optional<MockApiKeysServer> embedded() {
    return Optional.ofNullable(embedded);
  }

  /** Describes where the examples run. */
  public String describe() {
    return embedded == null ? "the server at APIKEYS_BASE_URL"
        : "an embedded MockApiKeysServer at " + embedded.baseUrl() + " seeded with "
            + SEEDED_KEYS + " keys";
  }

  @Override
  public void close() {
    client.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
