package dev.apikeys.sdk.internal.call;

import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's one way to unwrap, chain and wait for futures: a cancel always travels back to the
 * source, so that it stops the call, and a failure is the SDK's own exception, never a
 * {@link CompletionException} around it.
 */
public final class Futures {

  private Futures() {
  }

  /**
   * Returns the failure itself, without the {@link CompletionException} or
   * {@link ExecutionException} that a dependent future wraps it in.
   *
   * @param error a failure
   * @return the failure underneath
   */
  public static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /**
   * Returns the stage that {@code next} makes of the outcome of {@code stage}: the engine's one
   * way to chain its layers. When {@code stage} is already complete (always, on the blocking
   * driver), {@code next} runs at once on this thread and nothing else is allocated, so a
   * blocking call runs its whole chain on the caller; otherwise it runs when {@code stage}
   * completes. What {@code next} throws fails the returned stage.
   *
   * @param stage the stage to follow
   * @param next makes the next stage of the value, or of the (unwrapped) failure when the
   *     value is null and the failure not
   * @param <T> the stage's type
   * @param <R> the next stage's type
   * @return the next stage
   */
  public static <T, R> CompletableFuture<R> then(CompletableFuture<T> stage,
      BiFunction<? super T, Throwable, CompletableFuture<R>> next) {
    if (!stage.isDone()) {
      return stage.handle((value, error) -> apply(next, value, error))
          .thenCompose(Function.identity());
    }
    T value;
    try {
      value = stage.join();
    } catch (CompletionException | CancellationException e) {
      return apply(next, null, e);
    }
    return apply(next, value, null);
  }

  private static <T, R> CompletableFuture<R> apply(
      BiFunction<? super T, Throwable, CompletableFuture<R>> next, @Nullable T value,
      @Nullable Throwable error) {
    try {
      return next.apply(value, error == null ? null : unwrap(error));
    } catch (Throwable e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Returns a stage of the outcome: the value, or the failure when there is one.
   *
   * @param value the value
   * @param error the failure, or null
   * @param <T> the type
   * @return the complete stage
   */
  public static <T> CompletableFuture<T> settled(@Nullable T value, @Nullable Throwable error) {
    return error != null ? CompletableFuture.failedFuture(error)
        : CompletableFuture.completedFuture(value);
  }

  /**
   * Returns a future of the mapped value; cancelling it cancels the source.
   *
   * @param source the source future
   * @param mapper maps the value; what it throws fails the result
   * @param <T> the source's type
   * @param <R> the result's type
   * @return the mapped future
   */
  public static <T, R> CompletableFuture<R> map(CompletableFuture<T> source,
      Function<? super T, ? extends R> mapper) {
    return map(source, mapper, Function.identity());
  }

  /**
   * Returns a future of the mapped value or the mapped failure; cancelling it cancels the
   * source.
   *
   * @param source the source future
   * @param mapper maps the value; what it throws fails the result
   * @param failure maps the source's (unwrapped) failure
   * @param <T> the source's type
   * @param <R> the result's type
   * @return the mapped future
   */
  public static <T, R> CompletableFuture<R> map(CompletableFuture<T> source,
      Function<? super T, ? extends R> mapper,
      Function<Throwable, ? extends Throwable> failure) {
    CompletableFuture<R> mapped = new CompletableFuture<>();
    source.whenComplete((value, error) -> {
      if (error != null) {
        mapped.completeExceptionally(failure.apply(unwrap(error)));
        return;
      }
      try {
        mapped.complete(mapper.apply(value));
      } catch (RuntimeException e) {
        mapped.completeExceptionally(e);
      }
    });
    cancelWith(mapped, source);
    return mapped;
  }

  /**
   * Completes {@code target} as {@code source} completes; cancelling the target cancels the
   * source.
   *
   * @param source where the outcome comes from
   * @param target what receives it
   * @param <T> the type
   */
  public static <T> void forward(CompletableFuture<T> source, CompletableFuture<T> target) {
    source.whenComplete((value, error) -> {
      if (error != null) {
        target.completeExceptionally(unwrap(error));
      } else {
        target.complete(value);
      }
    });
    cancelWith(target, source);
  }

  /**
   * Cancels {@code source} when {@code dependent} is cancelled.
   *
   * @param dependent the future whose cancel travels back
   * @param source the future to cancel then
   */
  public static void cancelWith(CompletableFuture<?> dependent, CompletableFuture<?> source) {
    dependent.whenComplete((ignored, error) -> {
      if (dependent.isCancelled()) {
        source.cancel(true);
      }
    });
  }

  /**
   * Returns the future's value, waiting on this thread. An interrupt cancels the future (no
   * further attempt starts), keeps the thread's interrupt flag and throws
   * {@link ApiKeysIoException}.
   *
   * @param future the future
   * @param <T> its type
   * @return its value
   */
  public static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ApiKeysIoException("interrupted while waiting for the call; it was cancelled", e);
    } catch (ExecutionException e) {
      Throwable cause = unwrap(e);
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new ApiKeysException("the call failed: " + cause.getClass().getName(), cause);
    } catch (CancellationException e) {
      throw new ApiKeysException("the call was cancelled", e);
    }
  }
}
