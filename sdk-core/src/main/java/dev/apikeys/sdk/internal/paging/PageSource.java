package dev.apikeys.sdk.internal.paging;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the paging machinery needs to know of one kind of page: its items, its cursor, and how to
 * fetch the page after it.
 *
 * @param <P> the page type
 * @param <T> the item type
 */
public interface PageSource<P, T> {

  /**
   * Returns the page's items, in order.
   *
   * @param page the page
   * @return its items
   */
  List<T> items(P page);

  /**
   * Returns the cursor the page was fetched with; empty for a listing's first page.
   *
   * @param page the page
   * @return its cursor
   */
  String cursor(P page);

  /**
   * Returns whether a page follows.
   *
   * @param page the page
   * @return whether a page follows
   */
  boolean hasNextPage(P page);

  /**
   * Fetches the page after {@code page} without blocking, unless its cursor is in the history.
   *
   * @param page the page
   * @param history the cursors this walk asked for
   * @return a future of the next page, or of empty after the last
   */
  CompletableFuture<Optional<P>> nextPageAsync(P page, CursorHistory history);
}
