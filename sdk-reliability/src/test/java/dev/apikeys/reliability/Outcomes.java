package dev.apikeys.reliability;

import dev.apikeys.sdk.errors.ApiKeysServiceException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** How the report names what a call did: its result, its exception, its waits. */
final class Outcomes {

  private Outcomes() {
  }

  /** Returns the exception a call threw, or null when it returned. */
  static Throwable thrownBy(Callable<?> call) {
    try {
      call.call();
      return null;
    } catch (Exception e) {
      return e;
    }
  }

  /** Returns the exception an action threw, or null when it ended normally. */
  static Throwable thrownByRunning(Runnable action) {
    return thrownBy(() -> {
      action.run();
      return null;
    });
  }

  /** Names an outcome: "recovered" (or {@code success}), else the exception and its status. */
  static String describe(Throwable error, String success) {
    if (error == null) {
      return success;
    }
    String name = error.getClass().getSimpleName();
    return error instanceof ApiKeysServiceException
        ? name + " " + ((ApiKeysServiceException) error).statusCode() : name;
  }

  /** Formats waits compactly, such as {@code 500ms 1s}; {@code none} for no wait. */
  static String waits(List<Duration> waits) {
    if (waits.isEmpty()) {
      return "none";
    }
    return waits.stream().map(Outcomes::duration).collect(Collectors.joining(" "));
  }

  /** Formats a duration as milliseconds below a second, else seconds. */
  static String duration(Duration duration) {
    long millis = duration.toMillis();
    return millis < 1000 || millis % 1000 != 0 ? millis + "ms" : millis / 1000 + "s";
  }
}
