package dev.apikeys.sdk;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
   * Returns the default sleeper, which schedules on the JDK's shared delayed executor.
   *
   * @return the sleeper
   */
  static Sleeper system() {
    return duration -> CompletableFuture.runAsync(() -> { },
        CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS));
  }
}
