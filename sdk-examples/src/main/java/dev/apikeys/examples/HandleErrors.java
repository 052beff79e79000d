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
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.Permission;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import dev.apikeys.testkit.MockApiKeysServer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Handles the errors a caller meets, against any server: a key that does not exist (404), an
 * unknown permission (400) on a key this example creates and deletes again, and a mistake the
 * SDK catches before any request. On the embedded server it also shows retries riding out a
 * flaky server, which it makes with a WireMock scenario.
 */
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
      client.apiKeys().retrieve("key_that_does_not_exist");
      out.println("  key_that_does_not_exist was found: this server answers no 404");
    } catch (NotFoundException e) {
      out.printf("  404 NotFoundException: %s (request id %s)%n", e.error(),
          e.requestId().orElse("-"));
    } catch (ApiKeysServiceException e) {
      printUnexpected(e, out);
    }

    ApiKeyWithSecret own = client.apiKeys().create(CreateApiKeyParams.builder()
        .name("errors-demo").restricted(true).permissions(Permission.CALLS_VIEW).build());
    out.printf("  created  %s to update with mistakes%n", own.id());
    try {
      showBadRequest(client, own.id(), out);
      showCheckBeforeRequest(client, own.id(), out);
      embedded.ifPresentOrElse(server -> showRetries(client, server, own.id(), out),
          () -> out.println("  retries: skipped; the flaky server is a WireMock scenario on the"
              + " embedded server, which runs only without APIKEYS_BASE_URL"));
    } finally {
      client.apiKeys().delete(own.id());
      out.printf("  deleted  %s%n", own.id());
    }
  }

  private static void showBadRequest(ApiKeysClient client, String id, PrintStream out) {
    try {
      client.apiKeys().update(id, UpdateApiKeyParams.builder()
          .restricted(true).permissionValues(List.of("calls.teleport")).build());
      out.println("  calls.teleport was accepted: this server checks no permissions");
    } catch (BadRequestException e) {
      out.printf("  400 BadRequestException: %s%n", e.error());
    } catch (ApiKeysServiceException e) {
      printUnexpected(e, out);
    }
  }

  private static void showCheckBeforeRequest(ApiKeysClient client, String id, PrintStream out) {
    try {
      client.apiKeys().update(id, UpdateApiKeyParams.builder()
          .restricted(false).permissionValues(List.of("calls.view")).build());
    } catch (IllegalArgumentException e) {
      out.printf("  caught before any request: %s%n", e.getMessage());
    }
  }

  private static void printUnexpected(ApiKeysServiceException e, PrintStream out) {
    out.printf("  %d %s: %s%n", e.statusCode(), e.getClass().getSimpleName(), e.error());
  }

  private static void showRetries(ApiKeysClient client, MockApiKeysServer server, String id,
      PrintStream out) {
    String path = "/v1/api_key/" + id;
    StubMapping first = server.wireMock().stubFor(get(urlPathEqualTo(path)).inScenario("flaky")
        .whenScenarioStateIs(STARTED).willSetStateTo("failed once")
        .willReturn(aResponse().withStatus(503).withBody("{\"error\": \"try again\"}")));
    StubMapping second = server.wireMock().stubFor(get(urlPathEqualTo(path)).inScenario("flaky")
        .whenScenarioStateIs("failed once").willSetStateTo("recovered")
        .willReturn(aResponse().withStatus(503).withBody("{\"error\": \"try again\"}")));
    try (ApiKeysClient patient = client.withOptions(b -> b.retryPolicy(RetryPolicy.builder()
        .maxRetries(2).initialBackoff(Duration.ofMillis(50)).build()))) {
      ApiKey key = patient.apiKeys().retrieve(id);
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
