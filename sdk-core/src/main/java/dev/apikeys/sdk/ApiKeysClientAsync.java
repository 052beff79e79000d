package dev.apikeys.sdk;

import dev.apikeys.sdk.internal.call.CallEngine;

/**
 * The asynchronous view of an {@link ApiKeysClient}: the same settings, connection pool and
 * semantics, with every call returning a {@link java.util.concurrent.CompletableFuture}.
 * Get it from {@link ApiKeysClient#async()}. Thread-safe.
 */
public final class ApiKeysClientAsync {

  private final ApiKeysServiceAsync apiKeys;
  private final AccountApiKeysServiceAsync accountApiKeys;

  ApiKeysClientAsync(CallEngine engine) {
    this.apiKeys = ApiKeysServiceImpl.async(engine);
    this.accountApiKeys = AccountApiKeysServiceImpl.async(engine);
  }

  /**
   * Returns the API key operations of {@code /v1/api_key/}.
   *
   * @return the API key operations
   */
  public ApiKeysServiceAsync apiKeys() {
    return apiKeys;
  }

  /**
   * Returns the account API's operations on API keys ({@code PATCH /apikeys/{id}}).
   *
   * @return the account API key operations
   */
  public AccountApiKeysServiceAsync accountApiKeys() {
    return accountApiKeys;
  }
}
