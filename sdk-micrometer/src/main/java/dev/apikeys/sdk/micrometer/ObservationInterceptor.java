package dev.apikeys.sdk.micrometer;

import dev.apikeys.sdk.interceptors.CallContext;
import dev.apikeys.sdk.interceptors.CallOutcome;
import dev.apikeys.sdk.interceptors.Interceptor;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Makes one Micrometer {@link Observation} per call: a timer named
 * {@value DefaultApiKeysObservationConvention#NAME} with the tags of
 * {@link ApiKeysObservationDocumentation}, and, when micrometer-tracing is set up, a client
 * span whose trace context goes out in the request headers (such as {@code traceparent}). The
 * observation starts before the first attempt and stops when the call ended, retries and waits
 * included; its parent is the observation current when the call starts. Thread-safe.
 *
 * <pre>{@code
 * ApiKeysClient client = ApiKeysClient.builder()
 *     .token(token)
 *     .addInterceptor(new ObservationInterceptor(observationRegistry))
 *     .build();
 * }</pre>
 */
public final class ObservationInterceptor implements Interceptor {

  private static final String OBSERVATION = ObservationInterceptor.class.getName();
  private static final ApiKeysObservationConvention DEFAULT =
      new DefaultApiKeysObservationConvention();

  private final ObservationRegistry registry;
  private final @Nullable ApiKeysObservationConvention convention;

  /**
   * Observes calls into the given registry with the default convention.
   *
   * @param registry where observations go
   * @throws NullPointerException if registry is null
   */
  public ObservationInterceptor(ObservationRegistry registry) {
    this(registry, null);
  }

  /**
   * Observes calls into the given registry with a convention of your own.
   *
   * @param registry where observations go
   * @param convention names the observation and its tags; null for the default one
   * @throws NullPointerException if registry is null
   */
  public ObservationInterceptor(ObservationRegistry registry,
      @Nullable ApiKeysObservationConvention convention) {
    this.registry = Objects.requireNonNull(registry, "registry must not be null");
    this.convention = convention;
  }

  @Override
  public void beforeCall(CallContext call) {
    ApiKeysObservationContext context = new ApiKeysObservationContext(call);
    Observation observation = ApiKeysObservationDocumentation.CLIENT_REQUEST
        .observation(convention, DEFAULT, () -> context, registry)
        .start();
    call.attributes().put(OBSERVATION, observation);
  }

  @Override
  public void afterCall(CallContext call, CallOutcome outcome) {
    if (!(call.attributes().remove(OBSERVATION) instanceof Observation observation)) {
      return;
    }
    if (observation.getContext() instanceof ApiKeysObservationContext context) {
      context.setResponse(outcome);
    }
    outcome.exception().ifPresent(observation::error);
    observation.stop();
  }

  @Override
  public String toString() {
    return "ObservationInterceptor{convention="
        + (convention == null ? DEFAULT : convention).getClass().getSimpleName() + '}';
  }
}
