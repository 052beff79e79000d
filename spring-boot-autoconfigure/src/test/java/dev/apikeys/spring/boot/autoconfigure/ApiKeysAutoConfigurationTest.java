package dev.apikeys.spring.boot.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.LogLevel;
import dev.apikeys.sdk.TokenProvider;
import dev.apikeys.sdk.interceptors.CallContext;
import dev.apikeys.sdk.interceptors.Interceptor;
import dev.apikeys.sdk.micrometer.DefaultApiKeysObservationConvention;
import dev.apikeys.sdk.micrometer.ObservationInterceptor;
import dev.apikeys.spring.boot.test.MockApiKeysServerAutoConfiguration;
import dev.apikeys.testkit.MockApiKeysServer;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Every condition of the auto-configuration, against a testkit server. */
class ApiKeysAutoConfigurationTest extends TestkitContext {

  @Test
  void theClientComesFromThePropertiesAndIsClosedWithTheContext() {
    ApiKeysClient[] client = new ApiKeysClient[1];
    runner.withPropertyValues("apikeys.account-id=acct_default", "apikeys.timeout=7s",
        "apikeys.connect-timeout=3s", "apikeys.call-timeout=20s", "apikeys.max-retries=4",
        "apikeys.log-level=debug").run(context -> {
          client[0] = context.getBean(ApiKeysClient.class);
          assertThat(client[0].apiKeys().retrieve("key_0001").id()).isEqualTo("key_0001");
          assertThat(client[0].toString()).isEqualTo("ApiKeysClient{baseUrl="
              + server.baseUrl() + ", accountId=acct_default, closed=false}");
          assertThat(client[0].toBuilder().toString())
              .contains("maxRetries=4").contains("timeout=PT7S");
          assertThat(context.getBean(ApiKeysProperties.class).getLogLevel())
              .isEqualTo(LogLevel.DEBUG);
          assertThat(server.wireMock().findAll(anyRequestedFor(anyUrl())).get(0)
              .getHeader("x-account-id")).isEqualTo("acct_default");
        });
    assertThat(client[0].toString()).endsWith("closed=true}");
  }

