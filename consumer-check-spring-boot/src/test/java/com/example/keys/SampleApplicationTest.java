package com.example.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apikeys.spring.boot.test.AutoConfigureMockApiKeysServer;
import dev.apikeys.testkit.MockApiKeysServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

/** The README's SampleApplicationTest, as a user copies it. */
@SpringBootTest
@AutoConfigureMockApiKeysServer
class SampleApplicationTest {

  @Autowired
  KeyDescriptions descriptions;

  @Autowired
  MockApiKeysServer server;

  @Autowired
  MeterRegistry meters;

  @Autowired
  HealthIndicator apiKeysHealthIndicator;

  @Test
  void callsGoToTheTestkitAndAreTimed() {
    String id = server.seed(1).get(0);

    assertThat(descriptions.describe(id, "rotated monthly")).isEqualTo("rotated monthly");

    Timer update = meters.get("apikeys.client.requests").tag("operation", "updateApiKey")
        .tag("method", "PATCH").tag("status", "200").tag("outcome", "SUCCESS")
        .tag("error", "none").timer();
    Timer retrieve = meters.get("apikeys.client.requests").tag("operation", "retrieveApiKey")
        .timer();
    assertThat(update.count()).isEqualTo(1);
    assertThat(retrieve.count()).isEqualTo(1);
    assertThat(apiKeysHealthIndicator.health(false).getStatus()).isEqualTo(Status.UP);
  }
}
