package dev.apikeys.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;

/**
 * Apache HttpClient 5's async client used by hand, blocking on each answer's future as the
 * SDK's async contenders do: the library that {@code ApacheTransport} runs the SDK's async API
 * on, with the same pool size, retries and redirects off, and {@link FloorClient}'s Jackson;
 * what {@code sdkApacheAsync} is compared with. Thread-safe.
 */
public final class ApacheAsyncClient implements AutoCloseable {

  private final CloseableHttpAsyncClient http;
  private final String baseUrl;
  private final String authorization;

  /**
   * Creates and starts a client.
   *
   * @param baseUrl such as {@code http://127.0.0.1:40123}
   * @param token the bearer token
   */
  public ApacheAsyncClient(URI baseUrl, String token) {
    this.http = HttpAsyncClients.custom()
        .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
            .setMaxConnTotal(64)
            .setMaxConnPerRoute(64)
            .build())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .build();
    http.start();
    this.baseUrl = baseUrl.toString();
    this.authorization = "Bearer " + token;
  }

  /** Retrieves one key: {@code GET /v1/api_key/{id}}. */
  public FloorClient.Key retrieve(String id) throws IOException, InterruptedException {
    return get("/v1/api_key/" + URLEncoder.encode(id, StandardCharsets.UTF_8),
        FloorClient.Key.class);
  }

  /** Lists the first page: {@code GET /v1/api_key/?limit=..}. */
  public FloorClient.Page list(int limit) throws IOException, InterruptedException {
    return get("/v1/api_key/?limit=" + limit, FloorClient.Page.class);
  }

  private <T> T get(String pathAndQuery, Class<T> type) throws IOException, InterruptedException {
    SimpleHttpRequest request = SimpleRequestBuilder.get(baseUrl + pathAndQuery)
        .addHeader("Authorization", authorization)
        .addHeader("Accept", "application/json")
        .build();
    SimpleHttpResponse response;
    try {
      response = http.execute(request, null).get();
    } catch (ExecutionException e) {
      throw new IOException("GET " + pathAndQuery + " failed", e.getCause());
    }
    if (response.getCode() != 200) {
      throw new IOException("HTTP " + response.getCode() + " from " + pathAndQuery);
    }
    return FloorClient.MAPPER.readValue(response.getBodyBytes(), type);
  }

  /** Closes the client and its pool. */
  @Override
  public void close() {
    http.close(CloseMode.GRACEFUL);
  }
}
