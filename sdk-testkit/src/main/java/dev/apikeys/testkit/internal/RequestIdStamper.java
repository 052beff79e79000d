package dev.apikeys.testkit.internal;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gives every response an {@code x-request-id} header ({@code req_00000001}, then counting
 * up from the last {@link #restart()}), users' stubs included, unless it already has one.
 */
final class RequestIdStamper implements ResponseTransformerV2 {

  static final String HEADER = "x-request-id";

  private final AtomicLong lastId = new AtomicLong();

  @Override
  public Response transform(Response response, ServeEvent serveEvent) {
    if (response.getHeaders().getHeader(HEADER).isPresent()) {
      return response;
    }
    String id = String.format("req_%08d", lastId.incrementAndGet());
    return Response.Builder.like(response).but()
        .headers(response.getHeaders().plus(new HttpHeader(HEADER, id)))
        .build();
  }

  /** Starts the ids again from {@code req_00000001}. */
  void restart() {
    lastId.set(0);
  }

  @Override
  public String getName() {
    return "apikeys-request-id";
  }
}
