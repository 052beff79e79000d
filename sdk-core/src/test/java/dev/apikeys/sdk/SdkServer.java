package dev.apikeys.sdk;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The set-up every sdk-core test against HTTP shares: a WireMock server on a dynamic port,
 * started before the class and stopped after it, and builders of clients of it with the test
 * token and a retry policy whose jitter is fixed, so that waits are exact. Register it with
 * {@code @RegisterExtension static SdkServer server = SdkServer.create();}.
 *
 * <p>Clients made by {@link #open} are closed after each test.
 */
public final class SdkServer extends WireMockExtension {

  /** The bearer token every test client sends. */
  public static final String TOKEN = "sk-test-token-5f1e";

  private final List<ApiKeysClient> opened = new CopyOnWriteArrayList<>();

  private SdkServer(WireMockConfiguration options) {
    super(WireMockExtension.newInstance().options(options));
  }

  /**
   * Returns a new extension; register it in a static field.
   *
   * @return a new extension
   */
  public static SdkServer create() {
    return new SdkServer(wireMockConfig().dynamicPort());
  }

  /**
   * Returns a new extension whose server also has {@code options} (HTTPS, HTTP/2, gzip).
   *
   * @param options changes to a configuration with a dynamic HTTP port
   * @return a new extension
   */
  public static SdkServer create(UnaryOperator<WireMockConfiguration> options) {
    return new SdkServer(options.apply(wireMockConfig().dynamicPort()));
  }

  /**
   * Returns a builder of a client of this server: base URL, {@link #TOKEN}, two retries with
   * jitter fixed at 12.5% off ({@code RuntimeFixtures.jitteredBackoff}) and {@code sleeper}.
   *
   * @param sleeper how the client waits between retries
   * @return the builder
   */
  public ApiKeysClient.Builder client(Sleeper sleeper) {
    return ApiKeysClient.builder()
        .baseUrl(baseUrl())
        .token(TOKEN)
        .retryPolicy(RuntimeFixtures.policy(2))
        .sleeper(sleeper);
  }

  /**
   * Returns a builder of a client of this server that does not retry: base URL and
   * {@link #TOKEN}.
   *
   * @return the builder
   */
  public ApiKeysClient.Builder client() {
    return ApiKeysClient.builder().baseUrl(baseUrl()).token(TOKEN).maxRetries(0);
  }

  /**
   * Builds {@code builder} into a client that is closed after the test.
   *
   * @param builder the client's builder
   * @return the client
   */
  public ApiKeysClient open(ApiKeysClient.Builder builder) {
    ApiKeysClient client = builder.build();
    opened.add(client);
    return client;
  }

  @Override
  protected void onAfterEach(WireMockRuntimeInfo info) {
    for (ApiKeysClient client : opened) {
      client.close();
    }
    opened.clear();
  }
}
