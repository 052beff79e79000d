package dev.apikeys.sdk.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.internal.timer.SdkTimer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What {@link LimitingTransport} does with an exchange the JDK refused for want of an HTTP/2
 * stream, on both paths, with a transport that refuses on cue: the pause when nothing else is in
 * flight, the wait for a slot when something is, the timeout's message, and no slot lost.
 */
class LimitingTransportTest {

  private static final HttpResult OK = new HttpResult(200, Map.of(), new byte[0], null);
  private static final long PAUSE = LimitingTransport.REFUSED_PAUSE.toNanos();

  /** Refuses the first {@code refusals} exchanges as the JDK does, then answers 200. */
  private static final class RefusingTransport implements HttpTransport {
    private final List<Long> sentAt = new ArrayList<>();
    private final List<Integer> stackDepths = new ArrayList<>();
    private int refusals;

    RefusingTransport(int refusals) {
      this.refusals = refusals;
    }

    @Override
    public synchronized CompletableFuture<HttpResult> send(HttpCall call, Driver driver) {
      sentAt.add(System.nanoTime());
      stackDepths.add(new Throwable().getStackTrace().length);
      if (refusals > 0) {
        refusals--;
        return CompletableFuture.failedFuture(new IOException("too many concurrent streams"));
      }
      return CompletableFuture.completedFuture(OK);
    }

    synchronized List<Long> sentAt() {
      return List.copyOf(sentAt);
    }

    synchronized List<Integer> stackDepths() {
      return List.copyOf(stackDepths);
    }
  }

  private static HttpCall call(Duration timeout) {
    return new HttpCall("retrieveApiKey", "GET", URI.create("http://127.0.0.1:9/v1/api_key/k"),
        "/v1/api_key/{id}", "/v1/api_key/k", Map.of(), null, timeout, 0, null, 1, null,
        new SentToken());
  }

  /** Sends on the blocking driver, whose stage is complete when it returns. */
  private static HttpResult execute(HttpTransport transport, HttpCall call) throws Throwable {
    CompletableFuture<HttpResult> sent = transport.send(call, Driver.BLOCKING);
    assertTrue(sent.isDone(), "the blocking driver returned a stage still under way");
    try {
      return sent.join();
    } catch (CompletionException e) {
      throw e.getCause();
    }
  }

  /** Every slot the limiter can grant now is free: none was lost. */
  private static void assertNoSlotHeld(RequestLimiter limiter) {
    int free = 0;
    while (true) {
      CompletableFuture<Void> grant = limiter.acquire();
      if (!grant.isDone()) {
        assertTrue(limiter.abandon(grant));
        break;
      }
      free++;
    }
    assertEquals(limiter.limit(), free);
    for (int i = 0; i < free; i++) {
      limiter.release();
    }
  }

  private static void assertPausedBetweenSends(List<Long> sentAt) {
    for (int i = 1; i < sentAt.size(); i++) {
      long gap = sentAt.get(i) - sentAt.get(i - 1);
      assertTrue(gap >= PAUSE, "send " + (i + 1) + " came " + gap + " ns after the previous");
    }
  }

  @Test
  void aBlockingExchangeRefusedWithNothingElseInFlightIsSentAgainAfterThePause()
      throws Throwable {
    RequestLimiter limiter = new RequestLimiter(4);
    RefusingTransport refusing = new RefusingTransport(2);
    LimitingTransport transport = new LimitingTransport(refusing, limiter, SdkTimer.shared());

    assertSame(OK, execute(transport, call(Duration.ofSeconds(5))));

    assertEquals(3, refusing.sentAt().size());
    assertPausedBetweenSends(refusing.sentAt());
    assertNoSlotHeld(limiter);
  }

