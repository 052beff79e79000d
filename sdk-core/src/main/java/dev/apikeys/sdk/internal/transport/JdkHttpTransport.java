package dev.apikeys.sdk.internal.transport;

import dev.apikeys.sdk.internal.call.Futures;
import dev.apikeys.sdk.internal.timer.SdkTimer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends calls with {@code java.net.http}; the bottom layer of every client. Asks for gzip and
 * decodes it, bounds the body by the attempt's deadline and, on a client the SDK made itself,
 * speaks HTTP/1.1 on plain {@code http://} (no {@code Upgrade: h2c} offer, which servers such as
 * uvicorn refuse with 400) and lets TLS negotiate HTTP/2 through ALPN elsewhere.
 */
public final class JdkHttpTransport implements HttpTransport {

  private final HttpClient httpClient;
  private final String[] fixedHeaders;
  private final boolean http11OnCleartext;
  private final SdkTimer timer;

  /**
   * Creates the transport.
   *
   * @param httpClient the client whose connection pool every call shares
   * @param fixedHeaders headers sent on every call (accept, user agent)
   * @param http11OnCleartext whether to send HTTP/1.1 on {@code http://}: true for a client the
   *     SDK made, false for one the user gave, which keeps its own settings
   * @param timer the timer that enforces body deadlines
   */
  public JdkHttpTransport(HttpClient httpClient, Map<String, String> fixedHeaders,
      boolean http11OnCleartext, SdkTimer timer) {
    this.httpClient = httpClient;
    this.http11OnCleartext = http11OnCleartext;
    this.timer = timer;
    List<String> flat = new ArrayList<>();
    fixedHeaders.forEach((name, value) -> {
      flat.add(name);
      flat.add(value);
    });
    flat.add("Accept-Encoding");
    flat.add(ContentDecoding.ACCEPTED);
    this.fixedHeaders = flat.toArray(new String[0]);
  }

  @Override
  public CompletableFuture<HttpResult> send(HttpCall call) {
    CompletableFuture<HttpResponse<byte[]>> sent = httpClient.sendAsync(toRequest(call),
        new DeadlineBodyHandler(call.attemptTimeout(), timer));
    return Futures.map(sent, JdkHttpTransport::toResult);
  }

  @Override
  public HttpResult execute(HttpCall call) throws IOException, InterruptedException {
    return toResult(httpClient.send(toRequest(call),
        new DeadlineBodyHandler(call.attemptTimeout(), timer)));
  }

  private HttpRequest toRequest(HttpCall call) {
    HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
        .timeout(call.attemptTimeout())
        .method(call.method(), call.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(call.body()))
        .headers(fixedHeaders);
    if (http11OnCleartext && "http".equals(call.uri().getScheme())) {
      request.version(HttpClient.Version.HTTP_1_1);
    }
    call.headers().forEach(request::header);
    if (call.body() != null) {
      request.header("Content-Type", "application/json");
    }
    return request.build();
  }

  private static HttpResult toResult(HttpResponse<byte[]> response) {
    Map<String, List<String>> headers = ResponseHeaders.normalized(response.headers().map());
    byte[] raw = response.body() == null ? new byte[0] : response.body();
    String encoding = response.headers().firstValue("content-encoding").orElse(null);
    try {
      return new HttpResult(response.statusCode(), headers,
          ContentDecoding.decode(encoding, raw), null);
    } catch (ContentDecoding.UndecodableBodyException e) {
      return new HttpResult(response.statusCode(), headers, new byte[0], e.getMessage());
    }
  }
}
