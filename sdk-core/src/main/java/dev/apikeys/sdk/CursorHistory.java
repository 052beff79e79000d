package dev.apikeys.sdk;

import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.models.ListApiKeysParams;
import java.util.HashSet;
import java.util.Set;

/**
 * The cursors one walk through a listing has asked for, so that a server whose cursors come
 * back ends the walk before a request is spent on a page already seen. One walk, one thread.
 */
final class CursorHistory {

  private final Set<String> requested = new HashSet<>();

  /**
   * Records the cursor of the params about to be fetched.
   *
   * @throws ApiKeysException if that cursor was asked for before
   */
  void record(ListApiKeysParams params) {
    String cursor = params.after().or(params::before).orElse("");
    if (!requested.add(cursor)) {
      throw new ApiKeysException("the server sent cursor " + cursor
          + " a second time; paging stops here so that it cannot loop");
    }
  }
}
