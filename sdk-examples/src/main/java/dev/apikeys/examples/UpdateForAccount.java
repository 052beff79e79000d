package dev.apikeys.examples;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyInput;
import dev.apikeys.sdk.models.SuccessResponse;
import java.io.PrintStream;
import java.util.List;

/**
 * Updates a key through the account API, {@code PATCH /apikeys/{id}}: a new
 * description and the complete list of permission ids. That endpoint answers only
 * {@code {"success": true}}, so the key is read back through {@code GET /v1/api_key/{id}}.
 */
public final class UpdateForAccount {

  private UpdateForAccount() {
  }

  /**
   * Runs the example.
   *
   * @param client the client
   * @param id the key to update
   * @param out where to print
   * @return the key as read back
   */
  public static ApiKey run(ApiKeysClient client, String id, PrintStream out) {
    SuccessResponse done = client.accountApiKeys().update(id, ApiKeyInput.builder()
        .description("Deploys from CI, reads agents")
        .flatPermissionsList(List.of("calls.view", "agents.view"))
        .expiresAt(null)   // never expires; leave expiresAt out to keep the expiry as it is
        .build());
    out.printf("  PATCH /apikeys/%s answered success: %s%n", id, done.success());

    ApiKey key = client.apiKeys().retrieve(id);
    out.printf("  read back %s: \"%s\", %s, %s%n", key.id(), key.description().orElse(""),
        key.permissionValues(), key.expiresAt().map(at -> "expires " + at)
            .orElse("never expires"));
    return key;
  }

  /**
   * Runs the example on its own, on a key that {@link RestrictKey} creates.
   *
   * @param args none
   */
  public static void main(String[] args) {
    try (ExampleEnvironment environment = ExampleEnvironment.open()) {
      ApiKey key = RestrictKey.run(environment.client(), System.out);
      run(environment.client(), key.id(), System.out);
    }
  }
}
