package dev.apikeys.sdk.internal.call;

/**
 * One operation of the spec, as the generated services declare it.
 *
 * @param operationId the spec's operation id, such as {@code updateApiKey}
 * @param method the HTTP method
 * @param pathTemplate the spec's path, such as {@code /v1/api_key/{id}}
 * @param idempotencyKey whether every call sends an {@code Idempotency-Key} (the caller's, or a
 *     new UUID), the same on each retry ({@code x-sdk-idempotent} in the spec)
 */
public record Operation(String operationId, String method, String pathTemplate,
    boolean idempotencyKey) {
}