  @Test
  void aBlockingExchangeRefusedAgainAndAgainIsSentAgainFromTheSameStackDepth() throws Throwable {
    RequestLimiter limiter = new RequestLimiter(4);
    RefusingTransport refusing = new RefusingTransport(20);
    LimitingTransport transport = new LimitingTransport(refusing, limiter, SdkTimer.shared());

    assertSame(OK, execute(transport, call(Duration.ofSeconds(5))));

    assertEquals(21, refusing.sentAt().size());
    List<Integer> depths = refusing.stackDepths();
    // The first send needs no wait for a slot; every later one comes after a wait, from one
    // depth: the rounds loop, they do not recurse.
    assertEquals(1, depths.subList(1, depths.size()).stream().distinct().count(),
        "every send again came from a deeper stack: " + depths);
    assertNoSlotHeld(limiter);
  }

  @Test
  void anAsyncExchangeRefusedWithNothingElseInFlightIsSentAgainAfterThePause()
      throws Exception {
    RequestLimiter limiter = new RequestLimiter(4);
    RefusingTransport refusing = new RefusingTransport(2);
    LimitingTransport transport = new LimitingTransport(refusing, limiter, SdkTimer.shared());

    assertSame(OK, transport.send(call(Duration.ofSeconds(5)), Driver.async())
        .get(5, TimeUnit.SECONDS));

    assertEquals(3, refusing.sentAt().size());
    assertPausedBetweenSends(refusing.sentAt());
    assertNoSlotHeld(limiter);
  }

  @Test
  void anExchangeRefusedWhileAnotherIsInFlightWaitsForItToEndNotForThePause() {
    RequestLimiter limiter = new RequestLimiter(2);
    RefusingTransport refusing = new RefusingTransport(1);
    LimitingTransport transport = new LimitingTransport(refusing, limiter, SdkTimer.shared());
    assertTrue(limiter.acquire().isDone(), "another request in flight");

    CompletableFuture<HttpResult> result = transport.send(call(Duration.ofSeconds(5)),
        Driver.async());

    assertFalse(result.isDone(), "two in flight were one too many: the limit is now 1");
    assertEquals(1, limiter.limit());
    limiter.release();
    assertTrue(result.isDone(), "sent again as soon as the other ended");
    assertSame(OK, result.join());
    assertEquals(2, refusing.sentAt().size());
    assertNoSlotHeld(limiter);
  }

  @Test
  void aBlockingExchangeRefusedUntilItsTimeoutFailsNamingTheLoweredLimit() {
    RequestLimiter limiter = new RequestLimiter(4);
    RefusingTransport refusing = new RefusingTransport(Integer.MAX_VALUE);
    LimitingTransport transport = new LimitingTransport(refusing, limiter, SdkTimer.shared());

    HttpTimeoutException timeout = assertThrows(HttpTimeoutException.class,
        () -> execute(transport, call(Duration.ofMillis(60))));

    assertEquals("GET /v1/api_key/k waited PT0.06S for a request slot: the server's HTTP/2"
        + " connection refused streams, so the client's 4 slots (maxConcurrentRequests) are"
        + " down to 1; send fewer requests at once or raise the timeout", timeout.getMessage());
    assertTrue(refusing.sentAt().size() >= 2, "sent " + refusing.sentAt().size() + " times");
    assertPausedBetweenSends(refusing.sentAt());
    assertNoSlotHeld(limiter);
  }

  @Test
  void anAsyncExchangeRefusedUntilItsTimeoutFailsNamingTheLoweredLimit() {
    RequestLimiter limiter = new RequestLimiter(4);
    RefusingTransport refusing = new RefusingTransport(Integer.MAX_VALUE);
    LimitingTransport transport = new LimitingTransport(refusing, limiter, SdkTimer.shared());

    ExecutionException failed = assertThrows(ExecutionException.class,
        () -> transport.send(call(Duration.ofMillis(60)), Driver.async())
            .get(5, TimeUnit.SECONDS));

    HttpTimeoutException timeout = assertInstanceOf(HttpTimeoutException.class,
        failed.getCause());
    assertTrue(timeout.getMessage().contains("are down to 1"), timeout.getMessage());
    assertPausedBetweenSends(refusing.sentAt());
    assertNoSlotHeld(limiter);
  }
}
