package dev.apikeys.sdk;

import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.errors.InvalidDataException;
import dev.apikeys.sdk.internal.call.Call;
import dev.apikeys.sdk.internal.call.CallEngine;
import dev.apikeys.sdk.internal.call.Futures;
import dev.apikeys.sdk.internal.paging.CursorHistory;
import dev.apikeys.sdk.internal.paging.PagePublisher;
import dev.apikeys.sdk.internal.paging.PageSource;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyList;
import dev.apikeys.sdk.models.ListApiKeysParams;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * One page of a listing, and the way to the pages after it. Immutable and thread-safe.
 *
 * <p>The next page follows {@code after = last_id}, or {@code before = first_id} when the
 * listing pages backwards (its params set {@code before}); it keeps the first call's
 * {@link RequestOptions}. A page with {@code has_more: false} has no next page and costs no
 * request to find that out. A server that answers {@code has_more: true} with no keys, or with
 * a cursor that does not advance, ends paging with an {@link ApiKeysException} instead of a
 * loop.
 *
 * <pre>{@code
 * ApiKeyPage page = client.apiKeys().list(ListApiKeysParams.builder().limit(100).build());
 * for (ApiKey key : page.autoPager()) {
 *   System.out.println(key.name());
 * }
 * }</pre>
 */
public final class ApiKeyPage {

  private static final PageSource<ApiKeyPage, ApiKey> SOURCE = new PageSource<>() {
    @Override
    public List<ApiKey> items(ApiKeyPage page) {
      return page.data();
    }

    @Override
    public String cursor(ApiKeyPage page) {
      return ApiKeyPage.cursor(page.params);
    }

    @Override
    public boolean hasNextPage(ApiKeyPage page) {
      return page.hasNextPage();
    }

    @Override
    public CompletableFuture<Optional<ApiKeyPage>> nextPageAsync(ApiKeyPage page,
        CursorHistory history) {
      return page.nextPageAsync(history);
    }
  };

  private final ApiKeyList list;
  private final ListApiKeysParams params;
  private final PageFetcher fetcher;

  /**
   * Creates a page, as the generated {@code list} does.
   *
   * @param list the page as the server sent it
   * @param params the params that fetched it
   * @param engine the client's engine, to fetch the pages after it
   * @param fetch makes the call of another page, with the first call's options
   */
  ApiKeyPage(ApiKeyList list, ListApiKeysParams params, CallEngine engine,
      Function<ListApiKeysParams, Call<ApiKeyPage>> fetch) {
    this(list, params, new PageFetcher() {
      @Override
      public ApiKeyPage fetch(ListApiKeysParams next) {
        return engine.await(fetch.apply(next)).requireBody();
      }

      @Override
      public CompletableFuture<ApiKeyPage> fetchAsync(ListApiKeysParams next) {
        return Futures.map(engine.async(fetch.apply(next)), RawResponse::body);
      }
    });
  }

  private ApiKeyPage(ApiKeyList list, ListApiKeysParams params, PageFetcher fetcher) {
    this.list = list;
    this.params = params;
    this.fetcher = fetcher;
  }

  /**
   * Returns a page over given data, for test doubles of {@link ApiKeysService#list}: the pages
   * after it come from {@code next}, called with the params of each page to fetch (by
   * {@link #nextPage()}, the auto-pager and the publisher alike), with no HTTP at all.
   *
   * <pre>{@code
   * ApiKeyPage first = ApiKeyPage.of(firstList, ListApiKeysParams.none(),
   *     params -> pagesByCursor.get(params.after().orElseThrow()));
   * }</pre>
   *
   * @param list the page
   * @param params the params that "fetched" it
   * @param next gives the page for the params of the next one; what it throws, the fetch throws
   * @return the page
   */
  public static ApiKeyPage of(ApiKeyList list, ListApiKeysParams params,
      Function<ListApiKeysParams, ApiKeyList> next) {
    Objects.requireNonNull(list, "list must not be null");
    Objects.requireNonNull(params, "params must not be null");
    Objects.requireNonNull(next, "next must not be null");
    return new ApiKeyPage(list, params, new PageFetcher() {
      @Override
      public ApiKeyPage fetch(ListApiKeysParams nextParams) {
        return new ApiKeyPage(next.apply(nextParams), nextParams, this);
      }

      @Override
      public CompletableFuture<ApiKeyPage> fetchAsync(ListApiKeysParams nextParams) {
        try {
          return CompletableFuture.completedFuture(fetch(nextParams));
        } catch (RuntimeException e) {
          return CompletableFuture.failedFuture(e);
        }
      }
    });
  }

  /**
   * Returns the keys of this page, in the order the server sent them.
   *
   * @return the keys of this page, in the order the server sent them
   */
  public List<ApiKey> data() {
    return list.data();
  }

  /**
   * Returns whether the server has more keys after this page ({@code has_more}).
   *
   * @return whether the server has more keys after this page ({@code has_more})
   */
  public boolean hasMore() {
    return list.hasMore();
  }

