package dev.apikeys.sdk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Derives futures that pass a cancel back to their source, so that a cancel stops the call, and
 * that fail with the SDK's own exception rather than a {@link CompletionException} around it.
 */
final class LinkedFutures {

  private LinkedFutures() {
  }

  static <T, R> CompletableFuture<R> map(CompletableFuture<T> source,
      Function<? super T, ? extends R> mapper) {
    CompletableFuture<R> mapped = new CompletableFuture<>();
    source.whenComplete((value, error) -> {
      if (error != null) {
        mapped.completeExceptionally(unwrap(error));
        return;
      }
      try {
        mapped.complete(mapper.apply(value));
      } catch (RuntimeException e) {
        mapped.completeExceptionally(e);
      }
    });
    mapped.whenComplete((ignored, error) -> {
      if (mapped.isCancelled()) {
        source.cancel(true);
      }
    });
    return mapped;
  }

  static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
  }
}
