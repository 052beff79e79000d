package dev.apikeys.reliability;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition by polling it, up to a bound: never a fixed sleep. */
final class Await {

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private Await() {
  }

  /**
   * Returns as soon as the condition holds.
   *
   * @throws AssertionError if it does not hold within {@code bound}
   */
  static void until(String what, Duration bound, BooleanSupplier condition) {
    if (!holdsWithin(bound, condition)) {
      throw new AssertionError("not within " + bound + ": " + what);
    }
  }

  /** Returns as soon as the condition holds, true; or false once {@code bound} has passed. */
  static boolean holdsWithin(Duration bound, BooleanSupplier condition) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    return true;
  }
}
