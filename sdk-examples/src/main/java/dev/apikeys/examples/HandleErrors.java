package dev.apikeys.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.RetryPolicy;
import dev.apikeys.sdk.errors.ApiKeysServiceException;
import dev.apikeys.sdk.errors.BadRequestException;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import dev.apikeys.testkit.MockApiKeysServer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Handles the errors a caller meets, and shows retries riding out a flaky server. */
public final class HandleErrors {

  private HandleErrors() {
  }

  /**
   * Runs the example.
   *
   * @param client the client
   * @param embedded the embedded server, to make it flaky for a moment; empty against a real one
   * @param out where to print
   */
  public static void run(ApiKeysClient client, Optional<MockApiKeysServer> embedded,
      PrintStream out) {
    try {
      client.apiKeys().retrieve("key_does_not_exist");
    } catch (NotFoundException e) {
      out.printf("  404 NotFoundException: %s (request id %s)%n", e.error(),
          e.requestId().orElse("-"));
    }

    try {
      client.apiKeys().update("key_0001", UpdateApiKeyParams.builder()
          .restricted(true).permissionValues(List.of("calls.teleport")).build());
    } catch (BadRequestException e) {
      out.printf("  400 BadRequestException: %s%n", e.error());
    } catch (ApiKeysServiceException e) {
      out.printf("  %d %s: %s%n", e.statusCode(), e.getClass().getSimpleName(), e.error());
    }

    try {
      client.apiKeys().update("key_0001", UpdateApiKeyParams.builder()
          .restricted(false).permissionValues(List.of("calls.view")).build());
    } catch (IllegalArgumentException e) {
      out.printf("  caught before any request: %s%n", e.getMessage());
    }

    embedded.ifPresent(server -> showRetries(client, server, out));
  }

  private static void showRetries(ApiKeysClient client, MockApiKeysServer server,
      PrintStream out) {
    String path = "/v1/api_key/key_0001";
    StubMapping first = server.wireMock().stubFor(get(urlPathEqualTo(path)).inScenario("flaky")
        .whenScenarioStateIs(STARTED).willSetStateTo("failed once")
        .willReturn(aResponse().withStatus(503).withBody("{\"error\": \"try again\"}")));
    StubMapping second = server.wireMock().stubFor(get(urlPathEqualTo(path)).inScenario("flaky")
        .whenScenarioStateIs("failed once").willSetStateTo("recovered")
        .willReturn(aResponse().withStatus(503).withBody("{\"error\": \"try again\"}")));
    ApiKeysClient patient = client.withOptions(b -> b.retryPolicy(RetryPolicy.builder()
        .maxRetries(2).initialBackoff(Duration.ofMillis(50)).build()));
    try {
      ApiKey key = patient.apiKeys().retrieve("key_0001");
      out.printf("  503, 503, then 200: retried twice, got %s (%s)%n", key.id(), key.name());
    } finally {
      server.wireMock().removeStub(first);
      server.wireMock().removeStub(second);
    }
  }

  /**
   * Runs the example on its own.
   *
   * @param args none
   */
  public static void main(String[] args) {
    try (ExampleEnvironment environment = ExampleEnvironment.open()) {
      run(environment.client(), environment.embedded(), System.out);
    }
  }
}
