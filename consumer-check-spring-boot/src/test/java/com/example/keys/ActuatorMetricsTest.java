package com.example.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apikeys.spring.boot.test.AutoConfigureMockApiKeysServer;
import dev.apikeys.testkit.MockApiKeysServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * With the README's management.endpoints.web.exposure.include=health,metrics, the SDK's timer
 * shows over HTTP in /actuator/metrics (without it Spring Boot exposes only health).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockApiKeysServer
class ActuatorMetricsTest {

  @Autowired
  KeyDescriptions descriptions;

  @Autowired
  MockApiKeysServer server;

  @Value("${local.server.port}")
  int port;

  @Test
  void theTimerShowsInActuatorMetrics() throws Exception {
    String id = server.seed(1).get(0);
    assertThat(descriptions.describe(id, "rotated monthly")).isEqualTo("rotated monthly");

    HttpResponse<String> names = get("/actuator/metrics");
    HttpResponse<String> updates = get(
        "/actuator/metrics/apikeys.client.requests?tag=operation:updateApiKey&tag=status:200");
    HttpResponse<String> health = get("/actuator/health");

    assertThat(names.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(names.body()).get("names").toString())
        .contains("\"apikeys.client.requests\"");
    assertThat(updates.statusCode()).isEqualTo(200);
    JsonNode timer = new ObjectMapper().readTree(updates.body());
    assertThat(timer.get("name").asText()).isEqualTo("apikeys.client.requests");
    assertThat(timer.get("measurements").get(0).get("statistic").asText()).isEqualTo("COUNT");
    assertThat(timer.get("measurements").get(0).get("value").asDouble()).isEqualTo(1.0);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(health.body()).get("status").asText())
        .isEqualTo("UP");
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
