package dev.apikeys.sdk;

/**
 * The asynchronous view of an {@link ApiKeysClient}: the same settings, connection pool and
 * semantics, with every call returning a {@link java.util.concurrent.CompletableFuture}.
 * Get it from {@link ApiKeysClient#async()}. Thread-safe.
 */
public final class ApiKeysAsyncClient {

  private final AsyncApiKeysService apiKeys;

  ApiKeysAsyncClient(ApiKeysOperations operations) {
    this.apiKeys = new AsyncApiKeysService(operations);
  }

  /**
   * Returns the API key operations.
   *
   * @return the API key operations
   */
  public AsyncApiKeysService apiKeys() {
    return apiKeys;
  }
}
