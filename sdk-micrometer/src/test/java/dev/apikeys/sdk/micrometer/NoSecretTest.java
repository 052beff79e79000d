package dev.apikeys.sdk.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import dev.apikeys.testkit.MockApiKeysServer;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No name, tag or error an observation exposes holds the token or a created key's secret. */
class NoSecretTest {

  private static final String TOKEN = "sk-observed-admin-token-5b91e0";

  @Test
  void noValueAnObservationExposesHoldsATokenOrSecret() {
    List<String> values = new ArrayList<>();
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(new Collector(values));
    ApiKeyWithSecret created;
    try (MockApiKeysServer server = MockApiKeysServer.builder().adminToken(TOKEN).build()
        .start();
        ApiKeysClient client = server.clientBuilder().token(TOKEN)
            .addInterceptor(new ObservationInterceptor(registry)).build()) {
      created = client.apiKeys().create(CreateApiKeyParams.builder().name("ci").build());
      ApiKeysClient asKey = client.withOptions(builder -> builder.token(created.key()));
      asKey.apiKeys().update(created.id(),
          UpdateApiKeyParams.builder().description("rotated").build());
      asKey.apiKeys().retrieve(created.id());
      client.apiKeys().delete(created.id());
      assertThrows(ApiKeysException.class, () -> asKey.apiKeys().retrieve(created.id()));
      asKey.close();
    }

    assertEquals(5 * 6, values.stream().filter(v -> v.startsWith("low ")).count());
    for (String value : values) {
      assertFalse(value.contains(TOKEN), value);
      assertFalse(value.contains(created.key()), value);
      assertFalse(value.contains(created.key().substring(3)), value);
    }
  }

  /** Writes down every value an observation handler can read when the observation stops. */
  private record Collector(List<String> values)
      implements ObservationHandler<Observation.Context> {

    @Override
    public void onStop(Observation.Context context) {
      values.add("name " + context.getName());
      values.add("contextual name " + context.getContextualName());
      values.add("context " + context);
      for (KeyValue value : context.getLowCardinalityKeyValues()) {
        values.add("low " + value.getKey() + "=" + value.getValue());
      }
      for (KeyValue value : context.getHighCardinalityKeyValues()) {
        values.add("high " + value.getKey() + "=" + value.getValue());
      }
      if (context.getError() != null) {
        values.add("error " + context.getError());
      }
      if (context instanceof ApiKeysObservationContext apiKeys) {
        values.add("call " + apiKeys.call().path() + " " + apiKeys.call().attributes());
        values.add("outcome " + apiKeys.getResponse());
      }
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return true;
    }
  }
}
