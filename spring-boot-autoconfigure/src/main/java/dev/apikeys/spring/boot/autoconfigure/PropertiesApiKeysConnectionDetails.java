package dev.apikeys.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/** The connection details written in the {@code apikeys.*} properties. */
final class PropertiesApiKeysConnectionDetails implements ApiKeysConnectionDetails {

  private final ApiKeysProperties properties;

  PropertiesApiKeysConnectionDetails(ApiKeysProperties properties) {
    this.properties = properties;
  }

  @Override
  public @Nullable String getBaseUrl() {
    return properties.getBaseUrl();
  }

  @Override
  public @Nullable String getToken() {
    return properties.getToken();
  }

  @Override
  public @Nullable String getAccountId() {
    return properties.getAccountId();
  }
}
