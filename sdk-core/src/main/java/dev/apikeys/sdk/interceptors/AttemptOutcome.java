package dev.apikeys.sdk.interceptors;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How one attempt ended: with a response of some status, or with a network failure or timeout.
 *
 * @param statusCode the response's status; empty when no response came
 * @param failure the network failure or timeout; empty when a response came
 * @param requestId the response's {@code x-request-id}, if any
 * @param elapsed from sending to the whole response, or to the failure
 */
public record AttemptOutcome(OptionalInt statusCode, Optional<IOException> failure,
    Optional<String> requestId, Duration elapsed) {
}
