package dev.apikeys.sample;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import org.springframework.stereotype.Service;

/** What the application does with the injected client: renames a key's description. */
@Service
public class KeyDescriptions {

  private final ApiKeysClient client;

  /**
   * Creates the service.
   *
   * @param client the auto-configured client
   */
  public KeyDescriptions(ApiKeysClient client) {
    this.client = client;
  }

  /**
   * Sets a key's description and returns it as the API now has it.
   *
   * @param id the key's id
   * @param description the new description
   * @return the description the API returns
   */
  public String describe(String id, String description) {
    client.apiKeys().update(id, UpdateApiKeyParams.builder().description(description).build());
    return client.apiKeys().retrieve(id).description().orElseThrow();
  }
}
