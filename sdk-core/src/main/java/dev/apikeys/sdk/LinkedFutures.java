package dev.apikeys.sdk;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Derives futures that pass a cancel back to their source, so that a cancel stops the call. */
final class LinkedFutures {

  private LinkedFutures() {
  }

  static <T, R> CompletableFuture<R> map(CompletableFuture<T> source,
      Function<? super T, ? extends R> mapper) {
    CompletableFuture<R> mapped = source.thenApply(mapper);
    mapped.whenComplete((ignored, error) -> {
      if (mapped.isCancelled()) {
        source.cancel(true);
      }
    });
    return mapped;
  }
}
