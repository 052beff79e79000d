package dev.apikeys.sdk.internal.paging;

import dev.apikeys.sdk.errors.ApiKeysException;
import java.util.HashSet;
import java.util.Set;

/**
 * The cursors one walk through a listing has asked for, so that a server whose cursors come
 * back ends the walk before a request is spent on a page already seen. One walk, one thread.
 */
public final class CursorHistory {

  private final Set<String> requested = new HashSet<>();

  /**
   * Records the cursor of the page about to be fetched.
   *
   * @param cursor the cursor; empty for the first page
   * @throws ApiKeysException if that cursor was asked for before
   */
  public void record(String cursor) {
    if (!requested.add(cursor)) {
      throw new ApiKeysException("the server sent cursor " + cursor
          + " a second time; paging stops here so that it cannot loop");
    }
  }
}
