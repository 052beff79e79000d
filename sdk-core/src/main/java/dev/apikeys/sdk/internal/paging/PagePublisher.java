package dev.apikeys.sdk.internal.paging;

import dev.apikeys.sdk.internal.call.Futures;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Publishes the items of a listing with back-pressure: a page is fetched only when the
 * subscriber has asked for more items than the pages so far held. One subscriber a subscription.
 *
 * @param <P> the page type
 * @param <T> the item type
 */
public final class PagePublisher<P, T> implements Flow.Publisher<T> {

  private final P first;
  private final PageSource<P, T> source;

  /**
   * Creates a publisher of the items from {@code first} on.
   *
   * @param first the first page
   * @param source how to read and follow pages
   */
  public PagePublisher(P first, PageSource<P, T> source) {
    this.first = first;
    this.source = source;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber must not be null");
    new ItemSubscription<>(first, source, subscriber).start();
  }

  /** Serialises all work through a work-in-progress counter, so no lock is ever held. */
  private static final class ItemSubscription<P, T> implements Flow.Subscription {
    private final PageSource<P, T> source;
    private final Flow.Subscriber<? super T> subscriber;
    private final AtomicInteger work = new AtomicInteger();
    private final CursorHistory history = new CursorHistory();
    private P page;
    private Iterator<T> keys;
    private long demand;
    private long requested;
    private volatile boolean cancelled;
    private boolean done;
    private @Nullable CompletableFuture<Optional<P>> fetching;
    private @Nullable Optional<P> fetched;
    private @Nullable Throwable failure;

    ItemSubscription(P first, PageSource<P, T> source, Flow.Subscriber<? super T> subscriber) {
      this.source = source;
      this.page = first;
      this.keys = source.items(first).iterator();
      history.record(source.cursor(first));
      this.subscriber = subscriber;
    }

    void start() {
      subscriber.onSubscribe(this);
      drain();
    }

    @Override
    public void request(long n) {
      synchronized (this) {
        if (n <= 0) {
          failure = new IllegalArgumentException("request(n) needs n > 0 (Reactive Streams 3.9)");
        } else {
          requested = saturatedAdd(requested, n);
        }
      }
      drain();
    }

    private static long saturatedAdd(long a, long b) {
      long sum = a + b;
      return sum < 0 ? Long.MAX_VALUE : sum;
    }

    @Override
    public void cancel() {
      cancelled = true;
      drain();
    }

    private void drain() {
      if (work.getAndIncrement() != 0) {
        return;
      }
      do {
        step();
      } while (work.decrementAndGet() != 0);
    }

    private void step() {
      if (done) {
        return;
      }
      if (cancelled) {
        done = true;
        if (fetching != null) {
          fetching.cancel(true);
        }
        return;
      }
      synchronized (this) {
        demand = saturatedAdd(demand, requested);
        requested = 0;
        if (failure != null) {
          finish(failure);
          return;
        }
      }
      while (demand > 0 && keys.hasNext() && !cancelled) {
        demand--;
        subscriber.onNext(keys.next());
      }
      if (keys.hasNext() || cancelled || demand == 0 && source.hasNextPage(page)) {
        return;
      }
      if (fetched != null) {
        Optional<P> next = fetched;
        fetched = null;
        fetching = null;
        if (next.isEmpty()) {
          finish(null);
        } else {
          page = next.get();
          keys = source.items(page).iterator();
          work.incrementAndGet();
        }
      } else if (fetching == null) {
        fetchNext();
      }
    }

    private void fetchNext() {
      CompletableFuture<Optional<P>> next = source.nextPageAsync(page, history);
      fetching = next;
      next.whenComplete((result, error) -> {
        synchronized (this) {
          if (error != null) {
            failure = error;
          }
        }
        fetched = error == null ? result : null;
        drain();
      });
    }

    private void finish(@Nullable Throwable error) {
      done = true;
      if (error == null) {
        subscriber.onComplete();
      } else {
        subscriber.onError(Futures.unwrap(error));
      }
    }
  }
}
