package dev.apikeys.sdk.micrometer;

import dev.apikeys.sdk.interceptors.CallContext;
import dev.apikeys.sdk.interceptors.CallOutcome;
import dev.apikeys.sdk.micrometer.ApiKeysObservationDocumentation.HighCardinalityKeyNames;
import dev.apikeys.sdk.micrometer.ApiKeysObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;
import java.util.OptionalInt;

/**
 * The SDK's observation convention: the name {@value #NAME}, the operation id as the
 * contextual (span) name, and the tags of {@link ApiKeysObservationDocumentation}. Extend it
 * to add or change tags. Thread-safe.
 */
public class DefaultApiKeysObservationConvention implements ApiKeysObservationConvention {

  /** The observation's (and so the timer's) name. */
  public static final String NAME = "apikeys.client.requests";

  /** Creates the default convention. */
  public DefaultApiKeysObservationConvention() {
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String getContextualName(ApiKeysObservationContext context) {
    return context.call().operationId();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(ApiKeysObservationContext context) {
    CallContext call = context.call();
    CallOutcome outcome = context.getResponse();
    OptionalInt status = outcome == null ? OptionalInt.empty() : outcome.statusCode();
    String error = outcome == null ? "none" : outcome.exception()
        .map(e -> e.getClass().getSimpleName()).orElse("none");
    return KeyValues.of(
        LowCardinalityKeyNames.OPERATION.withValue(call.operationId()),
        LowCardinalityKeyNames.METHOD.withValue(call.method()),
        LowCardinalityKeyNames.URI.withValue(call.pathTemplate()),
        LowCardinalityKeyNames.STATUS.withValue(
            status.isPresent() ? Integer.toString(status.getAsInt()) : "NONE"),
        LowCardinalityKeyNames.OUTCOME.withValue(outcome(status)),
        LowCardinalityKeyNames.ERROR.withValue(error));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(ApiKeysObservationContext context) {
    CallOutcome outcome = context.getResponse();
    if (outcome == null) {
      return KeyValues.empty();
    }
    KeyValues values = KeyValues.of(
        HighCardinalityKeyNames.ATTEMPTS.withValue(Integer.toString(outcome.attempts())));
    return outcome.requestId()
        .map(id -> values.and(HighCardinalityKeyNames.REQUEST_ID.withValue(id)))
        .orElse(values);
  }

  private static String outcome(OptionalInt status) {
    if (status.isEmpty()) {
      return "UNKNOWN";
    }
    return switch (status.getAsInt() / 100) {
      case 1 -> "INFORMATIONAL";
      case 2 -> "SUCCESS";
      case 3 -> "REDIRECTION";
      case 4 -> "CLIENT_ERROR";
      case 5 -> "SERVER_ERROR";
      default -> "UNKNOWN";
    };
  }
}
