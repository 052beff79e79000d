package dev.apikeys.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.Sleeper;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import dev.apikeys.sdk.transport.TransportRequest;
import dev.apikeys.sdk.transport.TransportResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The testkit's transport double, through the SDK's public API: no HTTP anywhere. */
class FakeTransportTest {

  private static final String TOKEN = "sk-fake-transport-1b2c";
  private static final String KEY = "{\"id\": \"key_1\", \"name\": \"ci\","
      + " \"created_date\": \"2024-03-01T10:15:30Z\", \"last_four_digits\": \"9f3c\","
      + " \"creator_id\": \"user_7\", \"restricted\": false, \"permissions\": []}";

  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final Sleeper recording = duration -> {
    waits.add(duration);
    return CompletableFuture.completedFuture(null);
  };

  private ApiKeysClient client(FakeTransport transport) {
    return ApiKeysClient.builder().baseUrl("https://api.example.test").token(TOKEN)
        .sleeper(recording).transport(transport).build();
  }

  @Test
  void answersFromTheQueueAndRecordsWhatTheSdkSent() {
    FakeTransport transport = FakeTransport.create().enqueueJson(200, KEY);

    try (ApiKeysClient client = client(transport)) {
      assertEquals("ci", client.apiKeys().retrieve("key_1").name());
    }

    TransportRequest sent = transport.requests().get(0);
    assertEquals(1, transport.requests().size());
    assertEquals("GET", sent.method());
    assertEquals("https://api.example.test/v1/api_key/key_1", sent.uri().toString());
    assertEquals(Optional.of("Bearer " + TOKEN), sent.header("Authorization"));
    assertEquals(Optional.of("application/json"), sent.header("Accept"));
    assertEquals(Optional.empty(), sent.body());
  }

  @Test
  void recordsTheJsonBodyOfAnUpdate() {
    FakeTransport transport = FakeTransport.create().enqueueJson(200, KEY);

    try (ApiKeysClient client = client(transport)) {
      client.apiKeys().update("key_1", UpdateApiKeyParams.builder().name("ci").build());
    }

    TransportRequest sent = transport.requests().get(0);
    assertEquals("PATCH", sent.method());
    assertEquals(Optional.of("application/json"), sent.header("Content-Type"));
    assertArrayEquals("{\"name\":\"ci\"}".getBytes(StandardCharsets.UTF_8),
        sent.body().orElseThrow());
  }

  @Test
  void aQueuedFailureIsRetriedAsANetworkFailure() {
    FakeTransport transport = FakeTransport.create()
        .enqueueFailure(new ConnectException("Connection refused"))
        .enqueueJson(200, KEY);

    try (ApiKeysClient client = client(transport)) {
      assertEquals("key_1", client.async().apiKeys().retrieve("key_1").join().id());
    }

    assertEquals(2, transport.requests().size());
    assertEquals(1, waits.size());
  }

  @Test
  void anErrorStatusBecomesTheSdksException() {
    FakeTransport transport = FakeTransport.create().enqueueJson(404,
        "{\"error\": \"no such key\"}");

    try (ApiKeysClient client = client(transport)) {
      NotFoundException e = assertThrows(NotFoundException.class,
          () -> client.apiKeys().retrieve("key_9"));
      assertEquals("no such key", e.error());
    }
  }

  @Test
  void aRequestWithNothingQueuedFailsTheTestNamingIt() {
    FakeTransport transport = FakeTransport.create();

    try (ApiKeysClient client = client(transport)) {
      AssertionError e = assertThrows(AssertionError.class,
          () -> client.apiKeys().retrieve("key_1"));
      assertEquals("FakeTransport has no answer queued for GET /v1/api_key/key_1; queue one"
          + " with enqueue(...) or set otherwise(...)", e.getMessage());
    }
  }

  @Test
  void otherwiseAnswersOnceTheQueueIsEmpty() {
    FakeTransport transport = FakeTransport.create().enqueueFailure(new IOException("reset"))
        .otherwise(request -> TransportResponse.of(200,
            Map.of("content-type", List.of("application/json")),
            KEY.getBytes(StandardCharsets.UTF_8)));

    try (ApiKeysClient client = ApiKeysClient.builder().baseUrl("https://api.example.test")
        .token(TOKEN).maxRetries(0).transport(transport).build()) {
      assertThrows(ApiKeysIoException.class, () -> client.apiKeys().retrieve("key_1"));
      assertEquals("ci", client.apiKeys().retrieve("key_1").name());
      assertEquals("ci", client.apiKeys().retrieve("key_1").name());
    }
    assertEquals(3, transport.requests().size());
  }

  @Test
  void closedWithTheLastClientItKeepsItsRecordAndRefusesMore() {
    FakeTransport transport = FakeTransport.create().enqueueJson(200, KEY);
    try (ApiKeysClient client = client(transport)) {
      client.apiKeys().retrieve("key_1");
    }

    assertEquals(1, transport.requests().size());
    assertTrue(transport.toString().contains("closed=true"), transport.toString());
    assertThrows(IllegalStateException.class, () -> transport.execute(transport.requests()
        .get(0)));
  }
}
