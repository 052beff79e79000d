package dev.apikeys.sdk.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** Sends calls with {@code java.net.http}; the bottom layer of every client. */
public final class JdkHttpTransport implements HttpTransport {

  private static final String[] NO_HEADERS = new String[0];

  private final HttpClient httpClient;
  private final String[] fixedHeaders;

  /**
   * Creates the transport.
   *
   * @param httpClient the client whose connection pool every call shares
   * @param fixedHeaders headers sent on every call (authorization, user agent)
   */
  public JdkHttpTransport(HttpClient httpClient, Map<String, String> fixedHeaders) {
    this.httpClient = httpClient;
    this.fixedHeaders = flatten(fixedHeaders);
  }

  @Override
  public CompletableFuture<HttpResult> send(HttpCall call) {
    return httpClient.sendAsync(toRequest(call), new TimedBodyHandler(call.attemptTimeout()))
        .thenApply(JdkHttpTransport::toResult);
  }

  @Override
  public HttpResult execute(HttpCall call) throws IOException, InterruptedException {
    return toResult(httpClient.send(toRequest(call), new TimedBodyHandler(call.attemptTimeout())));
  }

  private HttpRequest toRequest(HttpCall call) {
    HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
        .timeout(call.attemptTimeout())
        .method(call.method(), call.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(call.body()));
    if (fixedHeaders.length > 0) {
      request.headers(fixedHeaders);
    }
    String[] callHeaders = flatten(call.headers());
    if (callHeaders.length > 0) {
      request.headers(callHeaders);
    }
    if (call.body() != null) {
      request.header("Content-Type", "application/json");
    }
    return request.build();
  }

  private static HttpResult toResult(HttpResponse<byte[]> response) {
    Map<String, List<String>> headers = new TreeMap<>();
    response.headers().map().forEach((name, values) ->
        headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    byte[] body = response.body() == null ? new byte[0] : response.body();
    return new HttpResult(response.statusCode(), Collections.unmodifiableMap(headers), body);
  }

  private static String[] flatten(Map<String, String> headers) {
    if (headers.isEmpty()) {
      return NO_HEADERS;
    }
    String[] flat = new String[headers.size() * 2];
    int i = 0;
    for (Map.Entry<String, String> header : headers.entrySet()) {
      flat[i++] = header.getKey();
      flat[i++] = header.getValue();
    }
    return flat;
  }
}
