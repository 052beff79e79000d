package dev.apikeys.spring.boot.autoconfigure;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.models.ListApiKeysParams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Up when the API answers a list of one key, down with the exception's type otherwise. It
 * calls the API on every health check: enable it with {@code apikeys.health.enabled=true}.
 */
public class ApiKeysHealthIndicator extends AbstractHealthIndicator {

  private final ApiKeysClient client;

  /**
   * Creates the indicator.
   *
   * @param client the client whose API it checks
   */
  public ApiKeysHealthIndicator(ApiKeysClient client) {
    super("API Keys health check failed");
    this.client = client;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    try {
      client.apiKeys().list(ListApiKeysParams.builder().limit(1).build());
      builder.up();
    } catch (ApiKeysException e) {
      builder.down().withDetail("error", e.getClass().getSimpleName());
    }
  }
}
