package dev.apikeys.sdk.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names an SDK call's observation and its tags. Implement it, or extend
 * {@link DefaultApiKeysObservationConvention}, to rename the metric or change its tags, and
 * pass it to {@link ObservationInterceptor#ObservationInterceptor(
 * io.micrometer.observation.ObservationRegistry, ApiKeysObservationConvention)}; a global
 * convention registered on the {@code ObservationRegistry} wins over both.
 */
public interface ApiKeysObservationConvention
    extends ObservationConvention<ApiKeysObservationContext> {

  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof ApiKeysObservationContext;
  }
}
