package dev.apikeys.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.TokenProvider;
import dev.apikeys.testkit.MockApiKeysServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's "Rotating credentials" snippet, compiled and run against the testkit, whose
 * token is rotated mid-test: the client recovers after one 401, reading the store again.
 */
class RotatingCredentialsTest {

  private static final String ROTATED = "admin-token-rotated";

  private final MockApiKeysServer server = MockApiKeysServer.builder().seed(1).build().start();
  private final SecretStore vault = new SecretStore();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aRotatedTokenIsPickedUpAfterOne401() {
    vault.write("apikeys/token", MockApiKeysServer.ADMIN_TOKEN);

    ApiKeysClient client = ApiKeysClient.builder()
        .baseUrl(server.baseUrl())
        .tokenProvider(new TokenProvider() {
          private volatile String cached = vault.read("apikeys/token");

          @Override
          public String token() {
            return cached;   // asked before every attempt: keep it cheap
          }

          @Override
          public void invalidate(String rejectedToken) {
            cached = vault.read("apikeys/token");   // after a 401: read the store again
          }
        })
        .build();

    assertEquals("key_0001", client.apiKeys().retrieve("key_0001").id());
    server.rotateToken(MockApiKeysServer.ADMIN_TOKEN, ROTATED);
    vault.write("apikeys/token", ROTATED);
    assertEquals("key_0001", client.apiKeys().retrieve("key_0001").id());
    client.close();

    assertEquals(List.of("200 " + MockApiKeysServer.ADMIN_TOKEN,
        "401 " + MockApiKeysServer.ADMIN_TOKEN, "200 " + ROTATED), exchanges());
  }

  /** Returns each request's status and bearer token, oldest first. */
  private List<String> exchanges() {
    List<String> exchanges = new ArrayList<>();
    for (ServeEvent event : server.wireMock().getAllServeEvents()) {
      exchanges.add(0, event.getResponse().getStatus() + " "
          + event.getRequest().getHeader("Authorization").substring("Bearer ".length()));
    }
    return exchanges;
  }

  /** Stands in for a secret store. */
  private static final class SecretStore {
    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    String read(String path) {
      return secrets.get(path);
    }

    void write(String path, String secret) {
      secrets.put(path, secret);
    }
  }
}
