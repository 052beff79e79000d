package dev.apikeys.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the {@code ApiKeysClient} bean connects, and with which token: from the
 * {@code apikeys.*} properties unless a bean of this type exists, such as the one
 * {@link dev.apikeys.spring.boot.test.AutoConfigureMockApiKeysServer} adds for a test server.
 */
public interface ApiKeysConnectionDetails extends ConnectionDetails {

  /**
   * Returns the base URL of the API.
   *
   * @return the base URL, or null for the SDK's default
   */
  @Nullable String getBaseUrl();

  /**
   * Returns the bearer token.
   *
   * @return the token; null or blank fails the client's creation
   */
  @Nullable String getToken();

  /**
   * Returns the account the calls act in.
   *
   * @return the account id, or null for the token's own account
   */
  default @Nullable String getAccountId() {
    return null;
  }
}
