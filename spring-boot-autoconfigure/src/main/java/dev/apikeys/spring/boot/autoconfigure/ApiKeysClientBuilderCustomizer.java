package dev.apikeys.spring.boot.autoconfigure;

import dev.apikeys.sdk.ApiKeysClient;

/**
 * Changes the builder of the auto-configured {@code ApiKeysClient} after the properties were
 * applied: declare beans of this type, ordered with {@code @Order} if several.
 */
@FunctionalInterface
public interface ApiKeysClientBuilderCustomizer {

  /**
   * Changes the builder.
   *
   * @param builder the builder, with the properties and interceptor beans applied
   */
  void customize(ApiKeysClient.Builder builder);
}
