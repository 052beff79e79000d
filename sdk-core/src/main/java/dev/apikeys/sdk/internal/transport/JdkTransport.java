package dev.apikeys.sdk.internal.transport;

import dev.apikeys.sdk.internal.call.Futures;
import dev.apikeys.sdk.internal.timer.SdkTimer;
import dev.apikeys.sdk.transport.Transport;
import dev.apikeys.sdk.transport.TransportRequest;
import dev.apikeys.sdk.transport.TransportResponse;
import dev.apikeys.sdk.ProxyOptions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The default {@link Transport}: {@code java.net.http}. Bounds the body by the attempt's
 * deadline and, on a client the SDK made itself, speaks HTTP/1.1 on plain {@code http://} (no
 * {@code Upgrade: h2c} offer, which servers such as uvicorn refuse with 400) and lets TLS
 * negotiate HTTP/2 through ALPN elsewhere. A client the user gave keeps its own version.
 */
public final class JdkTransport implements Transport {

  private final SharedHttpClient http;
  private final boolean http11OnCleartext;
  private final SdkTimer timer;

  /**
   * Creates the transport; it counts as one user of the client until {@link #close()}.
   *
   * @param http the JDK client, SDK-made (shut down on close, on Java 21 and newer) or given
   * @param timer the timer that enforces body deadlines
   */
  public JdkTransport(SharedHttpClient http, SdkTimer timer) {
    this.http = http;
    this.http11OnCleartext = http.owned();
    this.timer = timer;
    http.retain();
  }

  @Override
  public CompletableFuture<TransportResponse> executeAsync(TransportRequest request) {
    CompletableFuture<HttpResponse<byte[]>> sent = http.client().sendAsync(toRequest(request),
        new DeadlineBodyHandler(request.timeout(), timer));
    return Futures.map(sent, JdkTransport::toResponse);
  }

  @Override
  public TransportResponse execute(TransportRequest request)
      throws IOException, InterruptedException {
    return toResponse(http.client().send(toRequest(request),
        new DeadlineBodyHandler(request.timeout(), timer)));
  }

  /**
   * Returns the proxy of the client the SDK made; it sends the proxy's credentials on plain
   * {@code http://} itself, above this transport (the JDK sends none without an
   * {@code Authenticator}).
   */
  @Override
  public Optional<ProxyOptions> proxy() {
    return Optional.ofNullable(http.proxy());
  }

  /** Shuts the JDK client down if the SDK made it; one the user gave stays open. */
  @Override
  public void close() {
    http.release();
  }

  private HttpRequest toRequest(TransportRequest request) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
        .timeout(request.timeout())
        .method(request.method(), request.body()
            .map(HttpRequest.BodyPublishers::ofByteArray)
            .orElseGet(HttpRequest.BodyPublishers::noBody));
    if (http11OnCleartext && "http".equals(request.uri().getScheme())) {
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    request.headers().forEach(builder::header);
    return builder.build();
  }

  private static TransportResponse toResponse(HttpResponse<byte[]> response) {
    return TransportResponse.of(response.statusCode(), response.headers().map(),
        response.body() == null ? new byte[0] : response.body());
  }
}
