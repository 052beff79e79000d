package dev.apikeys.sdk.internal.transport;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a call and answers with the response, whatever its status. Layers (retry, redirects,
 * attempt interceptors, logging, the limit of requests in flight) wrap one another around the
 * JDK transport; {@link TransportStack} assembles them once per client.
 *
 * <p>Two paths, one behaviour: {@link #send} never blocks, for the async API; {@link #execute}
 * blocks the calling thread, for the blocking API, so that a blocking call costs no thread hop
 * (the JDK's {@code sendAsync} hands every completion to another thread).
 */
public interface HttpTransport {

  /**
   * Sends the call. Cancelling the returned future cancels the exchange under way.
   *
   * @param call what to send
   * @return the response; completes exceptionally with an {@link java.io.IOException} or a
   *     {@link java.net.http.HttpTimeoutException} when no response came
   */
  CompletableFuture<HttpResult> send(HttpCall call);

  /**
   * Sends the call on the calling thread.
   *
   * @param call what to send
   * @return the response
   * @throws IOException when no response came, {@link java.net.http.HttpTimeoutException}
   *     included
   * @throws InterruptedException when the thread was interrupted; the call is abandoned
   */
  HttpResult execute(HttpCall call) throws IOException, InterruptedException;
}
