package dev.apikeys.sdk;

import dev.apikeys.sdk.internal.call.Futures;
import dev.apikeys.sdk.internal.paging.CursorHistory;
import dev.apikeys.sdk.models.ApiKey;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Every key of a listing from one page on, fetched lazily, page after page, as the caller
 * iterates. Each iteration starts again from the first page it was made from.
 *
 * <p>Opt in to prefetch with {@link #withPrefetch()}: while the caller works through a page, the
 * next one is fetched (one page ahead, never more). Close the pager, or the stream, when stopping
 * early, so that a prefetch under way is cancelled:
 *
 * <pre>{@code
 * try (Stream<ApiKey> keys = page.autoPager().withPrefetch().stream()) {
 *   keys.filter(ApiKey::restricted).limit(10).forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Thread-safety: the pager may be shared; each iterator it hands out is for one thread.
 */
public final class AutoPager implements Iterable<ApiKey>, AutoCloseable {

  private final ApiKeyPage first;
  private final boolean prefetch;
  private final Set<PageIterator> prefetching = ConcurrentHashMap.newKeySet();

  AutoPager(ApiKeyPage first, boolean prefetch) {
    this.first = first;
    this.prefetch = prefetch;
  }

  /**
   * Returns a pager over the same keys that fetches the next page while this one is used.
   *
   * @return a pager over the same keys that fetches the next page while this one is used
   */
  public AutoPager withPrefetch() {
    return new AutoPager(first, true);
  }

  /**
   * Returns an iterator over every key, fetching pages as it goes.
   *
   * @return an iterator over every key, fetching pages as it goes
   */
  @Override
  public Iterator<ApiKey> iterator() {
    return new KeyIterator(new PageIterator());
  }

  /**
   * Returns the pages themselves, this pager's first page included, for page-by-page work.
   *
   * @return the pages themselves, this pager's first page included, for page-by-page work
   */
  public Iterable<ApiKeyPage> pages() {
    return PageIterator::new;
  }

  /**
   * Returns the keys as a sequential stream; closing it cancels a prefetch under way.
   *
   * @return the keys as a sequential stream; closing it cancels a prefetch under way
   */
  public Stream<ApiKey> stream() {
    KeyIterator keys = new KeyIterator(new PageIterator());
    Spliterator<ApiKey> spliterator = Spliterators.spliteratorUnknownSize(keys,
        Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(spliterator, false).onClose(keys::close);
  }

  /** Cancels the prefetch under way in every iterator of this pager. */
  @Override
  public void close() {
    for (PageIterator pages : prefetching) {
      pages.close();
    }
  }

  /** Walks pages, checking that cursors never repeat. */
  private final class PageIterator implements Iterator<ApiKeyPage> {
    private final CursorHistory history = new CursorHistory();
    private @Nullable ApiKeyPage next = first;
    private @Nullable ApiKeyPage current;
    private @Nullable CompletableFuture<Optional<ApiKeyPage>> prefetched;

    PageIterator() {
      history.record(ApiKeyPage.cursor(first.params()));
    }

    @Override
    public boolean hasNext() {
      if (next == null && current != null) {
        next = fetchAfter(current);
        current = null;
      }
      return next != null;
    }

    @Override
    public ApiKeyPage next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more pages");
      }
      ApiKeyPage page = Objects.requireNonNull(next, "hasNext() left the next page");
      current = page;
      next = null;
      if (prefetch && page.hasNextPage()) {
        prefetching.add(this);
        prefetched = page.nextPageAsync(history);
      }
      return page;
    }

    private @Nullable ApiKeyPage fetchAfter(ApiKeyPage page) {
      Optional<ApiKeyPage> following;
      if (prefetched != null) {
        CompletableFuture<Optional<ApiKeyPage>> pending = prefetched;
        prefetched = null;
        following = Futures.await(pending);
      } else {
        following = page.nextPage(history);
      }
      prefetching.remove(this);
      return following.orElse(null);
    }

    void close() {
      CompletableFuture<Optional<ApiKeyPage>> pending = prefetched;
      prefetched = null;
      if (pending != null) {
        pending.cancel(true);
      }
      next = null;
      current = null;
      prefetching.remove(this);
    }
  }

  /** Walks the keys of each page in turn. */
  private static final class KeyIterator implements Iterator<ApiKey> {
    private final PageIterator pages;
    private Iterator<ApiKey> keys = Collections.emptyIterator();

    KeyIterator(PageIterator pages) {
      this.pages = pages;
    }

    @Override
    public boolean hasNext() {
      while (!keys.hasNext() && pages.hasNext()) {
        keys = pages.next().data().iterator();
      }
      return keys.hasNext();
    }

    @Override
    public ApiKey next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more API keys");
      }
      return keys.next();
    }

    void close() {
      pages.close();
    }
  }
}