  /**
   * Returns the id of this page's first key ({@code first_id}); empty for an empty page.
   *
   * @return the id of this page's first key ({@code first_id}); empty for an empty page
   */
  public Optional<String> firstId() {
    return list.firstId();
  }

  /**
   * Returns the id of this page's last key ({@code last_id}); empty for an empty page.
   *
   * @return the id of this page's last key ({@code last_id}); empty for an empty page
   */
  public Optional<String> lastId() {
    return list.lastId();
  }

  /**
   * Returns the params that fetched this page.
   *
   * @return the params that fetched this page
   */
  public ListApiKeysParams params() {
    return params;
  }

  /**
   * Returns whether there is a next page to fetch; the same as {@link #hasMore()}.
   *
   * @return whether there is a next page to fetch; the same as {@link #hasMore()}
   */
  public boolean hasNextPage() {
    return list.hasMore();
  }

  /**
   * Returns the params of the next page, to fetch it later or resume a listing from a saved
   * cursor; empty when this is the last page.
   *
   * @return the next page's params, or empty
   * @throws ApiKeysException if the server said there is more but gave no cursor that advances
   */
  public Optional<ListApiKeysParams> nextPageParams() {
    if (!list.hasMore()) {
      return Optional.empty();
    }
    List<ApiKey> keys = list.data();
    if (keys.isEmpty()) {
      throw new ApiKeysException("the server answered has_more: true with an empty page; "
          + "paging stops here so that it cannot loop (params: " + params + ")");
    }
    boolean backwards = params.before().isPresent();
    String cursor = backwards
        ? list.firstId().orElse(keys.get(0).id())
        : list.lastId().orElse(keys.get(keys.size() - 1).id());
    Optional<String> previous = backwards ? params.before() : params.after();
    if (previous.isPresent() && previous.get().equals(cursor)) {
      throw new ApiKeysException("the server's cursor did not advance (" + cursor
          + "); paging stops here so that it cannot loop");
    }
    ListApiKeysParams.Builder next = params.toBuilder();
    return Optional.of((backwards ? next.before(cursor) : next.after(cursor)).build());
  }

  /**
   * Fetches the next page, blocking; empty when this is the last page (no request is made).
   *
   * @return the next page, or empty
   * @throws ApiKeysException if the request fails, or the server's cursor does not advance
   */
  public Optional<ApiKeyPage> nextPage() {
    return nextPage(new CursorHistory());
  }

  /** Fetches the next page on this thread unless its cursor was asked for before. */
  Optional<ApiKeyPage> nextPage(CursorHistory history) {
    Optional<ListApiKeysParams> next = nextPageParams();
    next.ifPresent(nextParams -> history.record(cursor(nextParams)));
    return next.map(fetcher::fetch);
  }

  /**
   * Fetches the next page without blocking; completes with empty when this is the last page.
   * Cancelling the future cancels the request.
   *
   * @return a future of the next page, or of empty
   */
  public CompletableFuture<Optional<ApiKeyPage>> nextPageAsync() {
    return nextPageAsync(new CursorHistory());
  }

  /** Fetches the next page unless its cursor is one the walk asked for before. */
  CompletableFuture<Optional<ApiKeyPage>> nextPageAsync(CursorHistory history) {
    try {
      Optional<ListApiKeysParams> next = nextPageParams();
      next.ifPresent(nextParams -> history.record(cursor(nextParams)));
      if (next.isEmpty()) {
        return CompletableFuture.completedFuture(Optional.empty());
      }
      return Futures.map(fetcher.fetchAsync(next.get()), Optional::of);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Returns every key from this page on, fetched lazily page after page as the caller iterates.
   * Iterate it with for-each, or call {@link AutoPager#stream()}.
   *
   * @return the pager
   */
  public AutoPager autoPager() {
    return new AutoPager(this, false);
  }

  /**
   * Returns every key from this page on as a {@link Flow.Publisher} that fetches a page only
   * when the subscriber has demand for it. Cancelling the subscription cancels the request under
   * way.
   *
   * @return the publisher
   */
  public Flow.Publisher<ApiKey> publisher() {
    return new PagePublisher<>(this, SOURCE);
  }

  /** The cursor a page's params carry; empty for a listing's first page. */
  static String cursor(ListApiKeysParams params) {
    return params.after().or(params::before).orElse("");
  }

  @Override
  public String toString() {
    try {
      return "ApiKeyPage{size=" + list.data().size() + ", hasMore=" + list.hasMore()
          + ", firstId=" + list.firstId().orElse(null) + ", lastId="
          + list.lastId().orElse(null) + '}';
    } catch (InvalidDataException e) {
      return "ApiKeyPage{invalid: " + e.getMessage() + '}';
    }
  }

  /** How the pages after this one are fetched: by the client, or by a test double. */
  private interface PageFetcher {
    ApiKeyPage fetch(ListApiKeysParams params);

    CompletableFuture<ApiKeyPage> fetchAsync(ListApiKeysParams params);
  }
}
