package dev.apikeys.sdk.internal.call;

import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
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
   * completes, and the returned stage is the one callback registered on {@code stage} (a
   * {@link Step}), so that each layer of an async call costs one registration. What
   * {@code next} throws fails the returned stage.
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
      Step<T, R> step = new Step<>(next);
      stage.whenComplete(step);
      return step;
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
    return map(source, mapper, failure, () -> source.cancel(true));
  }

  /**
   * Returns a future of the mapped value or the mapped failure that runs {@code whenCancelled}
   * when it is cancelled (the source is not cancelled then).
   *
   * @param source the source future
   * @param mapper maps the value; what it throws fails the result
   * @param failure maps the source's (unwrapped) failure
   * @param whenCancelled what stops the work behind the source, such as the call's driver
   * @param <T> the source's type
   * @param <R> the result's type
   * @return the mapped future
   */
  public static <T, R> CompletableFuture<R> map(CompletableFuture<T> source,
      Function<? super T, ? extends R> mapper,
      Function<Throwable, ? extends Throwable> failure, Runnable whenCancelled) {
    Mapped<T, R> mapped = new Mapped<>(mapper, failure, whenCancelled);
    source.whenComplete(mapped);
    return mapped;
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

  /**
   * The stage {@link #then} returns while its source is incomplete, and the callback it
   * registers on the source: it completes as the stage that {@code next} makes completes
   * (at once, when that one is already complete), its failure wrapped in a
   * {@link CompletionException} as {@code thenCompose} would.
   */
  private static final class Step<T, R> extends CompletableFuture<R>
      implements BiConsumer<T, Throwable> {
    private final BiFunction<? super T, Throwable, CompletableFuture<R>> next;

    Step(BiFunction<? super T, Throwable, CompletableFuture<R>> next) {
      this.next = next;
    }

    @Override
    public void accept(@Nullable T value, @Nullable Throwable error) {
      CompletableFuture<R> made = apply(next, value, error);
      if (!made.isDone()) {
        made.whenComplete(this::settle);
        return;
      }
      try {
        complete(made.join());
      } catch (CompletionException e) {
        completeExceptionally(e);
      } catch (CancellationException e) {
        completeExceptionally(new CompletionException(e));
      }
    }

    private void settle(@Nullable R value, @Nullable Throwable error) {
      if (error == null) {
        complete(value);
      } else {
        completeExceptionally(error instanceof CompletionException ? error
            : new CompletionException(error));
      }
    }
  }

  /**
   * The future {@link #map} returns, and the callback it registers on the source; a cancel
   * of it, by {@code cancel} or by a {@link CancellationException}, runs
   * {@code whenCancelled}.
   */
  private static final class Mapped<T, R> extends CompletableFuture<R>
      implements BiConsumer<T, Throwable> {
    private final Function<? super T, ? extends R> mapper;
    private final Function<Throwable, ? extends Throwable> failure;
    private final Runnable whenCancelled;

    Mapped(Function<? super T, ? extends R> mapper,
        Function<Throwable, ? extends Throwable> failure, Runnable whenCancelled) {
      this.mapper = mapper;
      this.failure = failure;
      this.whenCancelled = whenCancelled;
    }

    @Override
    public void accept(@Nullable T value, @Nullable Throwable error) {
      if (error != null) {
        completeExceptionally(failure.apply(unwrap(error)));
        return;
      }
      try {
        complete(mapper.apply(value));
      } catch (RuntimeException e) {
        completeExceptionally(e);
      }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      if (isCancelled()) {
        whenCancelled.run();
      }
      return cancelled;
    }

    @Override
    public boolean completeExceptionally(Throwable error) {
      boolean completed = super.completeExceptionally(error);
      if (completed && error instanceof CancellationException) {
        whenCancelled.run();
      }
      return completed;
    }
  }
}
