package dev.apikeys.reliability;

import dev.apikeys.sdk.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Sleeper} that never waits and records every wait the SDK asked for. Thread-safe. */
final class RecordingSleeper implements Sleeper {

  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  @Override
  public CompletableFuture<Void> sleep(Duration duration) {
    waits.add(duration);
    return CompletableFuture.completedFuture(null);
  }

  /** Returns the waits asked for so far, in order. */
  List<Duration> waits() {
    return List.copyOf(waits);
  }
}
