package dev.apikeys.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.transport.Transport;
import dev.apikeys.testkit.FakeTransport;
import dev.apikeys.transport.apache5.ApacheTransport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;

/** Which transport the auto-configured client sends with, against a testkit server. */
class ApiKeysTransportAutoConfigurationTest extends TestkitContext {

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
  void aCustomizersTransportWithTheConnectTimeoutPropertyFailsNamingTheProperty() {
    runner.withPropertyValues("apikeys.transport=jdk", "apikeys.connect-timeout=3s")
        .withBean(ApiKeysClientBuilderCustomizer.class,
            () -> builder -> builder.transport(FakeTransport.create()))
        .run(context -> {
          Throwable root = context.getStartupFailure();
          while (root.getCause() != null && root.getCause().getCause() != null) {
            root = root.getCause();
          }
          assertThat(root).isInstanceOf(IllegalStateException.class)
              .hasMessage("apikeys.connect-timeout has no effect on the transport or HttpClient"
                  + " that an ApiKeysClientBuilderCustomizer gives the client; set the connect"
                  + " timeout on it instead and remove the property")
              .cause().hasMessageStartingWith("connectTimeout(...) was set, which has no effect"
                  + " on a Transport given to transport(...)");
        });
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
