package dev.apikeys.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.transport.Transport;
import dev.apikeys.testkit.FakeTransport;
import dev.apikeys.testkit.MockApiKeysServer;
import dev.apikeys.transport.apache5.ApacheTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which transport the auto-configured client sends with, against a testkit server. */
class ApiKeysTransportAutoConfigurationTest {

  private final MockApiKeysServer server = MockApiKeysServer.builder().seed(1).build().start();

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ApiKeysAutoConfiguration.class))
      .withPropertyValues("apikeys.base-url=" + server.baseUrl(),
          "apikeys.token=" + MockApiKeysServer.ADMIN_TOKEN);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void withTheApacheModuleOnTheClassPathTheClientSendsWithIt() {
    runner.withPropertyValues("apikeys.connect-timeout=3s").run(context -> {
      ApiKeysClient client = context.getBean(ApiKeysClient.class);
      assertThat(client.apiKeys().retrieve("key_0001").id()).isEqualTo("key_0001");
      assertThat(client.async().apiKeys().retrieve("key_0001").join().id())
          .isEqualTo("key_0001");
      assertThat(client.toBuilder().toString()).contains("transport=ApacheTransport");
      assertThat(context.getBean(ApacheTransport.class).toString())
          .contains("connectTimeout=PT3S");
    });
  }

  @Test
  void apikeysTransportJdkKeepsTheJdksClient() {
    runner.withPropertyValues("apikeys.transport=jdk").run(context -> {
      assertThat(context).doesNotHaveBean(Transport.class);
      ApiKeysClient client = context.getBean(ApiKeysClient.class);
      assertThat(client.apiKeys().retrieve("key_0001").id()).isEqualTo("key_0001");
      assertThat(client.toBuilder().toString()).contains("transport=JDK");
    });
  }

  @Test
  void withoutTheApacheModuleTheClientSendsWithTheJdk() {
    runner.withClassLoader(new FilteredClassLoader(ApacheTransport.class)).run(context -> {
      assertThat(context).doesNotHaveBean(Transport.class);
      assertThat(context.getBean(ApiKeysClient.class).toBuilder().toString())
          .contains("transport=JDK");
    });
  }

  @Test
  void apikeysTransportApacheWithoutTheModuleFailsNamingIt() {
    runner.withClassLoader(new FilteredClassLoader(ApacheTransport.class))
        .withPropertyValues("apikeys.transport=apache")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("apikeys.transport=apache needs dev.apikeys:apikeys-transport-apache5"
                + " on the class path"));
  }

  @Test
  void aTransportBeanOfYourOwnWins() {
    FakeTransport fake = FakeTransport.create().enqueueJson(200, "{\"id\": \"key_7\","
        + " \"name\": \"n\", \"created_date\": \"2024-03-01T10:15:30Z\","
        + " \"last_four_digits\": \"9f3c\", \"creator_id\": \"u\", \"restricted\": false,"
        + " \"permissions\": []}");
    runner.withBean(Transport.class, () -> fake).run(context -> {
      assertThat(context).doesNotHaveBean(ApacheTransport.class);
      ApiKeysClient client = context.getBean(ApiKeysClient.class);
      assertThat(client.apiKeys().retrieve("key_7").id()).isEqualTo("key_7");
    });
    assertThat(fake.requests()).hasSize(1);
    assertThat(fake.requests().get(0).uri().toString())
        .isEqualTo(server.baseUrl() + "/v1/api_key/key_7");
  }
}
