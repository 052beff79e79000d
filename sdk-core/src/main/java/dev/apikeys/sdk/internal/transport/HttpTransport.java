package dev.apikeys.sdk.internal.transport;

import java.util.concurrent.CompletableFuture;

/**
 * Sends a call and answers with the response, whatever its status. Layers (retry, the token,
 * attempt hooks, redirects, logging, the limit of requests in flight, the proxy) wrap one another
 * around the {@link WireTransport}; {@code CallEngine} assembles them once per client.
 *
 * <p>One path for both APIs: each layer is written once over {@link CompletableFuture}, chained
 * with {@code Futures.then}, and leaves every exchange and wait to the call's {@link Driver}. On
 * the blocking driver every stage is already complete, so a blocking call runs on the calling
 * thread with no thread hop; on the async driver nothing blocks.
 */
public interface HttpTransport {

  /**
   * Sends the call; never throws.
   *
   * @param call what to send
   * @param driver how: blocking or async
   * @return the response, already complete on the blocking driver; completes exceptionally
   *     with an {@link java.io.IOException} or a {@link java.net.http.HttpTimeoutException}
   *     when no response came, with an {@link InterruptedException} when the blocking caller was
   *     interrupted (the call is abandoned)
   */
  CompletableFuture<HttpResult> send(HttpCall call, Driver driver);
}
