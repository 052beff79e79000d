package dev.apikeys.testkit;

import dev.apikeys.sdk.ApiKeysClient;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs a {@link MockApiKeysServer} and injects it, and ready
 * {@link ApiKeysClient}s for it, into test constructors and methods.
 *
 * <p>Registered on a static field, or with {@code @ExtendWith}, one server serves the whole
 * test class; on an instance field, each test gets its own. Before each test the server is
 * {@linkplain MockApiKeysServer#reset() reset} and seeded again, so tests do not see each
 * other's keys, stubs or requests: add stubs in {@code @BeforeEach} or in the test. An injected
 * {@code ApiKeysClient} is built by {@link MockApiKeysServer#clientBuilder()}: the admin token,
 * retries that do not wait, the SDK's other defaults; it is closed when its test ends.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MockApiKeysServerExtension API =
 *     new MockApiKeysServerExtension(MockApiKeysServer.builder().seed(3));
 *
 * @Test
 * void listsTheSeededKeys(ApiKeysClient client, MockApiKeysServer server) {
 *   assertEquals(3, client.apiKeys().list().data().size());
 * }
 * }</pre>
 *
 * <p>Thread-safe, but the per-test reset means that the tests of one class must not run
 * concurrently against one server. Register one such extension per class: two would both offer
 * to resolve the same parameter types.
 */
public final class MockApiKeysServerExtension implements BeforeAllCallback, AfterAllCallback,
    BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace CLIENTS =
      ExtensionContext.Namespace.create(MockApiKeysServerExtension.class, "clients");

  private final MockApiKeysServer.Builder settings;
  private @Nullable MockApiKeysServer server;
  private @Nullable String ownerId;

  /** Creates an extension whose server has the defaults of {@link MockApiKeysServer#builder()}. */
  public MockApiKeysServerExtension() {
    this(MockApiKeysServer.builder());
  }

  /**
   * Creates an extension whose server has the given settings, copied now; its seed is applied
   * again before each test.
   *
   * @param settings the server's settings
   */
  public MockApiKeysServerExtension(MockApiKeysServer.Builder settings) {
    this.settings = Objects.requireNonNull(settings, "settings").copy();
  }

  /**
   * Returns the running server, for use from a static field.
   *
   * @return the server
   * @throws IllegalStateException outside the tests and callbacks the extension serves
   */
  public synchronized MockApiKeysServer server() {
    if (server == null) {
      throw new IllegalStateException("the server runs only while the extension's tests run");
    }
    return server;
  }

  /** Starts the server for the test class. */
  @Override
  public void beforeAll(ExtensionContext context) {
    startFor(context);
  }

  /** Starts the server unless the class started it, then resets and seeds it. */
  @Override
  public void beforeEach(ExtensionContext context) {
    MockApiKeysServer running = startFor(context);
    running.reset();
    running.seed(settings.seedCount());
  }

  /** Stops the server if this test started it. */
  @Override
  public void afterEach(ExtensionContext context) {
    stopFor(context);
  }

  /** Stops the server if this class started it. */
  @Override
  public void afterAll(ExtensionContext context) {
    stopFor(context);
  }

  /** Supports parameters of type {@link MockApiKeysServer} and {@link ApiKeysClient}. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == MockApiKeysServer.class || type == ApiKeysClient.class;
  }

  /** Returns the server, or a new client with the admin token that closes with the test. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    MockApiKeysServer running = server();
    if (parameter.getParameter().getType() == MockApiKeysServer.class) {
      return running;
    }
    ApiKeysClient client = running.clientBuilder().build();
    context.getStore(CLIENTS).put(client, client);
    return client;
  }

  /** Resolves constructor parameters in the scope of each test, so clients close with it. */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  private synchronized MockApiKeysServer startFor(ExtensionContext context) {
    if (server == null) {
      server = settings.build().start();
      ownerId = context.getUniqueId();
    }
    return server;
  }

  private synchronized void stopFor(ExtensionContext context) {
    if (server != null && context.getUniqueId().equals(ownerId)) {
      server.close();
      server = null;
      ownerId = null;
    }
  }
}
