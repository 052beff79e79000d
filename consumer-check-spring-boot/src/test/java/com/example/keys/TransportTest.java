package com.example.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.spring.boot.test.AutoConfigureMockApiKeysServer;
import dev.apikeys.testkit.MockApiKeysServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The client sends with the transport the class path gives: the JDK's as the README makes the
 * application, Apache HttpClient 5 once apikeys-transport-apache5 is added (the
 * {@code apache-transport} profile sets {@code consumer.transport}). Its own context, closed
 * after it, so its calls do not count in the README's test's timers.
 */
@SpringBootTest
@AutoConfigureMockApiKeysServer
@DirtiesContext
class TransportTest {

  @Autowired
  ApiKeysClient client;

  @Autowired
  MockApiKeysServer server;

  @Test
  void theClientSendsWithTheTransportOnTheClassPath() {
    String id = server.seed(1).get(0);

    assertThat(client.apiKeys().retrieve(id).id()).isEqualTo(id);
    assertThat(client.async().apiKeys().retrieve(id).join().id()).isEqualTo(id);
    assertThat(client.toBuilder().toString())
        .contains("transport=" + System.getProperty("consumer.transport"));
  }
}
