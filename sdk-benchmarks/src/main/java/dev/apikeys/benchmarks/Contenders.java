package dev.apikeys.benchmarks;

import dev.apikeys.peer.ApiClient;
import dev.apikeys.peer.api.ApiKeysApi;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.LogLevel;
import dev.apikeys.transport.apache5.ApacheTransport;
import java.net.URI;

/**
 * The clients of the walks, each set up the way its documentation says, against the same
 * server: our SDK on its default JDK transport and on {@code ApacheTransport}, the hand-written
 * {@link FloorClient}, and the stock generated client (openapi-generator {@code java}, library
 * {@code native}, default options).
 */
public final class Contenders implements AutoCloseable {

  private final ApiKeysClient sdk;
  private final ApiKeysClient sdkApache;
  private final FloorClient floor;
  private final ApiKeysApi peer;

  private Contenders(ApiKeysClient sdk, ApiKeysClient sdkApache, FloorClient floor,
      ApiKeysApi peer) {
    this.sdk = sdk;
    this.sdkApache = sdkApache;
    this.floor = floor;
    this.peer = peer;
  }

  /** Creates the clients for a server. */
  public static Contenders connectTo(URI baseUrl) {
    return new Contenders(sdk(baseUrl), sdkApacheBuilder(baseUrl).build(),
        new FloorClient(baseUrl, CannedApiServer.TOKEN), peer(baseUrl));
  }

  /** Returns our SDK's client, with its defaults (retries on, logging off). */
  static ApiKeysClient sdk(URI baseUrl) {
    return sdkBuilder(baseUrl).build();
  }

  /** Returns the builder of {@link #sdk(URI)}, for a scenario that changes a setting. */
  static ApiKeysClient.Builder sdkBuilder(URI baseUrl) {
    return ApiKeysClient.builder()
        .baseUrl(baseUrl.toString())
        .token(CannedApiServer.TOKEN)
        .logLevel(LogLevel.OFF);
  }

  /** Returns the SDK's builder on {@code ApacheTransport} with its defaults. */
  static ApiKeysClient.Builder sdkApacheBuilder(URI baseUrl) {
    return sdkBuilder(baseUrl).transport(ApacheTransport.create());
  }

  /** Returns the stock generated client; it takes the bearer token through an interceptor. */
  static ApiKeysApi peer(URI baseUrl) {
    ApiClient apiClient = new ApiClient();
    apiClient.updateBaseUri(baseUrl.toString());
    apiClient.setRequestInterceptor(request ->
        request.header("Authorization", "Bearer " + CannedApiServer.TOKEN));
    return new ApiKeysApi(apiClient);
  }

  /** Returns our SDK. */
  public ApiKeysClient sdk() {
    return sdk;
  }

  /** Returns our SDK on {@code ApacheTransport}. */
  public ApiKeysClient sdkApache() {
    return sdkApache;
  }

  /** Returns the floor. */
  public FloorClient floor() {
    return floor;
  }

  /** Returns the peer. */
  public ApiKeysApi peer() {
    return peer;
  }

  /** Closes our SDK's clients; the other two hold nothing to close. */
  @Override
  public void close() {
    sdk.close();
    sdkApache.close();
  }
}
