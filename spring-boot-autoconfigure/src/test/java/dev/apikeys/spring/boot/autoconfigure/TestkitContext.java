package dev.apikeys.spring.boot.autoconfigure;

import dev.apikeys.testkit.MockApiKeysServer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * What the auto-configuration tests share: a testkit server with one seeded key, stopped after
 * each test, and a context runner whose properties point the client at it.
 */
abstract class TestkitContext {

  final MockApiKeysServer server = MockApiKeysServer.builder().seed(1).build().start();

  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ApiKeysAutoConfiguration.class))
      .withPropertyValues("apikeys.base-url=" + server.baseUrl(),
          "apikeys.token=" + MockApiKeysServer.ADMIN_TOKEN);

  @AfterEach
  void stopServer() {
    server.close();
  }
}
