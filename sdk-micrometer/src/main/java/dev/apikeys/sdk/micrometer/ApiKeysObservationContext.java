package dev.apikeys.sdk.micrometer;

import dev.apikeys.sdk.interceptors.CallContext;
import dev.apikeys.sdk.interceptors.CallOutcome;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.RequestReplySenderContext;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of one SDK call holds: the call as the carrier (trace headers go into
 * it through {@link CallContext#addHeader}) and, once it ended, its {@link CallOutcome} as the
 * response. Never the token or a body. One per call; not thread-safe.
 */
public final class ApiKeysObservationContext
    extends RequestReplySenderContext<CallContext, CallOutcome> {

  /**
   * Creates the context of a call.
   *
   * @param call the call, whose headers receive the trace context
   * @throws NullPointerException if call is null
   */
  public ApiKeysObservationContext(CallContext call) {
    super(ApiKeysObservationContext::addHeader, Kind.CLIENT);
    setCarrier(Objects.requireNonNull(call, "call must not be null"));
    setRemoteServiceName("apikeys");
  }

  /**
   * Returns the call observed.
   *
   * @return the call
   */
  public CallContext call() {
    return Objects.requireNonNull(getCarrier(), "the carrier is set at construction");
  }

  /** Micrometer's setter: its carrier may be null in general; this context always has one. */
  private static void addHeader(@Nullable CallContext call, String name, String value) {
    if (call != null) {
      call.addHeader(name, value);
    }
  }
}
