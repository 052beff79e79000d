package dev.apikeys.sdk;

import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Waits for a call on the calling thread, the way the blocking API does. */
final class Blocking {

  private Blocking() {
  }

  /**
   * Returns the future's value. An interrupt cancels the call (no further attempt starts),
   * keeps the thread's interrupt flag and throws {@link ApiKeysIoException}.
   */
  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ApiKeysIoException("interrupted while waiting for the call; it was cancelled", e);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    } catch (CancellationException e) {
      throw new ApiKeysException("the call was cancelled", e);
    }
  }

  private static RuntimeException rethrow(Throwable cause) {
    if (cause instanceof RuntimeException) {
      return (RuntimeException) cause;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    return new ApiKeysException("the call failed: " + cause, cause);
  }
}
