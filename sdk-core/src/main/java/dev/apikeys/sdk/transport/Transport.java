package dev.apikeys.sdk.transport;

import dev.apikeys.sdk.ProxyOptions;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one HTTP request and returns its response, whatever the status: the SPI under the SDK.
 * Implementations must be thread-safe; the SDK calls them from many threads at once.
 *
 * <p>A transport moves bytes only: it sends the request's method, URI, headers and body as
 * given (adding only what HTTP itself needs, such as {@code Host} and {@code Content-Length}),
 * and returns the status, headers and body as received. It must not retry, follow redirects,
 * keep cookies, add credentials or decode {@code Content-Encoding}: the SDK does each of these
 * exactly once, above the transport. {@link TransportRequest#timeout()} bounds the whole
 * exchange, from sending to the last byte of the body.
 *
 * <p>Failures: when no complete response came, {@link #execute} throws, and the future of
 * {@link #executeAsync} completes exceptionally with, an {@link IOException}, which the SDK may
 * retry and reports as {@code ApiKeysIoException}; when the attempt's timeout ran out, with a
 * {@link java.net.http.HttpTimeoutException} (an {@code IOException}), so the SDK can say so.
 *
 * <p>Ownership: a transport given to {@code ApiKeysClient.Builder.transport(Transport)} is
 * closed by the SDK when the last client using it (derived clients included) is closed.
 *
 * <pre>{@code
 * Transport echo = new Transport() {
 *   public TransportResponse execute(TransportRequest request) {
 *     return TransportResponse.of(200, Map.of("content-type", List.of("application/json")),
 *         "{\"success\": true}".getBytes(StandardCharsets.UTF_8));
 *   }
 *
 *   public CompletableFuture<TransportResponse> executeAsync(TransportRequest request) {
 *     return CompletableFuture.completedFuture(execute(request));
 *   }
 * };
 * }</pre>
 */
public interface Transport extends AutoCloseable {

  /**
   * Sends the request on the calling thread and waits for the whole response. The SDK's
   * blocking API calls this, so that a blocking call costs no hand-over to another thread.
   *
   * @param request what to send
   * @return the response, body read in full
   * @throws IOException when no complete response came; a
   *     {@link java.net.http.HttpTimeoutException} when the request's timeout ran out
   * @throws InterruptedException when the calling thread was interrupted; the exchange is then
   *     abandoned and its connection not reused
   */
  TransportResponse execute(TransportRequest request) throws IOException, InterruptedException;

  /**
   * Starts sending the request and returns at once. The SDK's async API calls this. Cancelling
   * the returned future aborts the exchange under way (its connection is closed or, on
   * HTTP/2, its stream reset).
   *
   * @param request what to send
   * @return the response, body read in full, to come; completes exceptionally as
   *     {@link #execute} throws
   */
  CompletableFuture<TransportResponse> executeAsync(TransportRequest request);

  /**
   * Returns the forward proxy this transport sends through, if any, so that the SDK can tell
   * the proxy's refusals and absence from the API's and name the proxy in them (never its
   * credentials). A transport with a proxy must send the proxy's credentials itself. Default:
   * none.
   *
   * @return the proxy, or empty when the transport connects to the API directly
   */
  default Optional<ProxyOptions> proxy() {
    return Optional.empty();
  }

  /**
   * Returns this transport sending through a proxy, for {@code ApiKeysClient.Builder.proxy(...)}
   * on a transport given to {@code transport(...)}: a transport that can, returns a new one with
   * the proxy and leaves this one open (the SDK closes it when no client of its uses it).
   * Default: refuses.
   *
   * @param proxy the proxy
   * @return the transport that sends through it
   * @throws UnsupportedOperationException if this transport takes no proxy from the client
   */
  default Transport withProxy(ProxyOptions proxy) {
    throw new UnsupportedOperationException(getClass().getName() + " takes no proxy from"
        + " ApiKeysClient.Builder.proxy(...); configure the proxy on the transport itself");
  }

  /**
   * Releases the transport's connections and threads; exchanges in flight may fail. The SDK
   * calls it once, when the last client using this transport is closed. Default: nothing to
   * release.
   */
  @Override
  default void close() {
  }
}
