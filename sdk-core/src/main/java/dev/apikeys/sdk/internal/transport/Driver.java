package dev.apikeys.sdk.internal.transport;

import dev.apikeys.sdk.transport.Transport;
import dev.apikeys.sdk.transport.TransportRequest;
import dev.apikeys.sdk.transport.TransportResponse;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How one call runs through the layers, which are each written once over
 * {@link CompletableFuture}: the only two places where waiting happens, the exchange and the
 * waits between (a retry's backoff, a request slot, a token renewal).
 *
 * <p>The {@link #BLOCKING} driver sends with {@link Transport#execute} and waits on the calling
 * thread, so every stage it hands back is already complete and the whole chain runs on the
 * caller, with no thread hop. An interrupt abandons the exchange or wait under way and fails
 * it with the {@link InterruptedException}. The {@linkplain #async() async} driver sends with
 * {@link Transport#executeAsync} and never blocks; {@link #cancel()} cancels the exchange or
 * wait under way and fails every later one, so that no further one starts.
 */
public abstract class Driver {

  /** The driver of every blocking call; it keeps no state. */
  public static final Driver BLOCKING = new Blocking();

  private Driver() {
  }

  /**
   * Returns a driver for one async call.
   *
   * @return the driver, to use for that call only
   */
  public static Driver async() {
    return new Async();
  }

  /**
   * Sends the request; never throws.
   *
   * @param transport what moves the bytes
   * @param request what to send
   * @return the response, to come on the async driver
   */
  abstract CompletableFuture<TransportResponse> exchange(Transport transport,
      TransportRequest request);

  /**
   * Waits for {@code wait}. On the blocking driver it returns once the wait is over; an
   * interrupt cancels the wait and fails the returned stage with the
   * {@link InterruptedException}, even when the wait completed meanwhile (whoever holds what
   * the wait granted must give it back). On the async driver it returns {@code wait}, which
   * {@link #cancel()} cancels.
   *
   * @param wait the wait; cancelled when the call is abandoned, so never one that others share
   * @param <T> its type
   * @return the wait, complete on the blocking driver
   */
  public abstract <T> CompletableFuture<T> await(CompletableFuture<T> wait);

  /** Cancels the async call: its exchange or wait under way, and every later one. */
  public void cancel() {
  }

  private static final class Blocking extends Driver {

    @Override
    CompletableFuture<TransportResponse> exchange(Transport transport,
        TransportRequest request) {
      try {
        return CompletableFuture.completedFuture(Objects.requireNonNull(
            transport.execute(request), "the transport returned no response"));
      } catch (Throwable e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    @Override
    public <T> CompletableFuture<T> await(CompletableFuture<T> wait) {
      if (wait.isDone()) {
        return wait;
      }
      try {
        wait.get();
      } catch (InterruptedException e) {
        wait.cancel(true);
        return CompletableFuture.failedFuture(e);
      } catch (ExecutionException | CancellationException e) {
        // The wait's own failure, which the stage holds.
      }
      return wait;
    }

    @Override
    public String toString() {
      return "Driver.BLOCKING";
    }
  }

  private static final class Async extends Driver {

    private final AtomicReference<CompletableFuture<?>> pending = new AtomicReference<>();
    private volatile boolean cancelled;

    @Override
    CompletableFuture<TransportResponse> exchange(Transport transport,
        TransportRequest request) {
      if (cancelled) {
        return CompletableFuture.failedFuture(new CancellationException());
      }
      try {
        return await(Objects.requireNonNull(transport.executeAsync(request),
            "the transport's executeAsync returned null"));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    @Override
    public <T> CompletableFuture<T> await(CompletableFuture<T> wait) {
      pending.set(wait);
      if (cancelled) {
        wait.cancel(true);
      }
      return wait;
    }

    @Override
    public void cancel() {
      cancelled = true;
      CompletableFuture<?> step = pending.get();
      if (step != null) {
        step.cancel(true);
      }
    }
  }
}
