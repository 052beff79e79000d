package dev.apikeys.spring.boot.test;

import dev.apikeys.spring.boot.autoconfigure.ApiKeysAutoConfiguration;
import dev.apikeys.spring.boot.autoconfigure.ApiKeysConnectionDetails;
import dev.apikeys.testkit.MockApiKeysServer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Imported by {@link AutoConfigureMockApiKeysServer}: a started {@link MockApiKeysServer} bean
 * (stopped with the context) unless one exists, and {@link ApiKeysConnectionDetails} for it.
 */
@AutoConfiguration(before = ApiKeysAutoConfiguration.class)
@ConditionalOnClass(MockApiKeysServer.class)
public class MockApiKeysServerAutoConfiguration {

  /** Creates the auto-configuration. */
  public MockApiKeysServerAutoConfiguration() {
  }

  /**
   * Returns a started server with no keys.
   *
   * @return the server
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public MockApiKeysServer mockApiKeysServer() {
    return MockApiKeysServer.builder().build().start();
  }

  /**
   * Returns the server's base URL and administrator token as connection details.
   *
   * @param server the server
   * @return the connection details
   */
  @Bean
  @ConditionalOnMissingBean
  public ApiKeysConnectionDetails mockApiKeysServerConnectionDetails(MockApiKeysServer server) {
    return new ApiKeysConnectionDetails() {
      @Override
      public String getBaseUrl() {
        return server.baseUrl();
      }

      @Override
      public String getToken() {
        return MockApiKeysServer.ADMIN_TOKEN;
      }
    };
  }
}
