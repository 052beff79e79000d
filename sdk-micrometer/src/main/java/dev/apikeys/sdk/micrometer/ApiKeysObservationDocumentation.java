package dev.apikeys.sdk.micrometer;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** The observation the SDK makes, and the names of its tags. */
public enum ApiKeysObservationDocumentation implements ObservationDocumentation {

  /** One call of the API: every attempt and wait until its result or exception. */
  CLIENT_REQUEST {
    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>>
        getDefaultConvention() {
      return DefaultApiKeysObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return LowCardinalityKeyNames.values();
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return HighCardinalityKeyNames.values();
    }
  };

  /** Tags with few values, on the timer and the span. */
  public enum LowCardinalityKeyNames implements KeyName {

    /** The spec's operation id, such as {@code updateApiKey}. */
    OPERATION {
      @Override
      public String asString() {
        return "operation";
      }
    },

    /** The HTTP method, such as {@code PATCH}. */
    METHOD {
      @Override
      public String asString() {
        return "method";
      }
    },

    /** The spec's path template, such as {@code /v1/api_key/{id}}. */
    URI {
      @Override
      public String asString() {
        return "uri";
      }
    },

    /** The last response's status code, or {@code NONE} when no response came. */
    STATUS {
      @Override
      public String asString() {
        return "status";
      }
    },

    /**
     * {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code REDIRECTION},
     * {@code INFORMATIONAL} or {@code UNKNOWN} (no response).
     */
    OUTCOME {
      @Override
      public String asString() {
        return "outcome";
      }
    },

    /** The simple name of the exception the call ended with, or {@code none}. */
    ERROR {
      @Override
      public String asString() {
        return "error";
      }
    }
  }

  /** Tags with many values: on the span only. */
  public enum HighCardinalityKeyNames implements KeyName {

    /** How many attempts the call made, retries included, from 0 (stopped before sending). */
    ATTEMPTS {
      @Override
      public String asString() {
        return "apikeys.attempts";
      }
    },

    /** The last response's {@code x-request-id}, when it had one. */
    REQUEST_ID {
      @Override
      public String asString() {
        return "apikeys.request_id";
      }
    }
  }
}
