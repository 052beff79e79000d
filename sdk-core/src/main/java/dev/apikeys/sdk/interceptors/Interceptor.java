package dev.apikeys.sdk.interceptors;

/**
 * Sees every call a client makes, and every attempt of it, and can add headers: the way in for
 * metrics, traces, audit logs and custom headers. Register one on the client
 * ({@code ApiKeysClient.Builder.addInterceptor}) or for one call
 * ({@code RequestOptions.Builder.addInterceptor}); every method has a default that does nothing.
 *
 * <p>Positions: the call hooks run once per call, outside retries and waits, in the order the
 * interceptors were added ({@code afterCall} in reverse order), client interceptors around
 * per-call ones. The attempt hooks run once per attempt, inside the retry layer: after it decided
 * to make the attempt (and for the repeat with a renewed token after a 401), before redirects
 * within the base URL's origin, logging and the wait for a request slot.
 *
 * <p>What an interceptor sees: the operation, method, path template and path, attempt numbers,
 * statuses, timings, the request id and the exception. It never sees the token, a header the SDK
 * sets, or a body, so it can never read a created key's secret. The headers it adds are checked
 * like extra headers: never one the SDK manages.
 *
 * <p>Failures: an exception from {@code beforeCall} or {@code beforeAttempt} stops the call
 * before that request is sent, and the call fails with an
 * {@link dev.apikeys.sdk.errors.ApiKeysException} naming the interceptor; the interceptors whose
 * {@code beforeCall} ran still get {@code afterCall}. An exception from {@code afterAttempt} or
 * {@code afterCall} never changes the call's outcome: it is logged at WARNING (and added as a
 * suppressed exception when the call failed). Hooks must be thread-safe and quick; for an async
 * call, the after hooks run on the thread that completes it.
 *
 * <pre>{@code
 * ApiKeysClient client = ApiKeysClient.builder()
 *     .token(token)
 *     .addInterceptor(new Interceptor() {
 *       @Override
 *       public void beforeCall(CallContext call) {
 *         call.addHeader("x-team", "payments");
 *       }
 *
 *       @Override
 *       public void afterCall(CallContext call, CallOutcome outcome) {
 *         System.out.println(call.operationId() + " " + outcome.statusCode()
 *             + " after " + outcome.attempts() + " attempt(s) in " + outcome.elapsed());
 *       }
 *     })
 *     .build();
 * }</pre>
 */
public interface Interceptor {

  /**
   * Runs once per call, before its first attempt; headers added here go with every attempt.
   *
   * @param call the call
   */
  default void beforeCall(CallContext call) {
  }

  /**
   * Runs once per attempt, just before it is sent; headers added here go with this attempt.
   *
   * @param attempt the attempt
   */
  default void beforeAttempt(AttemptContext attempt) {
  }

  /**
   * Runs once per attempt, when its response is in or it failed.
   *
   * @param attempt the attempt
   * @param outcome its status or failure, and how long it took
   */
  default void afterAttempt(AttemptContext attempt, AttemptOutcome outcome) {
  }

  /**
   * Runs once per call, when it ended: with its final status, or the exception it ends with.
   *
   * @param call the call
   * @param outcome its status or exception, attempts and time
   */
  default void afterCall(CallContext call, CallOutcome outcome) {
  }
}
