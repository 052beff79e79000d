package com.example.keys;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import org.springframework.stereotype.Service;

/** The README's service: sets a key's description and reads it back. */
@Service
public class KeyDescriptions {
  private final ApiKeysClient client;

  public KeyDescriptions(ApiKeysClient client) {
    this.client = client;
  }

  public String describe(String id, String description) {
    client.apiKeys().update(id, UpdateApiKeyParams.builder().description(description).build());
    return client.apiKeys().retrieve(id).description().orElseThrow();
  }
}
