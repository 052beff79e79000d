package dev.apikeys.sdk;

import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.util.concurrent.CompletableFuture;

/**
 * The API key operations without blocking: each returns a {@link CompletableFuture} at once.
 * Get it from {@code client.async().apiKeys()}. Thread-safe.
 *
 * <p>The same checks, retries and errors as {@link ApiKeysService}: bad arguments throw at the
 * call, before any request; a failed call completes the future exceptionally with a subclass of
 * {@link dev.apikeys.sdk.errors.ApiKeysException}. Waits between retries are scheduled, never
 * slept on a thread. Cancelling the future cancels the attempt under way and starts no other.
 *
 * <pre>{@code
 * client.async().apiKeys().retrieve("key_1")
 *     .thenAccept(key -> System.out.println(key.name()));
 * }</pre>
 */
public final class AsyncApiKeysService {

  private final ApiKeysOperations operations;

  AsyncApiKeysService(ApiKeysOperations operations) {
    this.operations = operations;
  }

  /**
   * Lists API keys, one page; follow {@link ApiKeyPage#autoPager()} for the rest.
   *
   * @param params page size, order and cursor
   * @return the first page
   */
  public CompletableFuture<ApiKeyPage> list(ListApiKeysParams params) {
    return list(params, RequestOptions.none());
  }

  /**
   * Lists API keys with the server's default page size and order.
   *
   * @return the first page
   */
  public CompletableFuture<ApiKeyPage> list() {
    return list(ListApiKeysParams.none(), RequestOptions.none());
  }

  /**
   * Lists API keys, one page, with per-call options that every later page keeps.
   *
   * @param params page size, order and cursor
   * @param options per-call settings
   * @return the first page
   */
  public CompletableFuture<ApiKeyPage> list(ListApiKeysParams params, RequestOptions options) {
    return LinkedFutures.map(operations.list(params, options).async(), RawResponse::body);
  }

  /**
   * Retrieves one API key.
   *
   * @param id the key's id, not blank
   * @return the key
   * @throws dev.apikeys.sdk.errors.NotFoundException if there is no such key
   */
  public CompletableFuture<ApiKey> retrieve(String id) {
    return retrieve(id, RequestOptions.none());
  }

  /**
   * Retrieves one API key, with per-call options.
   *
   * @param id the key's id, not blank
   * @param options per-call settings
   * @return the key
   */
  public CompletableFuture<ApiKey> retrieve(String id, RequestOptions options) {
    return LinkedFutures.map(operations.retrieve(id, options).async(), RawResponse::body);
  }

  /**
   * Creates an API key. The result holds the full secret, shown only this once. An
   * {@code Idempotency-Key} is sent (a new UUID unless the options give one), the same on every
   * retry, so a retried create never makes two keys.
   *
   * @param params the new key's fields
   * @return the key with its secret
   */
  public CompletableFuture<ApiKeyWithSecret> create(CreateApiKeyParams params) {
    return create(params, RequestOptions.none());
  }

  /**
   * Creates an API key, with per-call options such as the idempotency key.
   *
   * @param params the new key's fields
   * @param options per-call settings
   * @return the key with its secret
   */
  public CompletableFuture<ApiKeyWithSecret> create(CreateApiKeyParams params,
      RequestOptions options) {
    return LinkedFutures.map(operations.create(params, options).async(),
        RawResponse::body);
  }

  /**
   * Updates an API key: fields left out of the params stay as they are.
   *
   * @param id the key's id, not blank
   * @param params the changes
   * @return the key as updated
   */
  public CompletableFuture<ApiKey> update(String id, UpdateApiKeyParams params) {
    return update(id, params, RequestOptions.none());
  }

  /**
   * Updates an API key, with per-call options.
   *
   * @param id the key's id, not blank
   * @param params the changes
   * @param options per-call settings
   * @return the key as updated
   */
  public CompletableFuture<ApiKey> update(String id, UpdateApiKeyParams params,
      RequestOptions options) {
    return LinkedFutures.map(operations.update(id, params, options).async(),
        RawResponse::body);
  }

  /**
   * Deletes an API key; it stops working at once.
   *
   * @param id the key's id, not blank
   * @return completes when the key is deleted
   */
  public CompletableFuture<Void> delete(String id) {
    return delete(id, RequestOptions.none());
  }

  /**
   * Deletes an API key, with per-call options.
   *
   * @param id the key's id, not blank
   * @param options per-call settings
   * @return completes when the key is deleted
   */
  public CompletableFuture<Void> delete(String id, RequestOptions options) {
    return LinkedFutures.map(operations.delete(id, options).async(), raw -> null);
  }
}
