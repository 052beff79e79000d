package dev.apikeys.sdk;

import dev.apikeys.sdk.internal.timer.SdkTimer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Waits between retries without blocking a thread: the returned future completes when the wait
 * is over. Inject one with {@link ApiKeysClient.Builder#sleeper(Sleeper)} so that tests need not
 * wait for real.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Returns a future that completes after {@code duration}. Cancelling it ends the wait.
   *
   * @param duration how long to wait, never negative
   * @return a future completed when the wait is over
   */
  CompletableFuture<Void> sleep(Duration duration);

  /**
   * Returns the default sleeper. Its waits run on the SDK's one timer thread, which ends when
   * nothing is pending, so no thread is left behind after the last call.
   *
   * @return the sleeper
   */
  static Sleeper system() {
    return duration -> {
      CompletableFuture<Void> done = new CompletableFuture<>();
      SdkTimer.Timeout wait = SdkTimer.shared().schedule(System.nanoTime() + duration.toNanos(),
          () -> done.complete(null));
      done.whenComplete((ignored, error) -> wait.cancel());
      return done;
    };
  }
}
