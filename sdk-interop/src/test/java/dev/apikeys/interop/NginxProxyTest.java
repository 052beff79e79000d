package dev.apikeys.interop;

import static dev.apikeys.interop.FastApiApp.seededId;
import static dev.apikeys.interop.FastApiApp.seededIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.errors.UnexpectedStatusException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.ListApiKeysParams;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK through nginx 1.22 as an HTTPS and HTTP/2 reverse proxy (100 streams a connection,
 * gzip for JSON) in front of the FastAPI app on uvicorn: every operation, under a gateway's
 * path prefix too, gzip, a redirect to another origin, and bursts, through nginx and against
 * the uvicorn behind it.
 */
class NginxProxyTest {

  private static final int SEEDED = 1000;

  @RegisterExtension
  static final NginxProxy PROXY = new NginxProxy(FastApiApp.aware().seedKeys(SEEDED));

  private static final String PAGE = "/v1/api_key/?limit=1000";

  @Test
  void everyOperationGoesOverHttp2ThroughNginx() {
    int mark = PROXY.accessLog().mark();

    OperationsScenario.run(PROXY.client(), "acct_nginx");

    List<AccessLog.Entry> entries = PROXY.accessLog().entriesAfter(mark, 6);
    assertEquals(OperationsScenario.METHODS, entries.stream().map(AccessLog.Entry::method)
        .toList());
    assertEquals(OperationsScenario.STATUSES, entries.stream().map(AccessLog.Entry::status)
        .toList());
    // nginx writes HTTP/2.0
    assertEquals(List.of(InteropTransport.current().blockingProtocolOverTls()), entries.stream()
        .map(entry -> entry.protocol().replace("HTTP/2.0", "HTTP/2")).distinct().toList());
  }

  @Test
  void everyOperationWorksUnderAGatewaysPathPrefix() {
    int mark = PROXY.accessLog().mark();
    try (ApiKeysClient client = PROXY.clientBuilder()
        .baseUrl(PROXY.baseUrl() + NginxProxy.PREFIX + "/").build()) {
      OperationsScenario.run(client, "acct_prefix");
    }

    List<AccessLog.Entry> entries = PROXY.accessLog().entriesAfter(mark, 6);
    assertEquals(OperationsScenario.STATUSES, entries.stream().map(AccessLog.Entry::status)
        .toList());
    for (AccessLog.Entry entry : entries) {
      assertTrue(entry.uri().startsWith(NginxProxy.PREFIX + "/v1/api_key/"), entry::toString);
    }
  }

  @Test
  void nginxCompressesJsonForAClientThatAsksForGzip() throws IOException {
    HttpResponse<byte[]> plain = PROXY.raw().getBytes(PAGE);
    HttpResponse<byte[]> gzipped = PROXY.raw().getBytes(PAGE, "Accept-Encoding", "gzip");

    assertEquals(Optional.empty(), plain.headers().firstValue("content-encoding"));
    assertEquals(Optional.of("gzip"), gzipped.headers().firstValue("content-encoding"));
    byte[] unzipped;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      unzipped = in.readAllBytes();
    }
    JsonNode page = new ObjectMapper().readTree(unzipped);
    assertEquals(1000, page.get("data").size());
    // The keys' JSON repeats itself: gzip makes a 1000-key page several times smaller.
    assertTrue(gzipped.body().length * 4 < plain.body().length,
        gzipped.body().length + " gzip bytes for " + plain.body().length + " plain bytes");
  }

  @Test
  void theSdkAsksForGzipAndReadsIt() {
    int mark = PROXY.accessLog().mark();
    PROXY.raw().getBytes(PAGE);

    ApiKeyPage page = PROXY.client().apiKeys().list(ListApiKeysParams.builder().limit(1000)
        .build());

    assertEquals(seededIds(1, SEEDED), page.data().stream().map(ApiKey::id).toList());
    assertFalse(page.hasMore());
    assertEquals(PROXY.client().apiKeys().retrieve(seededId(SEEDED)), page.data().get(999));
    List<AccessLog.Entry> entries = PROXY.accessLog().entriesAfter(mark, 3);
    AccessLog.Entry plain = entries.get(0);
    AccessLog.Entry sdk = entries.get(1);
    assertEquals(List.of("-", "-"), List.of(plain.field("accept-encoding"),
        plain.field("content-encoding")));
    assertEquals(List.of("gzip", "gzip"), List.of(sdk.field("accept-encoding"),
        sdk.field("content-encoding")));
    long plainBytes = Long.parseLong(plain.field("bytes"));
    long sdkBytes = Long.parseLong(sdk.field("bytes"));
    assertTrue(sdkBytes * 4 < plainBytes, sdkBytes + " gzip bytes for " + plainBytes
        + " plain bytes");
  }

  @Test
  void aRedirectToAnotherOriginIsNotFollowed() {
    int mark = PROXY.otherAccessLog().mark();
    UnexpectedStatusException get;
    UnexpectedStatusException post;
    try (ApiKeysClient client = PROXY.clientBuilder()
        .baseUrl(PROXY.baseUrl() + NginxProxy.ELSEWHERE).build()) {
      get = assertThrows(UnexpectedStatusException.class,
          () -> client.apiKeys().retrieve(seededId(1)));
      post = assertThrows(UnexpectedStatusException.class,
          () -> client.apiKeys().create(CreateApiKeyParams.builder().name("moved").build()));
    }
    // The other origin's log is up to date once this request is in it.
    PROXY.otherRaw().get("/v1/api_key/" + seededId(2));

    assertEquals(302, get.statusCode());
    assertEquals("redirect to another origin (" + PROXY.otherBaseUrl() + "/v1/api_key/"
        + seededId(1) + ") not followed: the SDK never sends credentials outside its base"
        + " URL's origin; set the base URL to the new address", get.error());
    assertEquals(307, post.statusCode());
    assertTrue(post.error().startsWith("redirect to another origin (" + PROXY.otherBaseUrl()
        + "/v1/api_key/) not followed"), post.error());
    List<AccessLog.Entry> received = PROXY.otherAccessLog().entriesAfter(mark, 1);
    assertEquals(List.of("/v1/api_key/" + seededId(2)),
        received.stream().map(AccessLog.Entry::uri).toList());
  }

  @Test
  void fiveHundredAsyncCallsAtOnceAllSucceedOverHttp2() {
    // The SDK's default maxConcurrentRequests (64) is below nginx's 100 streams.
    Burst.retrievesAllSucceed(PROXY.client(), Burst.CALLS);
  }

  @Test
  void fiveHundredAsyncCallsAtOnceAllSucceedAgainstUvicornOverHttp11() {
    Burst.retrievesAllSucceed(PROXY.upstream().client(), Burst.CALLS);
  }
}
