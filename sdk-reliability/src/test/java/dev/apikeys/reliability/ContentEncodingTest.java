package dev.apikeys.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.testkit.MockApiKeysServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a gzip bomb costs: a gzip body that inflates to 30 MB is decoded whole on either
 * transport, and the memory it takes is measured, not bounded by the SDK. The rules of
 * Content-Encoding themselves (gzip and x-gzip decoded, any other encoding or corrupt gzip
 * named in the exception) are specified in sdk-core's {@code CompressionTest}.
 */
class ContentEncodingTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API = new MockApiKeysServerExtension();

  private static final int MEGABYTE = 1 << 20;
  private static final int INFLATED_MEGABYTES = 30;

  private static final ReportTable TABLE = ReportTable.create("32-content-encoding",
      "Content-Encoding: a gzip body that inflates to 30 MB",
      "transport", "case", "operation", "status", "body bytes", "category", "outcome",
      "requests")
      .note("The 30 MB case: a key followed by " + INFLATED_MEGABYTES + " MB of spaces,"
          + " gzipped. The SDK sets no limit on the inflated size: the calling thread of a"
          + " blocking call allocates about twice the inflated size to decode it (measured with"
          + " ThreadMXBean), so memory grows with what the server's gzip expands to, not with"
          + " what crossed the network.");

  @AfterAll
  static void writeRows() {
    TABLE.write();
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
