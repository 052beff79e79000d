package dev.apikeys.examples;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.SortOrder;
import java.io.PrintStream;

/**
 * Rotates a key: creates a new one with the same name, description and permissions (unknown
 * permission values included), hands over its secret, then deletes the old one.
 */
public final class RotateKey {

  private RotateKey() {
  }

  /**
   * Runs the example on the newest key of the account.
   *
   * @param client the client
   * @param out where to print
   * @return the new key
   */
  public static ApiKeyWithSecret run(ApiKeysClient client, PrintStream out) {
    ApiKey old = client.apiKeys().list(ListApiKeysParams.builder().limit(1)
        .order(SortOrder.DESC).build()).data().get(0);
    CreateApiKeyParams.Builder replacement = CreateApiKeyParams.builder()
        .name(old.name())
        .restricted(old.restricted());
    old.description().ifPresent(replacement::description);
    if (old.restricted()) {
      replacement.permissionValues(old.permissionValues());
    }
    ApiKeyWithSecret fresh = client.apiKeys().create(replacement.build());
    out.printf("  created  %s to replace %s (%s)%n", fresh.id(), old.id(), old.name());
    // Hand fresh.key() to whoever used the old key before deleting it.
    client.apiKeys().delete(old.id());
    out.printf("  deleted  %s; %s now holds its name and permissions%n", old.id(), fresh.id());
    return fresh;
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
