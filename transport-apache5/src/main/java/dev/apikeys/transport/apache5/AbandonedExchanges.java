package dev.apikeys.transport.apache5;

import org.apache.hc.client5.http.EndpointInfo;
import org.apache.hc.client5.http.async.AsyncExecRuntime;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;

/**
 * Closes the HTTP/1.1 connection of an async exchange that the SDK gives up on (cancelled, or
 * out of time). HttpClient 5's async client closes it when the exchange is cancelled on a new
 * connection, but on a connection kept alive from an earlier exchange it leaves the connection
 * open, waiting for an answer nobody reads: the server keeps working for a caller that is gone,
 * and the pool keeps a slot. An HTTP/2 connection is left alone: cancelling resets the stream,
 * and other exchanges share the connection.
 */
final class AbandonedExchanges {

  private static final String RUNTIME = AbandonedExchanges.class.getName() + ".runtime";
  private static final String ELEMENT = "apikeys-abandoned-exchanges";

  private AbandonedExchanges() {
  }

  /** Makes each exchange of the client keep a handle on its connection in its context. */
  static void track(HttpAsyncClientBuilder builder) {
    builder.addExecInterceptorLast(ELEMENT, (request, entity, scope, chain, callback) -> {
      scope.clientContext.setAttribute(RUNTIME, scope.execRuntime);
      chain.proceed(request, entity, scope, callback);
    });
  }

  /** Closes the exchange's connection if it speaks HTTP/1.x; does nothing once released. */
  static void close(HttpClientContext context) {
    if (!(context.getAttribute(RUNTIME) instanceof AsyncExecRuntime)) {
      return;
    }
    AsyncExecRuntime runtime = (AsyncExecRuntime) context.getAttribute(RUNTIME);
    EndpointInfo endpoint = runtime.getEndpointInfo();
    if (endpoint != null && endpoint.getProtocol() != null
        && endpoint.getProtocol().getMajor() < 2) {
      runtime.discardEndpoint();
    }
  }
}
