package dev.apikeys.sdk.micrometer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.RequestOptions;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.testkit.MockApiKeysServer;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One observation per call, with the documented name and tags, against the testkit. */
class ObservationInterceptorTest {

  private final MockApiKeysServer server = MockApiKeysServer.builder().seed(2).build().start();
  private final TestObservationRegistry registry = TestObservationRegistry.create();

  @AfterEach
  void stop() {
    server.close();
  }

  private ApiKeysClient client(ObservationInterceptor interceptor) {
    return server.clientBuilder().maxRetries(2).addInterceptor(interceptor).build();
  }

  @Test
  void aSuccessfulCallIsOneObservationWithItsTags() {
    try (ApiKeysClient client = client(new ObservationInterceptor(registry))) {
      client.apiKeys().retrieve("key_0001");
    }

    assertThat(registry).hasNumberOfObservationsEqualTo(1)
        .hasSingleObservationThat()
        .hasNameEqualTo("apikeys.client.requests")
        .hasContextualNameEqualTo("retrieveApiKey")
        .hasBeenStarted().hasBeenStopped().doesNotHaveError()
        .hasLowCardinalityKeyValue("operation", "retrieveApiKey")
        .hasLowCardinalityKeyValue("method", "GET")
        .hasLowCardinalityKeyValue("uri", "/v1/api_key/{id}")
        .hasLowCardinalityKeyValue("status", "200")
        .hasLowCardinalityKeyValue("outcome", "SUCCESS")
        .hasLowCardinalityKeyValue("error", "none")
        .hasHighCardinalityKeyValue("apikeys.attempts", "1");
  }

  @Test
  void aFailedCallCarriesItsStatusAndException() {
    try (ApiKeysClient client = client(new ObservationInterceptor(registry))) {
      assertThrows(NotFoundException.class, () -> client.apiKeys().delete("key_9999"));
    }

    assertThat(registry).hasSingleObservationThat()
        .hasContextualNameEqualTo("deleteApiKey")
        .hasLowCardinalityKeyValue("method", "DELETE")
        .hasLowCardinalityKeyValue("status", "404")
        .hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
        .hasLowCardinalityKeyValue("error", "NotFoundException")
        .hasHighCardinalityKeyValue("apikeys.attempts", "1")
        .assertThatError().isInstanceOf(NotFoundException.class);
  }

  @Test
  void retriesAreOneObservationThatCountsTheAttempts() {
    server.wireMock().stubFor(get(urlEqualTo("/v1/api_key/key_0001"))
        .willReturn(aResponse().withStatus(503)));
    try (ApiKeysClient client = client(new ObservationInterceptor(registry))) {
      assertThrows(RuntimeException.class, () -> client.apiKeys().retrieve("key_0001"));
    }

    assertThat(registry).hasNumberOfObservationsEqualTo(1).hasSingleObservationThat()
        .hasLowCardinalityKeyValue("status", "503")
        .hasLowCardinalityKeyValue("outcome", "SERVER_ERROR")
        .hasHighCardinalityKeyValue("apikeys.attempts", "3");
  }

  @Test
  void aCallWithoutResponseHasNoStatus() {
    server.wireMock().stubFor(get(urlEqualTo("/v1/api_key/key_0001"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try (ApiKeysClient client = server.clientBuilder().maxRetries(0)
        .addInterceptor(new ObservationInterceptor(registry)).build()) {
      assertThrows(ApiKeysIoException.class, () -> client.apiKeys().retrieve("key_0001"));
    }

    assertThat(registry).hasSingleObservationThat()
        .hasLowCardinalityKeyValue("status", "NONE")
        .hasLowCardinalityKeyValue("outcome", "UNKNOWN")
        .hasLowCardinalityKeyValue("error", "ApiKeysIoException")
        .hasHighCardinalityKeyValue("apikeys.attempts", "1");
  }

  @Test
  void aPerRequestInterceptorObservesThatCallOnly() {
    try (ApiKeysClient client = server.clientBuilder().build()) {
      client.apiKeys().retrieve("key_0002");
      client.apiKeys().list(ListApiKeysParams.none(),
          RequestOptions.builder().addInterceptor(new ObservationInterceptor(registry)).build());
    }

    assertThat(registry).hasNumberOfObservationsEqualTo(1).hasSingleObservationThat()
        .hasContextualNameEqualTo("listApiKeys")
        .hasLowCardinalityKeyValue("uri", "/v1/api_key/");
  }

  @Test
  void anAsyncCallIsObservedWhenItCompletes() {
    try (ApiKeysClient client = client(new ObservationInterceptor(registry))) {
      client.async().apiKeys().retrieve("key_0002").join();
    }

    assertThat(registry).hasSingleObservationThat().hasBeenStopped()
        .hasLowCardinalityKeyValue("operation", "retrieveApiKey")
        .hasLowCardinalityKeyValue("status", "200");
  }

  @Test
  void aConventionOfYourOwnNamesTheObservationAndItsTags() {
    ApiKeysObservationConvention convention = new DefaultApiKeysObservationConvention() {
      @Override
      public String getName() {
        return "payments.apikeys";
      }

      @Override
      public KeyValues getLowCardinalityKeyValues(ApiKeysObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and("team", "payments");
      }
    };
    try (ApiKeysClient client = client(new ObservationInterceptor(registry, convention))) {
      client.apiKeys().retrieve("key_0001");
    }

    assertThat(registry).hasSingleObservationThat()
        .hasNameEqualTo("payments.apikeys")
        .hasLowCardinalityKeyValue("team", "payments")
        .hasLowCardinalityKeyValue("status", "200");
  }

  @Test
  void theDocumentationListsEveryTagTheDefaultConventionSets() {
    List<String> low = List.of(ApiKeysObservationDocumentation.CLIENT_REQUEST
            .getLowCardinalityKeyNames()).stream().map(name -> name.asString()).toList();
    assertEquals(List.of("operation", "method", "uri", "status", "outcome", "error"), low);
    assertEquals(DefaultApiKeysObservationConvention.class,
        ApiKeysObservationDocumentation.CLIENT_REQUEST.getDefaultConvention());
  }
}
