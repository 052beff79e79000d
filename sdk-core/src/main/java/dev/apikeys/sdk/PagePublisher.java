package dev.apikeys.sdk;

import dev.apikeys.sdk.models.ApiKey;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes the keys of a listing with back-pressure: a page is fetched only when the
 * subscriber has asked for more keys than the pages so far held. One subscriber a subscription.
 */
final class PagePublisher implements Flow.Publisher<ApiKey> {

  private final ApiKeyPage first;

  PagePublisher(ApiKeyPage first) {
    this.first = first;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ApiKey> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber must not be null");
    new KeySubscription(first, subscriber).start();
  }

  /** Serialises all work through a work-in-progress counter, so no lock is ever held. */
  private static final class KeySubscription implements Flow.Subscription {
    private final Flow.Subscriber<? super ApiKey> subscriber;
    private final AtomicInteger work = new AtomicInteger();
    private final CursorHistory history = new CursorHistory();
    private ApiKeyPage page;
    private Iterator<ApiKey> keys;
    private long demand;
    private long requested;
    private volatile boolean cancelled;
    private boolean done;
    private CompletableFuture<Optional<ApiKeyPage>> fetching;
    private Optional<ApiKeyPage> fetched;
    private Throwable failure;

    KeySubscription(ApiKeyPage first, Flow.Subscriber<? super ApiKey> subscriber) {
      this.page = first;
      this.keys = first.data().iterator();
      history.record(first.params());
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
      if (keys.hasNext() || cancelled || demand == 0 && page.hasNextPage()) {
        return;
      }
      if (fetched != null) {
        Optional<ApiKeyPage> next = fetched;
        fetched = null;
        fetching = null;
        if (next.isEmpty()) {
          finish(null);
        } else {
          page = next.get();
          keys = page.data().iterator();
          work.incrementAndGet();
        }
      } else if (fetching == null) {
        fetchNext();
      }
    }

    private void fetchNext() {
      CompletableFuture<Optional<ApiKeyPage>> next = page.nextPageAsync(history);
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

    private void finish(Throwable error) {
      done = true;
      if (error == null) {
        subscriber.onComplete();
      } else {
        subscriber.onError(error instanceof CompletionException
            && error.getCause() != null ? error.getCause() : error);
      }
    }
  }
}
