package dev.apikeys.testkit.internal;

import java.util.List;

/** One page of a listing and whether more keys come in the direction of travel. */
record Page(List<StoredKey> data, boolean hasMore) {

  Page {
    data = List.copyOf(data);
  }
}
