package dev.apikeys.interop;

import dev.apikeys.sdk.ApiKeysClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server stack that a test class starts before its tests and stops after them: register it
 * as a {@code static} field with {@code @RegisterExtension}. When the stack's packages are
 * missing, the class's tests are skipped (see {@link Prerequisites}).
 */
abstract class ServerExtension implements BeforeAllCallback, AfterAllCallback {

  private ApiKeysClient client;

  @Override
  public final void beforeAll(ExtensionContext context) {
    start(context.getRequiredTestClass().getSimpleName());
  }

  @Override
  public final void afterAll(ExtensionContext context) {
    shutdown();
  }

  /** Closes the shared client, if one was made, and stops the stack. */
  final void shutdown() {
    if (client != null) {
      client.close();
      client = null;
    }
    stop();
  }

  /**
   * Starts the stack.
   *
   * @param name names its files under target/interop
   */
  abstract void start(String name);

  /** Stops what {@link #start(String)} started, if anything. */
  abstract void stop();

  /**
   * Returns the base URL of the API.
   *
   * @return the base URL of the API
   */
  abstract String baseUrl();

  /**
   * Returns a builder of SDK clients for this stack, with the admin token.
   *
   * @return a builder of SDK clients for this stack, with the admin token
   */
  abstract ApiKeysClient.Builder clientBuilder();

  /**
   * Returns raw requests to this stack, with the admin token.
   *
   * @return raw requests to this stack, with the admin token
   */
  abstract RawHttp raw();

  /**
   * Returns an SDK client of {@link #clientBuilder()}, shared by the class's tests.
   *
   * @return an SDK client of {@link #clientBuilder()}, shared by the class's tests
   */
  final ApiKeysClient client() {
    if (client == null) {
      client = clientBuilder().build();
    }
    return client;
  }
}
