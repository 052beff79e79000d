package dev.apikeys.benchmarks;

import java.time.Duration;

/**
 * Counts keys as a caller walks a listing, and does the caller's work once per page, at the
 * page's first key. The work is a sleep: the caller waits on something else (a database, another
 * service), which is the case prefetch is for, and a sleep leaves the 2 cores to the clients.
 * For one walk, on one thread.
 */
final class KeyTally {

  private final int pageSize;
  private final long workMillis;
  private long count;
  private String lastId;

  KeyTally(int pageSize, Duration workPerPage) {
    this.pageSize = pageSize;
    this.workMillis = workPerPage.toMillis();
  }

  void see(String id) {
    if (workMillis > 0 && count % pageSize == 0) {
      work();
    }
    count++;
    lastId = id;
  }

  KeyWalk walk() {
    return new KeyWalk(count, lastId);
  }

  private void work() {
    try {
      Thread.sleep(workMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the caller's work", e);
    }
  }
}
