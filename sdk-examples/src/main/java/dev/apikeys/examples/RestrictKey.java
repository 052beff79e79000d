package dev.apikeys.examples;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.Permission;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.io.PrintStream;

/** Creates a restricted key for a CI bot, then narrows its permissions to what it needs. */
public final class RestrictKey {

  private RestrictKey() {
  }

  /**
   * Runs the example.
   *
   * @param client the client
   * @param out where to print
   * @return the key as narrowed
   */
  public static ApiKey run(ApiKeysClient client, PrintStream out) {
    ApiKeyWithSecret created = client.apiKeys().create(CreateApiKeyParams.builder()
        .name("ci-bot")
        .description("Deploys from CI")
        .restricted(true)
        .permissions(Permission.ofResource("calls"))
        .build());
    out.printf("  created  %s %s with %s%n", created.id(), created.name(),
        created.permissionValues());
    out.printf("  secret   ...%s (the full secret is shown only once, in the create response)%n",
        created.lastFourDigits());

    ApiKey narrowed = client.apiKeys().update(created.id(), UpdateApiKeyParams.builder()
        .permissions(Permission.CALLS_VIEW)
        .build());
    out.printf("  narrowed %s to %s%n", narrowed.id(), narrowed.permissionValues());
    return narrowed;
  }

  /**
   * Runs the example on its own.
   *
   * @param args none
   */
  public static void main(String[] args) {
    try (ExampleEnvironment environment = ExampleEnvironment.open()) {
      run(environment.client(), System.out);
    }
  }
}
