package dev.apikeys.sdk.interceptors;

import dev.apikeys.sdk.errors.ApiKeysException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a call ended, after every attempt and wait.
 *
 * @param statusCode the last response's status; empty when no response came
 * @param exception what the call throws (or its future fails with); empty on success
 * @param requestId the last response's {@code x-request-id}, if any
 * @param attempts how many attempts were made, from 0 (stopped before sending) up
 * @param elapsed from the call's start to its end, waits included
 */
public record CallOutcome(OptionalInt statusCode, Optional<ApiKeysException> exception,
    Optional<String> requestId, int attempts, Duration elapsed) {

  /**
   * Returns whether the call succeeded.
   *
   * @return whether the call succeeded
   */
  public boolean isSuccess() {
    return exception.isEmpty();
  }
}
