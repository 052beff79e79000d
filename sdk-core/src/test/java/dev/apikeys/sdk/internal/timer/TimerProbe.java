package dev.apikeys.sdk.internal.timer;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.RetryPolicy;
import dev.apikeys.sdk.Sleeper;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Run in a JVM of its own by {@link SdkTimerTest}, so that no client of another test keeps the
 * timer alive: makes one call that retries once on the system sleeper and waits 20 ms on it,
 * then reports whether the timer thread ran and how long it outlived that last task.
 *
 * <p>Arguments: the base URL; {@code close} (close the client, then time the thread's end) or
 * {@code idle} (keep the client open and time the end from the call's end). Prints one line:
 * {@code alive=<true|false> endedAfterMs=<n>} ({@code -1}: still alive after 10 s).
 */
public final class TimerProbe {

  private TimerProbe() {
  }

  /**
   * Makes the call, then prints whether the timer ran and when its thread ended.
   *
   * @param args the base URL, then {@code close} or {@code idle}
   * @throws Exception when the call fails
   */
  public static void main(String[] args) throws Exception {
    ApiKeysClient client = ApiKeysClient.builder().baseUrl(args[0]).token("sk-probe")
        .retryPolicy(RetryPolicy.builder().maxRetries(1).initialBackoff(Duration.ofMillis(50))
            .jitter(0).build())
        .build();
    client.apiKeys().retrieve("key_1");
    boolean alive = timerThreadAlive();
    // A last task just now, so that the timer's idle linger starts here.
    Sleeper.system().sleep(Duration.ofMillis(20)).get();
    long lingerStart = System.nanoTime();
    awaitTimerParked();
    if (args[1].equals("close")) {
      client.close();
    }
    // Closing ends the thread at once, measured from close(); idle, the linger is measured from
    // the last task, however long it took to see the thread park.
    long start = args[1].equals("close") ? System.nanoTime() : lingerStart;
    long deadline = start + TimeUnit.SECONDS.toNanos(10);
    while (timerThreadAlive() && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    long endedAfterMs = timerThreadAlive() ? -1 : (System.nanoTime() - start) / 1_000_000;
    System.out.println("alive=" + alive + " endedAfterMs=" + endedAfterMs);
    client.close();
  }

  /** Waits until the timer thread, done with the last task, waits for the next one. */
  private static void awaitTimerParked() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (Thread.getAllStackTraces().keySet().stream()
        .noneMatch(thread -> thread.getName().equals("apikeys-timer")
            && thread.getState() == Thread.State.TIMED_WAITING)
        && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
  }

  private static boolean timerThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.getName().equals("apikeys-timer") && thread.isAlive());
  }
}
