package dev.apikeys.sdk;

import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.UpdateApiKeyParams;

/**
 * The API key operations, blocking, answering with the HTTP details too: status, headers,
 * request id and the parsed body. Get it from {@link ApiKeysService#withRawResponse()}.
 * Thread-safe; the same checks, retries and exceptions as {@link ApiKeysService}.
 *
 * <pre>{@code
 * RawResponse<ApiKey> raw = client.apiKeys().withRawResponse().retrieve("key_1");
 * String requestId = raw.requestId().orElse("none");
 * }</pre>
 */
public final class RawApiKeysService {

  private final ApiKeysOperations operations;

  RawApiKeysService(ApiKeysOperations operations) {
    this.operations = operations;
  }

  /**
   * Lists API keys, one page; follow {@link ApiKeyPage#autoPager()} for the rest.
   *
   * @param params page size, order and cursor
   * @return the first page
   */
  public RawResponse<ApiKeyPage> list(ListApiKeysParams params) {
    return list(params, RequestOptions.none());
  }

  /**
   * Lists API keys with the server's default page size and order.
   *
   * @return the first page
   */
  public RawResponse<ApiKeyPage> list() {
    return list(ListApiKeysParams.none(), RequestOptions.none());
  }

  /**
   * Lists API keys, one page, with per-call options that every later page keeps.
   *
   * @param params page size, order and cursor
   * @param options per-call settings
   * @return the first page
   */
  public RawResponse<ApiKeyPage> list(ListApiKeysParams params, RequestOptions options) {
    return operations.list(params, options).await();
  }

  /**
   * Retrieves one API key.
   *
   * @param id the key's id, not blank
   * @return the key
   * @throws dev.apikeys.sdk.errors.NotFoundException if there is no such key
   */
  public RawResponse<ApiKey> retrieve(String id) {
    return retrieve(id, RequestOptions.none());
  }

  /**
   * Retrieves one API key, with per-call options.
   *
   * @param id the key's id, not blank
   * @param options per-call settings
   * @return the key
   */
  public RawResponse<ApiKey> retrieve(String id, RequestOptions options) {
    return operations.retrieve(id, options).await();
  }

  /**
   * Creates an API key. The result holds the full secret, shown only this once. An
   * {@code Idempotency-Key} is sent (a new UUID unless the options give one), the same on every
   * retry, so a retried create never makes two keys.
   *
   * @param params the new key's fields
   * @return the key with its secret
   */
  public RawResponse<ApiKeyWithSecret> create(CreateApiKeyParams params) {
    return create(params, RequestOptions.none());
  }

  /**
   * Creates an API key, with per-call options such as the idempotency key.
   *
   * @param params the new key's fields
   * @param options per-call settings
   * @return the key with its secret
   */
  public RawResponse<ApiKeyWithSecret> create(CreateApiKeyParams params, RequestOptions options) {
    return operations.create(params, options).await();
  }

  /**
   * Updates an API key: fields left out of the params stay as they are.
   *
   * @param id the key's id, not blank
   * @param params the changes
   * @return the key as updated
   */
  public RawResponse<ApiKey> update(String id, UpdateApiKeyParams params) {
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
  public RawResponse<ApiKey> update(String id, UpdateApiKeyParams params, RequestOptions options) {
    return operations.update(id, params, options).await();
  }

  /**
   * Deletes an API key; it stops working at once.
   *
   * @param id the key's id, not blank
   * @return the 204 response, its body null
   */
  public RawResponse<Void> delete(String id) {
    return delete(id, RequestOptions.none());
  }

  /**
   * Deletes an API key, with per-call options.
   *
   * @param id the key's id, not blank
   * @param options per-call settings
   * @return the 204 response, its body null
   */
  public RawResponse<Void> delete(String id, RequestOptions options) {
    return operations.delete(id, options).await();
  }
}
