package dev.apikeys.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Apache HttpClient 5 classic used by hand, with the same Jackson set-up as
 * {@link FloorClient}: a pooled client (64 connections, as {@code ApacheTransport}'s default),
 * HttpClient's own retries, redirects, cookies and decompression off as the SDK's transport has
 * them, and the few lines anyone would write to make the calls. Thread-safe.
 *
 * <p>The {@link Pool} variants change one setting of the connection pool each, to see whether
 * a setting closes the distance to {@link RawSocketClient} under contention.
 */
public final class ApacheClient implements AutoCloseable {

  /** Settings of the connection pool to compare. */
  enum Pool {
    /** HttpClient's defaults: strict pool, FIFO reuse, validate after 2 s idle. */
    DEFAULT,
    /** {@link PoolConcurrencyPolicy#LAX}: per-route locks instead of the pool's one lock. */
    LAX,
    /** {@link PoolReusePolicy#LIFO}: the most recently used connection first. */
    LIFO,
    /** Both LAX and LIFO. */
    LAX_LIFO,
    /** Never validate an idle connection before reuse ({@code validateAfterInactivity} -1). */
    NO_VALIDATE
  }

  private final CloseableHttpClient http;
  private final String baseUrl;
  private final String authorization;

  /**
   * Creates a client.
   *
   * @param baseUrl such as {@code http://127.0.0.1:40123}
   * @param token the bearer token
   * @param pool the pool's settings
   */
  public ApacheClient(URI baseUrl, String token, Pool pool) {
    PoolingHttpClientConnectionManagerBuilder manager =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(64)
            .setMaxConnPerRoute(64);
    switch (pool) {
      case LAX -> manager.setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX);
      case LIFO -> manager.setConnPoolPolicy(PoolReusePolicy.LIFO);
      case LAX_LIFO -> manager.setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
          .setConnPoolPolicy(PoolReusePolicy.LIFO);
      case NO_VALIDATE -> manager.setDefaultConnectionConfig(
          org.apache.hc.client5.http.config.ConnectionConfig.custom()
              .setValidateAfterInactivity(TimeValue.NEG_ONE_MILLISECOND).build());
      default -> { }
    }
    PoolingHttpClientConnectionManager connections = manager.build();
    this.http = HttpClients.custom()
        .setConnectionManager(connections)
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableContentCompression()
        .build();
    this.baseUrl = baseUrl.toString();
    this.authorization = "Bearer " + token;
  }

  /** Retrieves one key: {@code GET /v1/api_key/{id}}. */
  public FloorClient.Key retrieve(String id) throws IOException {
    return get("/v1/api_key/" + URLEncoder.encode(id, StandardCharsets.UTF_8),
        FloorClient.Key.class);
  }

  /** Lists one page: {@code GET /v1/api_key/?limit=..&after=..}; after may be null. */
  public FloorClient.Page list(int limit, String after) throws IOException {
    String query = "?limit=" + limit
        + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
    return get("/v1/api_key/" + query, FloorClient.Page.class);
  }

  private <T> T get(String pathAndQuery, Class<T> type) throws IOException {
    HttpGet request = new HttpGet(baseUrl + pathAndQuery);
    request.addHeader("Authorization", authorization);
    request.addHeader("Accept", "application/json");
    return http.execute(request, response -> {
      if (response.getCode() != 200) {
        EntityUtils.consume(response.getEntity());
        throw new IOException("HTTP " + response.getCode() + " from " + request.getRequestUri());
      }
      return FloorClient.MAPPER.readValue(EntityUtils.toByteArray(response.getEntity()), type);
    });
  }

  /** Closes the client and its pool. */
  @Override
  public void close() {
    http.close(CloseMode.GRACEFUL);
  }
}
