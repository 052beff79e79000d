package dev.apikeys.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * The floor: the few lines anyone would write with {@code java.net.http} and Jackson to make
 * the same calls, with no retries, no error mapping and no checks. No SDK can be cheaper than
 * this by much. Thread-safe.
 */
public final class FloorClient {

  static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final HttpClient http;
  private final String baseUrl;
  private final String authorization;
  private final Duration requestTimeout;

  /**
   * Creates a client.
   *
   * @param baseUrl such as {@code http://127.0.0.1:40123}
   * @param token the bearer token
   */
  public FloorClient(URI baseUrl, String token) {
    this(baseUrl, token, null);
  }

  /**
   * Creates a client whose requests carry {@code HttpRequest.Builder.timeout(requestTimeout)},
   * as the SDK's do. A diagnostic: the JDK's client registers a timer per request with such a
   * timeout, and wakes its selector thread to do it.
   *
   * @param baseUrl such as {@code http://127.0.0.1:40123}
   * @param token the bearer token
   * @param requestTimeout the timeout of each request, or null for none
   */
  public FloorClient(URI baseUrl, String token, Duration requestTimeout) {
    this.http = HttpClient.newHttpClient();
    this.baseUrl = baseUrl.toString();
    this.authorization = "Bearer " + token;
    this.requestTimeout = requestTimeout;
  }

  /** Retrieves one key: {@code GET /v1/api_key/{id}}. */
  public Key retrieve(String id) throws IOException, InterruptedException {
    return get("/v1/api_key/" + URLEncoder.encode(id, StandardCharsets.UTF_8), Key.class);
  }

  /**
   * Retrieves one key as {@link #retrieve(String)} does, but blocking on {@code sendAsync(..)
   * .get()} the way the SDK's blocking API does. A diagnostic, not a contender: it shows what
   * the JDK's asynchronous path costs by itself.
   */
  public Key retrieveThroughSendAsync(String id) throws IOException, InterruptedException {
    HttpRequest request = request("/v1/api_key/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    HttpResponse<byte[]> response;
    try {
      response = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).get();
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    }
    return read(response, Key.class);
  }

  /** Lists one page: {@code GET /v1/api_key/?limit=..&after=..}; after may be null. */
  public Page list(int limit, String after) throws IOException, InterruptedException {
    String query = "?limit=" + limit
        + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
    return get("/v1/api_key/" + query, Page.class);
  }

  private <T> T get(String pathAndQuery, Class<T> type) throws IOException,
      InterruptedException {
    HttpResponse<byte[]> response = http.send(request(pathAndQuery),
        HttpResponse.BodyHandlers.ofByteArray());
    return read(response, type);
  }

  private HttpRequest request(String pathAndQuery) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
        .header("Authorization", authorization)
        .header("Accept", "application/json");
    if (requestTimeout != null) {
      request.timeout(requestTimeout);
    }
    return request.build();
  }

  private static <T> T read(HttpResponse<byte[]> response, Class<T> type) throws IOException {
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + " from " + response.uri());
    }
    return MAPPER.readValue(response.body(), type);
  }

  /** An API key as the floor reads it. */
  public record Key(
      String id,
      String name,
      String description,
      @JsonProperty("created_date") OffsetDateTime createdDate,
      @JsonProperty("last_four_digits") String lastFourDigits,
      @JsonProperty("creator_id") String creatorId,
      boolean restricted,
      List<String> permissions,
      @JsonProperty("expires_at") OffsetDateTime expiresAt) {
  }

  /** A page of keys as the floor reads it. */
  public record Page(
      List<Key> data,
      @JsonProperty("has_more") boolean hasMore,
      @JsonProperty("first_id") String firstId,
      @JsonProperty("last_id") String lastId) {
  }
}
