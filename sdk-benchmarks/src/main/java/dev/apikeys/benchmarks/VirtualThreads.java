package dev.apikeys.benchmarks;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Virtual threads, reached by reflection so that this module still compiles for Java 17:
 * available on JDK 21 and newer, refused with a clear message before.
 */
final class VirtualThreads {

  private VirtualThreads() {
  }

  /** Returns whether this JDK has virtual threads (21 and newer). */
  static boolean available() {
    return Runtime.version().feature() >= 21;
  }

  /**
   * Returns {@code Executors.newVirtualThreadPerTaskExecutor()}.
   *
   * @throws UnsupportedOperationException before JDK 21
   */
  static ExecutorService perTaskExecutor() {
    if (!available()) {
      throw new UnsupportedOperationException("virtual threads need JDK 21 or newer; this is "
          + Runtime.version());
    }
    try {
      return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
          .invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("newVirtualThreadPerTaskExecutor failed", e);
    }
  }

  /**
   * Makes {@code count} calls at once, each on its own virtual thread, and waits for all.
   *
   * @param executor from {@link #perTaskExecutor()}
   * @param count how many calls
   * @param call the call
   * @return the number of calls that succeeded: {@code count}
   * @throws IllegalStateException naming the first failure, after all calls ended
   */
  static int inFlightAtOnce(ExecutorService executor, int count, ContenderCalls.Call call)
      throws InterruptedException {
    Callable<Object> task = call::call;
    List<Future<Object>> ended = executor.invokeAll(Collections.nCopies(count, task));
    int succeeded = 0;
    for (Future<Object> future : ended) {
      try {
        future.get();
        succeeded++;
      } catch (ExecutionException e) {
        throw new IllegalStateException((count - succeeded) + " or fewer of " + count
            + " calls failed; the first: " + e.getCause(), e.getCause());
      }
    }
    return succeeded;
  }
}
