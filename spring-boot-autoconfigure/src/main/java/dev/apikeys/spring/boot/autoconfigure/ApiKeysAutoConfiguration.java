package dev.apikeys.spring.boot.autoconfigure;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.TokenProvider;
import dev.apikeys.sdk.interceptors.Interceptor;
import dev.apikeys.sdk.micrometer.ApiKeysObservationConvention;
import dev.apikeys.sdk.micrometer.ObservationInterceptor;
import dev.apikeys.sdk.transport.Transport;
import dev.apikeys.spring.boot.autoconfigure.ApiKeysProperties.TransportKind;
import dev.apikeys.transport.apache5.ApacheTransport;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures an {@link ApiKeysClient} bean, closed with the context, unless one exists:
 * from {@link ApiKeysConnectionDetails} (by default the {@code apikeys.*} properties; a
 * {@link TokenProvider} bean, when there is one, wins over their token), with every
 * {@link Interceptor} bean and then every {@link ApiKeysClientBuilderCustomizer} applied
 * in order. It sends with a {@link Transport} bean when there is one; otherwise, with
 * apikeys-transport-apache5 on the class path (and {@code apikeys.transport} not {@code jdk}),
 * with an {@link ApacheTransport} made from the properties; else with the JDK's client. With an
 * {@code ObservationRegistry} bean and apikeys-sdk-micrometer on the class
 * path it adds an {@link ObservationInterceptor}; with {@code apikeys.health.enabled=true} and
 * spring-boot-health on the class path, an {@link ApiKeysHealthIndicator}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.observation.autoconfigure"
    + ".ObservationAutoConfiguration")
@ConditionalOnClass(ApiKeysClient.class)
@EnableConfigurationProperties(ApiKeysProperties.class)
public class ApiKeysAutoConfiguration {

  /** Creates the auto-configuration. */
  public ApiKeysAutoConfiguration() {
  }

  /**
   * Returns the connection details of the {@code apikeys.*} properties.
   *
   * @param properties the properties
   * @return the connection details
   */
  @Bean
  @ConditionalOnMissingBean(ApiKeysConnectionDetails.class)
  ApiKeysConnectionDetails apiKeysConnectionDetails(ApiKeysProperties properties) {
    return new PropertiesApiKeysConnectionDetails(properties);
  }

  /**
   * Returns the client.
   *
   * @param properties the properties
   * @param connection where to connect, and the token
   * @param tokenProvider the {@link TokenProvider} bean, which wins over the connection's token
   * @param transport the {@link Transport} bean, the client's transport when there is one
   * @param interceptors the interceptor beans, added in order
   * @param customizers the builder customizers, applied in order
   * @return the client
   * @throws IllegalStateException if neither a token nor a {@link TokenProvider} bean is set,
   *     or {@code apikeys.transport=apache} without apikeys-transport-apache5
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public ApiKeysClient apiKeysClient(ApiKeysProperties properties,
      ApiKeysConnectionDetails connection, ObjectProvider<TokenProvider> tokenProvider,
      ObjectProvider<Transport> transport, ObjectProvider<Interceptor> interceptors,
      ObjectProvider<ApiKeysClientBuilderCustomizer> customizers) {
    ApiKeysClient.Builder builder = credentials(connection, tokenProvider.getIfUnique());
    if (connection.getBaseUrl() != null) {
      builder.baseUrl(connection.getBaseUrl());
    }
    if (connection.getAccountId() != null) {
      builder.accountId(connection.getAccountId());
    }
    Transport chosen = transport.getIfUnique();
    if (chosen == null && properties.getTransport() == TransportKind.APACHE) {
      throw new IllegalStateException("apikeys.transport=apache needs"
          + " dev.apikeys:apikeys-transport-apache5 on the class path");
    }
    applyTuning(properties, builder, chosen == null);
    if (chosen != null) {
      builder.transport(chosen);
    }
    interceptors.orderedStream().forEach(builder::addInterceptor);
    boolean connectTimeoutApplied = properties.getConnectTimeout() != null && chosen == null;
    customizers.orderedStream().forEach(customizer -> customize(customizer, builder,
        connectTimeoutApplied));
    return builder.build();
  }

  /**
   * Runs a customizer; one that gives the JDK client's builder a transport or an HttpClient of
   * its own while {@code apikeys.connect-timeout} is set is refused, the property named.
   */
  private static void customize(ApiKeysClientBuilderCustomizer customizer,
      ApiKeysClient.Builder builder, boolean connectTimeoutApplied) {
    try {
      customizer.customize(builder);
    } catch (IllegalStateException e) {
      String message = e.getMessage();
      if (connectTimeoutApplied && message != null
          && message.startsWith("connectTimeout(...) was set")) {
        throw new IllegalStateException("apikeys.connect-timeout has no effect on the transport"
            + " or HttpClient that an ApiKeysClientBuilderCustomizer gives the client; set the"
            + " connect timeout on it instead and remove the property", e);
      }
      throw e;
    }
  }

