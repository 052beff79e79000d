package dev.apikeys.sdk.internal.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.SdkServer;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP/2 over TLS against WireMock's Jetty, which allows 128 concurrent streams per connection:
 * the JDK fails an exchange beyond them with "too many concurrent streams" before sending it,
 * and the SDK puts such an exchange back in its queue instead of failing the call.
 */
class Http2StreamLimitTest {

  /** Jetty's default SETTINGS_MAX_CONCURRENT_STREAMS, which WireMock keeps. */
  private static final int SERVER_STREAMS = 128;
  private static final String KEY = "{\"id\": \"key_1\", \"name\": \"n\", \"key\": \"sk-new\","
      + " \"created_date\": \"2024-03-01T10:15:30Z\", \"last_four_digits\": \"9f3c\","
      + " \"creator_id\": \"u\", \"restricted\": false, \"permissions\": []}";

  @RegisterExtension
  static SdkServer server = SdkServer.create(c -> c.dynamicHttpsPort());

  private HttpClient http2;
  private final List<ApiKeysClient> clients = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    // Each answer waits, so that a burst has more requests in flight than the server's streams.
    server.stubFor(any(anyUrl()).willReturn(okJson(KEY).withFixedDelay(200)));
    http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
        .sslContext(WireMockTls.trustingWireMock()).build();
  }

  @AfterEach
  void tearDown() {
    clients.forEach(ApiKeysClient::close);
  }

  private ApiKeysClient client(int maxConcurrentRequests) {
    ApiKeysClient client = ApiKeysClient.builder()
        .baseUrl("https://localhost:" + server.getHttpsPort()).token("sk-test").maxRetries(0)
        .timeout(Duration.ofSeconds(30)).maxConcurrentRequests(maxConcurrentRequests)
        .httpClient(http2).build();
    clients.add(client);
    return client;
  }

  /** What the SDK handles: the JDK alone fails a burst past the server's streams. */
  @Test
  void theJdkAloneRefusesStreamsPastTheServersLimit() throws Exception {
    URI uri = URI.create("https://localhost:" + server.getHttpsPort() + "/v1/api_key/warm-up");
    http2.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());

    List<CompletableFuture<HttpResponse<Void>>> burst = IntStream.range(0, 200)
        .mapToObj(i -> http2.sendAsync(HttpRequest.newBuilder(uri).build(),
            HttpResponse.BodyHandlers.discarding())).toList();
    List<String> failures = new ArrayList<>();
    for (CompletableFuture<HttpResponse<Void>> call : burst) {
      try {
        assertEquals(HttpClient.Version.HTTP_2, call.join().version());
      } catch (CompletionException e) {
        failures.add(String.valueOf(e.getCause().getMessage()));
      }
    }

    assertTrue(failures.size() >= 200 - SERVER_STREAMS - 8, failures.size() + " refused");
    assertEquals(Set.of("too many concurrent streams"), Set.copyOf(failures));
  }

  @Test
  void aBurstPastTheServersStreamsAllSucceedsAndEachRequestIsSentOnce() throws Exception {
    ApiKeysClient client = client(200);
    client.apiKeys().retrieve("warm-up");
    server.resetRequests();

    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      calls.add(client.async().apiKeys().retrieve("key-" + i));
      calls.add(client.async().apiKeys().create(CreateApiKeyParams.builder().name("n" + i)
          .build()));
    }
    CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);

    assertSentOnce(250);
  }

  @Test
  void clientsSharingOneHttpClientShareItsStreams() throws Exception {
    ApiKeysClient first = client(100);
    ApiKeysClient second = client(100);
    first.apiKeys().retrieve("warm-up");
    server.resetRequests();

    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      calls.add(first.async().apiKeys().retrieve("key-" + i));
      calls.add(second.async().apiKeys().create(CreateApiKeyParams.builder().name("n" + i)
          .build()));
    }
    CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);

    assertSentOnce(250);
  }

  /** Every retrieve and every create reached the server exactly once, over HTTP/2. */
  private static void assertSentOnce(int each) {
    List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
    Set<String> gets = requests.stream().filter(r -> r.getMethod().getName().equals("GET"))
        .map(LoggedRequest::getUrl).collect(Collectors.toSet());
    Set<String> creates = requests.stream().filter(r -> r.getMethod().getName().equals("POST"))
        .map(r -> r.getHeader("Idempotency-Key")).collect(Collectors.toSet());
    assertEquals(2 * each, requests.size());
    assertEquals(IntStream.range(0, each).mapToObj(i -> "/v1/api_key/key-" + i)
        .collect(Collectors.toSet()), gets);
    assertEquals(each, creates.size());
    assertTrue(requests.stream().allMatch(r -> r.getProtocol().equals("HTTP/2.0")),
        requests.get(0).getProtocol());
  }
}
