package dev.apikeys.sdk.internal.transport;

import dev.apikeys.sdk.internal.call.Futures;
import dev.apikeys.sdk.transport.Transport;
import dev.apikeys.sdk.transport.TransportRequest;
import dev.apikeys.sdk.transport.TransportResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The bottom layer of every client: turns a call into a {@link TransportRequest} with every
 * header the SDK sends (the fixed ones, the call's, {@code Accept-Encoding: gzip} and the
 * {@code Content-Type} of a body), hands it to the client's {@link Transport} through the call's
 * {@link Driver}, and decodes the response's content encoding, here and only here, whatever the
 * transport.
 */
public final class WireTransport implements HttpTransport {

  private final Transport transport;
  private final Map<String, String> fixedHeaders;

  /**
   * Creates the layer.
   *
   * @param transport what moves the bytes
   * @param fixedHeaders headers sent on every call (accept, user agent, ...)
   */
  public WireTransport(Transport transport, Map<String, String> fixedHeaders) {
    this.transport = transport;
    this.fixedHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(fixedHeaders));
  }

  @Override
  public CompletableFuture<HttpResult> send(HttpCall call, Driver driver) {
    CompletableFuture<TransportResponse> sent;
    try {
      sent = driver.exchange(transport, toRequest(call));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return Futures.then(sent, (response, error) -> error != null
        ? CompletableFuture.failedFuture(error)
        : CompletableFuture.completedFuture(toResult(response)));
  }

  private TransportRequest toRequest(HttpCall call) {
    TransportRequest.Builder request = TransportRequest.builder()
        .method(call.method())
        .uri(call.uri())
        .timeout(call.attemptTimeout())
        .body(call.body());
    fixedHeaders.forEach(request::header);
    call.headers().forEach(request::header);
    request.header("Accept-Encoding", ContentDecoding.ACCEPTED);
    if (call.body() != null) {
      request.header("Content-Type", "application/json");
    }
    return request.build();
  }

  private static HttpResult toResult(TransportResponse response) {
    Objects.requireNonNull(response, "the transport returned no response");
    Map<String, List<String>> headers = ResponseHeaders.normalized(response.headers());
    String encoding = ResponseHeaders.first(headers, "content-encoding").orElse(null);
    try {
      return new HttpResult(response.status(), headers,
          ContentDecoding.decode(encoding, response.body()), null);
    } catch (ContentDecoding.UndecodableBodyException e) {
      return new HttpResult(response.status(), headers, new byte[0],
          Objects.requireNonNullElse(e.getMessage(), "the body could not be decoded"));
    }
  }
}
