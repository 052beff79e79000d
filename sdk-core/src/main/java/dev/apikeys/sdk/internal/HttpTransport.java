package dev.apikeys.sdk.internal;

import java.util.concurrent.CompletableFuture;

/**
 * Sends a call and completes with the response, whatever its status. Layers (logging, retry)
 * wrap one another around the JDK transport; they are assembled once, in the client's builder.
 */
public interface HttpTransport {

  /**
   * Sends the call.
   *
   * @param call what to send
   * @return the response; completes exceptionally with an {@link java.io.IOException} or a
   *     {@link java.net.http.HttpTimeoutException} when no response came
   */
  CompletableFuture<HttpResult> send(HttpCall call);
}
