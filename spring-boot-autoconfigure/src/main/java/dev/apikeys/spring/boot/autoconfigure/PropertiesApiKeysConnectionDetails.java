package dev.apikeys.spring.boot.autoconfigure;

/** The connection details written in the {@code apikeys.*} properties. */
final class PropertiesApiKeysConnectionDetails implements ApiKeysConnectionDetails {

  private final ApiKeysProperties properties;

  PropertiesApiKeysConnectionDetails(ApiKeysProperties properties) {
    this.properties = properties;
  }

  @Override
  public String getBaseUrl() {
    return properties.getBaseUrl();
  }

  @Override
  public String getToken() {
    return properties.getToken();
  }

  @Override
  public String getAccountId() {
    return properties.getAccountId();
  }
}