  private static ApiKeysClient.Builder credentials(ApiKeysConnectionDetails connection,
      @Nullable TokenProvider tokenProvider) {
    if (tokenProvider != null) {
      return ApiKeysClient.builder().tokenProvider(tokenProvider);
    }
    String token = connection.getToken();
    if (token == null || token.isBlank()) {
      throw new IllegalStateException("apikeys.token must be set (or the environment variable"
          + " APIKEYS_TOKEN), or a TokenProvider bean defined, to create the ApiKeysClient"
          + " bean");
    }
    return ApiKeysClient.builder().token(token);
  }

  private static void applyTuning(ApiKeysProperties properties, ApiKeysClient.Builder builder,
      boolean jdkTransport) {
    if (properties.getTimeout() != null) {
      builder.timeout(properties.getTimeout());
    }
    if (properties.getConnectTimeout() != null && jdkTransport) {
      builder.connectTimeout(properties.getConnectTimeout());
    }
    if (properties.getCallTimeout() != null) {
      builder.callTimeout(properties.getCallTimeout());
    }
    if (properties.getMaxRetries() != null) {
      builder.maxRetries(properties.getMaxRetries());
    }
    if (properties.getLogLevel() != null) {
      builder.logLevel(properties.getLogLevel());
    }
  }

  /** The Apache transport, when its module is on the class path and no transport is given. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "dev.apikeys.transport.apache5.ApacheTransport")
  @ConditionalOnProperty(prefix = "apikeys", name = "transport", havingValue = "apache",
      matchIfMissing = true)
  static class ApacheTransportConfiguration {

    /**
     * The transport, with {@code apikeys.connect-timeout}; closed with the client that owns it
     * (and again, harmlessly, with the context).
     */
    @Bean
    @ConditionalOnMissingBean(Transport.class)
    ApacheTransport apiKeysApacheTransport(ApiKeysProperties properties) {
      ApacheTransport.Builder builder = ApacheTransport.builder();
      if (properties.getConnectTimeout() != null) {
        builder.connectTimeout(properties.getConnectTimeout());
      }
      return builder.build();
    }
  }

  /** Observations of every call, when Micrometer's registry is there. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "dev.apikeys.sdk.micrometer.ObservationInterceptor")
  @ConditionalOnBean(ObservationRegistry.class)
  static class ObservationConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ObservationInterceptor apiKeysObservationInterceptor(ObservationRegistry registry,
        ObjectProvider<ApiKeysObservationConvention> convention) {
      return new ObservationInterceptor(registry, convention.getIfUnique());
    }
  }

  /** The opt-in health indicator. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  @ConditionalOnProperty(prefix = "apikeys.health", name = "enabled", havingValue = "true")
  static class HealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "apiKeysHealthIndicator")
    ApiKeysHealthIndicator apiKeysHealthIndicator(ApiKeysClient client) {
      return new ApiKeysHealthIndicator(client);
    }
  }
}
