package dev.apikeys.sdk.internal.logging;

import dev.apikeys.sdk.internal.call.Futures;
import dev.apikeys.sdk.internal.json.SecretMask;
import dev.apikeys.sdk.internal.transport.Driver;
import dev.apikeys.sdk.internal.transport.HttpCall;
import dev.apikeys.sdk.internal.transport.HttpResult;
import dev.apikeys.sdk.internal.transport.HttpTransport;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Logs each attempt: method, path, status, attempt number and elapsed time; with bodies (secrets
 * masked) when asked. Never a header, so never the token.
 */
public final class LoggingTransport implements HttpTransport {

  private final HttpTransport next;
  private final Logger logger;
  private final Level level;
  private final boolean bodies;

  /**
   * Creates the layer.
   *
   * @param next the layer that sends the attempt
   * @param logger where to log
   * @param level the level of every line
   * @param bodies whether to log request and response bodies, secrets masked and the attempt's
   *     token too, should a body echo it
   */
  public LoggingTransport(HttpTransport next, Logger logger, Level level, boolean bodies) {
    this.next = next;
    this.logger = logger;
    this.level = level;
    this.bodies = bodies;
  }

  @Override
  public CompletableFuture<HttpResult> send(HttpCall call, Driver driver) {
    if (!logger.isLoggable(level)) {
      return next.send(call, driver);
    }
    long start = System.nanoTime();
    logRequestBody(call);
    return Futures.then(next.send(call, driver), (result, error) -> {
      logOutcome(call, start, result, error);
      return Futures.settled(result, error);
    });
  }

  private void logRequestBody(HttpCall call) {
    if (bodies && call.body() != null) {
      logger.log(level, () -> call.method() + " " + call.path() + " attempt " + call.attempt()
          + " request body: " + call.sentToken().redactor().redact(
              SecretMask.mask(new String(call.body(), StandardCharsets.UTF_8))));
    }
  }

  private void logOutcome(HttpCall call, long start, HttpResult result, Throwable error) {
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    String line = call.method() + " " + call.path() + " -> "
        + (error != null ? "failed (" + failureName(error) + ")"
            : String.valueOf(result.status()))
        + " attempt " + call.attempt() + " in " + elapsedMs + " ms";
    if (bodies && result != null && result.body().length > 0) {
      line += " response body: "
          + call.sentToken().redactor().redact(SecretMask.mask(result.bodyText()));
    }
    logger.log(level, line);
  }

  /** Names the failure itself, not the CompletionException that a dependent future wraps. */
  private static String failureName(Throwable error) {
    return Futures.unwrap(error).getClass().getSimpleName();
  }
}
