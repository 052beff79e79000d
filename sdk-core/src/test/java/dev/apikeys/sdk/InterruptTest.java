package dev.apikeys.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.lessThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.RuntimeFixtures.RecordingSleeper;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An interrupt ends a blocking call at once, keeps the flag, and starts no further attempt. */
class InterruptTest {

  private static final String KEY_PATH = "/v1/api_key/key_1";
  /** A path of its own, so that a request still in flight cannot count in another test. */
  private static final String OTHER_PATH = "/v1/api_key/key_2";

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  @AfterEach
  void clearInterruptFlag() {
    Thread.interrupted();
  }

  @Test
  void interruptDuringBackoffEndsTheCallWithTheFlagKept() throws Exception {
    Thread caller = Thread.currentThread();
    RecordingSleeper sleeper = RecordingSleeper.manual(duration -> caller.interrupt());
    ApiKeysClient client = server.client(sleeper).build();
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(serviceUnavailable()));

    ApiKeysIoException error = assertThrows(ApiKeysIoException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertTrue(Thread.interrupted(), "the interrupt flag must be kept");
    assertInstanceOf(InterruptedException.class, error.getCause());
    CompletableFuture<Void> backoff = sleeper.nextWait();
    assertThrows(CancellationException.class,
        () -> backoff.get(RuntimeFixtures.WAIT_SECONDS, TimeUnit.SECONDS));
    assertFalse(backoff.complete(null));
    assertEquals(1, sleeper.durations().size());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void interruptBeforeTheCallEndsItWithTheFlagKept() {
    ApiKeysClient client = server.client(RecordingSleeper.manual()).build();
    server.stubFor(get(urlEqualTo(OTHER_PATH)).willReturn(serviceUnavailable()));

    Thread.currentThread().interrupt();
    assertThrows(ApiKeysIoException.class, () -> client.apiKeys().retrieve("key_2"));

    assertTrue(Thread.currentThread().isInterrupted());
    server.verify(lessThanOrExactly(1), getRequestedFor(urlEqualTo(OTHER_PATH)));
  }
}
