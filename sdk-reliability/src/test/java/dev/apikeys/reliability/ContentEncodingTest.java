package dev.apikeys.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.errors.InternalServerException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.testkit.MockApiKeysServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compressed answers: the SDK asks for gzip and decodes it (and {@code x-gzip}); a body in an
 * encoding it cannot decode (br, zstd, any other), or gzip that is corrupt, ends in
 * {@code InvalidResponseException} naming the encoding for a 2xx, and in the status's exception
 * with that reason in place of the body for an error status. A gzip body that inflates to 30 MB
 * is decoded whole: the memory it takes is measured, not bounded by the SDK.
 */
class ContentEncodingTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API = new MockApiKeysServerExtension();

  private static final int MEGABYTE = 1 << 20;
  private static final int INFLATED_MEGABYTES = 30;

  private static final ReportTable TABLE = ReportTable.create("32-content-encoding",
      "Content-Encoding: gzip decoded, anything else named in the exception",
      "transport", "case", "operation", "status", "body bytes", "category", "outcome",
      "requests")
      .note("Every request sends Accept-Encoding: gzip. Categories as in the hostile responses"
          + " section; an undecodable 2xx is InvalidResponseException whose message says why"
          + " and whose body() is empty; an undecodable error status keeps its exception, with"
          + " error() empty and body() the reason in parentheses.")
      .note("The 30 MB case: a key followed by " + INFLATED_MEGABYTES + " MB of spaces,"
          + " gzipped. The SDK sets no limit on the inflated size: the calling thread of a"
          + " blocking call allocates about twice the inflated size to decode it (measured with"
          + " ThreadMXBean), so memory grows with what the server's gzip expands to, not with"
          + " what crossed the network.");

  @AfterAll
  static void writeRows() {
    TABLE.write();
  }

  static Stream<Arguments> encodings() {
    return Stream.of(TransportKind.values())
        .flatMap(transport -> cases().map(encoded -> Arguments.of(transport, encoded)));
  }

  private static Stream<HostileCase> cases() {
    String key = WireJson.key(k -> { });
    byte[] zipped = gzip(key);
    return Stream.of(
        HostileCase.on(ApiOperation.RETRIEVE, "gzip: decoded")
            .header("Content-Encoding", "gzip").body(zipped)
            .tolerated(result -> ReadBack.keyReads((ApiKey) result, "key_0001", null)),
        HostileCase.on(ApiOperation.LIST, "x-gzip: decoded")
            .header("Content-Encoding", "x-gzip").body(gzip(WireJson.page(page -> { })))
            .tolerated(result -> ReadBack.pageReads((ApiKeyPage) result, null)),
        undecodable("br", 200, zipped, cannotDecode("br")),
        undecodable("br", 500, zipped, cannotDecode("br")),
        undecodable("zstd", 200, zipped, cannotDecode("zstd")),
        undecodable("zstd", 500, zipped, cannotDecode("zstd")),
        undecodable("x-unknown", 200, zipped, cannotDecode("x-unknown")),
        undecodable("x-unknown", 500, zipped, cannotDecode("x-unknown")),
        undecodable("gzip", 200, key.getBytes(StandardCharsets.UTF_8),
            notValidGzip("ZipException")).named("gzip header on a plain JSON body (200)"),
        undecodable("gzip", 500, key.getBytes(StandardCharsets.UTF_8),
            notValidGzip("ZipException")).named("gzip header on a plain JSON body (500)"),
        undecodable("gzip", 200, Arrays.copyOf(zipped, zipped.length / 2),
            notValidGzip("EOFException")).named("gzip cut in half (200)"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("encodings")
  void encodedBodyIsDecodedOrItsEncodingNamed(TransportKind transport, HostileCase encoded) {
    encoded.runAndRecord(transport, API.server(), TABLE);
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void gzipThatInflatesToThirtyMegabytesIsReadAndCostsMemoryInProportion(
      TransportKind transport) {
    String inflated = WireJson.key(k -> { }) + " ".repeat(INFLATED_MEGABYTES * MEGABYTE);
    byte[] zipped = gzip(inflated);
    API.server().wireMock().stubFor(ApiOperation.RETRIEVE.stub().atPriority(1).willReturn(
        aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withHeader("Content-Encoding", "gzip").withBody(zipped)));
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    Object[] key = new Object[1];
    Throwable error;
    long allocated;
    try (ApiKeysClient client = transport.on(API.server().clientBuilder()).maxRetries(0)
        .build()) {
      long before = threads.getCurrentThreadAllocatedBytes();
      error = Outcomes.thrownBy(() -> key[0] = ApiOperation.RETRIEVE.call(client));
      allocated = threads.getCurrentThreadAllocatedBytes() - before;
    }

    long inflatedBytes = inflated.length();
    TABLE.check(List.of(transport, "gzip of " + zipped.length / 1024 + " KB that inflates to "
        + INFLATED_MEGABYTES + " MB", ApiOperation.RETRIEVE, 200, zipped.length,
        HostileCase.TOLERATED + "; memory not bounded", Outcomes.describe(error, "returned")
        + "; the calling thread allocated 1 to 4 times the inflated size", 1), () -> {
          assertNull(error, () -> "expected the key, got " + error);
          ReadBack.keyReads((ApiKey) key[0], "key_0001", null);
          assertTrue(allocated >= inflatedBytes,
              "decoding holds the whole inflated body: " + allocated);
          assertTrue(allocated < 4 * inflatedBytes,
              "no more than a few copies of it: " + allocated);
        });
  }

  private static HostileCase undecodable(String encoding, int status, byte[] body,
      String problem) {
    HostileCase encoded = HostileCase.on(ApiOperation.RETRIEVE, encoding + " (" + status + ")")
        .status(status).header("Content-Encoding", encoding).body(body);
    return status < 300 ? encoded.undecodable(problem)
        : encoded.rejectedWithBody(InternalServerException.class, "", "(" + problem + ")");
  }

  private static String cannotDecode(String encoding) {
    return "the body has Content-Encoding '" + encoding + "', which the SDK cannot decode"
        + " (it asks for gzip only)";
  }

  private static String notValidGzip(String failure) {
    return "the body has Content-Encoding 'gzip' but is not valid gzip data: " + failure;
  }

  private static byte[] gzip(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream zipped = new GZIPOutputStream(bytes)) {
      zipped.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