  @Test
  void withoutATokenTheContextFailsAndSaysWhichPropertyToSet() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ApiKeysAutoConfiguration.class))
        .run(context -> assertThat(context).hasFailed().getFailure()
            .rootCause().isInstanceOf(IllegalStateException.class)
            .hasMessage("apikeys.token must be set (or the environment variable"
                + " APIKEYS_TOKEN), or a TokenProvider bean defined, to create the"
                + " ApiKeysClient bean"));
  }

  @Test
  void anApiKeysClientBeanOfYourOwnWins() {
    runner.withBean(ApiKeysClient.class, () -> ApiKeysClient.builder().token("sk-own").build())
        .run(context -> assertThat(context).hasSingleBean(ApiKeysClient.class)
            .getBean(ApiKeysClient.class).hasToString(
                "ApiKeysClient{baseUrl=http://localhost:3000, accountId=null, closed=false}"));
  }

  @Test
  void aTokenProviderBeanWinsOverTheTokenProperty() {
    runner.withPropertyValues("apikeys.token=" + MockApiKeysServer.UNKNOWN_TOKEN)
        .withBean(TokenProvider.class, () -> () -> MockApiKeysServer.ADMIN_TOKEN)
        .run(context -> {
          assertThat(context.getBean(ApiKeysClient.class).apiKeys().retrieve("key_0001").id())
              .isEqualTo("key_0001");
          assertThat(server.wireMock().findAll(anyRequestedFor(anyUrl())).get(0)
              .getHeader("Authorization")).isEqualTo("Bearer " + MockApiKeysServer.ADMIN_TOKEN);
        });
  }

  @Test
  void aTokenProviderBeanNeedsNoTokenProperty() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ApiKeysAutoConfiguration.class))
        .withPropertyValues("apikeys.base-url=" + server.baseUrl())
        .withBean(TokenProvider.class, () -> () -> MockApiKeysServer.ADMIN_TOKEN)
        .run(context -> assertThat(context.getBean(ApiKeysClient.class).apiKeys()
            .retrieve("key_0001").id()).isEqualTo("key_0001"));
  }

  @Test
  void connectionDetailsOfYourOwnWinOverTheProperties() {
    runner.withPropertyValues("apikeys.base-url=http://localhost:1", "apikeys.token=wrong")
        .withBean(ApiKeysConnectionDetails.class, () -> new ApiKeysConnectionDetails() {
          @Override
          public String getBaseUrl() {
            return server.baseUrl();
          }

          @Override
          public String getToken() {
            return MockApiKeysServer.ADMIN_TOKEN;
          }
        })
        .run(context -> assertThat(context.getBean(ApiKeysClient.class).apiKeys()
            .retrieve("key_0001").id()).isEqualTo("key_0001"));
  }

  @Test
  void interceptorBeansAndCustomizersApplyInOrder() {
    List<String> seen = new ArrayList<>();
    runner.withBean(Interceptor.class, () -> new Interceptor() {
      @Override
      public void beforeCall(CallContext call) {
        seen.add(call.operationId());
      }
    }).withBean(ApiKeysClientBuilderCustomizer.class,
        () -> builder -> builder.header("x-team", "payments"))
        .run(context -> {
          context.getBean(ApiKeysClient.class).apiKeys().retrieve("key_0001");
          assertThat(seen).containsExactly("retrieveApiKey");
          assertThat(server.wireMock().findAll(anyRequestedFor(anyUrl())).get(0)
              .getHeader("x-team")).isEqualTo("payments");
        });
  }

  @Test
  void anObservationRegistryBeanGetsEveryCallObserved() {
    TestObservationRegistry registry = TestObservationRegistry.create();
    runner.withBean(ObservationRegistry.class, () -> registry).run(context -> {
      assertThat(context).hasSingleBean(ObservationInterceptor.class);
      context.getBean(ApiKeysClient.class).apiKeys().retrieve("key_0001");
      TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
          .hasNameEqualTo("apikeys.client.requests")
          .hasLowCardinalityKeyValue("operation", "retrieveApiKey");
    });
  }

  @Test
  void anObservationConventionBeanNamesTheObservations() {
    TestObservationRegistry registry = TestObservationRegistry.create();
    runner.withBean(ObservationRegistry.class, () -> registry)
        .withBean(DefaultApiKeysObservationConvention.class,
            () -> new DefaultApiKeysObservationConvention() {
              @Override
              public String getName() {
                return "custom.requests";
              }
            })
        .run(context -> {
          context.getBean(ApiKeysClient.class).apiKeys().retrieve("key_0001");
          TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
              .hasNameEqualTo("custom.requests");
        });
  }

  @Test
  void withoutAnObservationRegistryNothingIsObserved() {
    runner.run(context -> assertThat(context).doesNotHaveBean(ObservationInterceptor.class));
  }

  @Test
  void withoutSdkMicrometerOnTheClassPathNothingIsObserved() {
    runner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
        .withClassLoader(new FilteredClassLoader(ObservationInterceptor.class))
        .run(context -> assertThat(context).hasSingleBean(ApiKeysClient.class)
            .doesNotHaveBean(ObservationInterceptor.class));
  }

  @Test
  void withoutTheSdkOnTheClassPathNothingIsConfigured() {
    runner.withClassLoader(new FilteredClassLoader(ApiKeysClient.class))
        .run(context -> assertThat(context).doesNotHaveBean(ApiKeysClient.class)
            .doesNotHaveBean(ApiKeysProperties.class));
  }

  @Test
  void theHealthIndicatorIsOffByDefault() {
    runner.run(context -> assertThat(context).doesNotHaveBean(ApiKeysHealthIndicator.class));
  }

  @Test
  void theHealthIndicatorIsUpWhenTheApiAnswers() {
    runner.withPropertyValues("apikeys.health.enabled=true").run(context -> {
      Health health = context.getBean("apiKeysHealthIndicator", HealthIndicator.class)
          .health(true);
      assertThat(health.getStatus()).isEqualTo(Status.UP);
    });
  }

  @Test
  void theHealthIndicatorIsDownWithTheErrorTypeOnly() {
    runner.withPropertyValues("apikeys.health.enabled=true",
        "apikeys.token=" + MockApiKeysServer.UNKNOWN_TOKEN).run(context -> {
          Health health = context.getBean(ApiKeysHealthIndicator.class).health(true);
          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat(health.getDetails()).containsOnlyKeys("error");
          assertThat(health.getDetails().get("error")).isEqualTo("AuthenticationException");
        });
  }

  @Test
  void withoutSpringBootHealthThereIsNoHealthIndicator() {
    runner.withPropertyValues("apikeys.health.enabled=true")
        .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(context -> assertThat(context).hasSingleBean(ApiKeysClient.class)
            .doesNotHaveBean(ApiKeysHealthIndicator.class));
  }

  @Test
  void aHealthIndicatorOfYourOwnWins() {
    runner.withPropertyValues("apikeys.health.enabled=true")
        .withBean("apiKeysHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
        .run(context -> assertThat(context).doesNotHaveBean(ApiKeysHealthIndicator.class));
  }

  @Test
  void theTestServerAnnotationPointsTheClientAtATestkitServer() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MockApiKeysServerAutoConfiguration.class,
            ApiKeysAutoConfiguration.class))
        .run(context -> {
          MockApiKeysServer testServer = context.getBean(MockApiKeysServer.class);
          String id = testServer.seed(1).get(0);
          assertThat(context.getBean(ApiKeysClient.class).apiKeys().retrieve(id).id())
              .isEqualTo(id);
          assertThat(context.getBean(ApiKeysConnectionDetails.class).getBaseUrl())
              .isEqualTo(testServer.baseUrl());
        });
  }
}
