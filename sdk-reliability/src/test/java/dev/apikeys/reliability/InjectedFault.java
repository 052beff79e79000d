package dev.apikeys.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.errors.AuthenticationException;
import dev.apikeys.sdk.errors.BadRequestException;
import dev.apikeys.sdk.errors.ConflictException;
import dev.apikeys.sdk.errors.InternalServerException;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.errors.PermissionDeniedException;
import dev.apikeys.sdk.errors.RateLimitException;
import dev.apikeys.sdk.errors.UnprocessableEntityException;
import java.time.Duration;
import java.util.Locale;

/**
 * A failure the server injects in place of its answer, and what the SDK must make of it: whether
 * it is retried and which exception ends the call when it never stops.
 */
enum InjectedFault {

  CONNECTION_RESET_BY_PEER(Fault.CONNECTION_RESET_BY_PEER, true),
  EMPTY_RESPONSE(Fault.EMPTY_RESPONSE, true),
  MALFORMED_RESPONSE_CHUNK(Fault.MALFORMED_RESPONSE_CHUNK, false),
  RANDOM_DATA_THEN_CLOSE(Fault.RANDOM_DATA_THEN_CLOSE, false),
  DELAY_PAST_TIMEOUT(null, 0, true, ApiKeysIoException.class),
  STATUS_429_RETRY_AFTER(null, 429, true, RateLimitException.class),
  STATUS_500(null, 500, true, InternalServerException.class),
  STATUS_502(null, 502, true, InternalServerException.class),
  STATUS_503(null, 503, true, InternalServerException.class),
  STATUS_504(null, 504, true, InternalServerException.class),
  STATUS_400(null, 400, false, BadRequestException.class),
  STATUS_401(null, 401, false, AuthenticationException.class),
  STATUS_403(null, 403, false, PermissionDeniedException.class),
  STATUS_404(null, 404, false, NotFoundException.class),
  STATUS_409(null, 409, true, ConflictException.class),
  STATUS_422(null, 422, false, UnprocessableEntityException.class);

  /**
   * The per-attempt timeout of the client in the delay case. Each attempt's request must reach
   * the server within it, which a loaded two-core machine needs some margin for.
   */
  static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);
  /** How long the server holds its answer in the delay case: well past the timeout. */
  static final int DELAY_MILLIS = 1000;
  /** The {@code Retry-After} of the 429 case, in seconds. */
  static final int RETRY_AFTER_SECONDS = 2;

  private final Fault fault;
  private final boolean closesBeforeAnyAnswer;
  private final int status;
  private final boolean retryable;
  private final Class<? extends ApiKeysException> exception;

  InjectedFault(Fault fault, boolean closesBeforeAnyAnswer) {
    this(fault, closesBeforeAnyAnswer, 0, true, ApiKeysIoException.class);
  }

  InjectedFault(Fault fault, int status, boolean retryable,
      Class<? extends ApiKeysException> exception) {
    this(fault, false, status, retryable, exception);
  }

  InjectedFault(Fault fault, boolean closesBeforeAnyAnswer, int status, boolean retryable,
      Class<? extends ApiKeysException> exception) {
    this.fault = fault;
    this.closesBeforeAnyAnswer = closesBeforeAnyAnswer;
    this.status = status;
    this.retryable = retryable;
    this.exception = exception;
  }

  /** Returns a new response definition that injects this fault. */
  ResponseDefinitionBuilder response() {
    if (fault != null) {
      return aResponse().withFault(fault);
    }
    if (this == DELAY_PAST_TIMEOUT) {
      return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
          .withBody("{}").withFixedDelay(DELAY_MILLIS);
    }
    ResponseDefinitionBuilder response = aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(errorBody());
    return this == STATUS_429_RETRY_AFTER
        ? response.withHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS))
        : response;
  }

  /** Returns the body of the error status, or null for a fault with no status. */
  String errorBody() {
    return status == 0 ? null : "{\"error\": \"" + errorMessage() + "\"}";
  }

  /** Returns the server's message in the error body. */
  String errorMessage() {
    return "injected " + status;
  }

  /** Returns the HTTP status the server answers, or 0 when no status comes back. */
  int status() {
    return status;
  }

  /**
   * Returns whether the connection ends before the client has read any byte of an answer (a
   * reset, or a close with nothing sent), which the JDK takes for a stale connection: it sends
   * a GET again, once (see {@link ApiOperation#resentByTheJdk()}). A malformed chunk comes after
   * the headers, and random data is read as a broken status line: neither is resent.
   */
  boolean closesBeforeAnyAnswer() {
    return closesBeforeAnyAnswer;
  }

  /**
   * Returns how many requests one attempt of the SDK sends for this operation on a transport:
   * two for a GET the JDK resends, else one (Apache HttpClient's own retries are off).
   */
  int requestsPerAttempt(ApiOperation operation, TransportKind transport) {
    return transport == TransportKind.JDK && closesBeforeAnyAnswer && operation.resentByTheJdk()
        ? 2 : 1;
  }

  /** Returns whether the SDK's default policy retries this failure. */
  boolean retryable() {
    return retryable;
  }

  /** Returns the exception that ends a call that keeps meeting this failure. */
  Class<? extends ApiKeysException> exception() {
    return exception;
  }

  /** Returns the wait before retry number {@code retry} under a jitter-free default policy. */
  Duration waitBefore(int retry) {
    return this == STATUS_429_RETRY_AFTER ? Duration.ofSeconds(RETRY_AFTER_SECONDS)
        : Duration.ofMillis(500L << (retry - 1));
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
