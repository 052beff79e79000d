package dev.apikeys.testkit;

import static dev.apikeys.testkit.RawApi.KEYS;
import static dev.apikeys.testkit.RawApi.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.TokenProvider;
import dev.apikeys.sdk.errors.AuthenticationException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A token rotated while the server runs: the new one authenticates as the old one's caller and
 * the old one answers 401, which a client's {@link TokenProvider} recovers from.
 */
class TokenRotationTest extends SpecCheckedTest {

  private static final String ROTATED = "admin-token-rotated";

  @RegisterExtension
  static final MockApiKeysServerExtension API = new MockApiKeysServerExtension(
      MockApiKeysServer.builder().seed(1).restrictedToken("viewer-1", List.of("api_keys.view")));

  TokenRotationTest(MockApiKeysServer server) {
    super(server);
  }

  @Test
  void theNewTokenActsAsTheOldOneWhichIsRevoked() {
    server.rotateToken(MockApiKeysServer.ADMIN_TOKEN, ROTATED);

    assertError(401, "User not authenticated: unknown token", api.get(KEYS + "key_0001")
        .token(MockApiKeysServer.ADMIN_TOKEN).send());
    assertEquals(204, api.delete(KEYS + "key_0001").token(ROTATED).send().statusCode());
  }

  @Test
  void aRestrictedTokenKeepsItsPermissionsWhenRotated() {
    server.rotateToken("viewer-1", "viewer-2");

    assertEquals(200, api.get(KEYS + "key_0001").token("viewer-2").send().statusCode());
    assertError(403, "User does not have the required permissions: api_keys.delete",
        api.delete(KEYS + "key_0001").token("viewer-2").send());
    assertEquals(401, api.get(KEYS + "key_0001").token("viewer-1").send().statusCode());
  }

  @Test
  void aClientWithATokenProviderPicksUpTheRotatedTokenAfterOne401() {
    AtomicReference<String> vault = new AtomicReference<>(MockApiKeysServer.ADMIN_TOKEN);
    CachingProvider provider = new CachingProvider(vault);
    ApiKeysClient client = ApiKeysClient.builder().baseUrl(server.baseUrl())
        .tokenProvider(provider).build();
    assertEquals("key_0001", client.apiKeys().retrieve("key_0001").id());

    server.rotateToken(MockApiKeysServer.ADMIN_TOKEN, ROTATED);
    vault.set(ROTATED);

    assertEquals("key_0001", client.apiKeys().retrieve("key_0001").id());
    assertEquals(List.of(MockApiKeysServer.ADMIN_TOKEN), provider.invalidated);
    assertEquals(List.of(MockApiKeysServer.ADMIN_TOKEN, MockApiKeysServer.ADMIN_TOKEN, ROTATED),
        sentTokens());
  }

  @Test
  void aClientWithTheRevokedFixedTokenGets401() {
    server.rotateToken(MockApiKeysServer.ADMIN_TOKEN, ROTATED);

    assertThrows(AuthenticationException.class,
        () -> server.clientBuilder().build().apiKeys().retrieve("key_0001"));
  }

  @Test
  void resetUndoesEveryRotation() {
    server.rotateToken(MockApiKeysServer.ADMIN_TOKEN, ROTATED);
    server.rotateToken(ROTATED, "admin-token-third");

    server.reset();

    assertEquals(404, api.get(KEYS + "key_0001").token(MockApiKeysServer.ADMIN_TOKEN).send()
        .statusCode());
    assertEquals(401, api.get(KEYS + "key_0001").token("admin-token-third").send()
        .statusCode());
  }

  @Test
  void rotatingAnUnknownTokenOrToAKnownOneIsRefused() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> server.rotateToken("never-issued", ROTATED));
    IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
        () -> server.rotateToken(MockApiKeysServer.ADMIN_TOKEN, "viewer-1"));
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> server.rotateToken(MockApiKeysServer.ADMIN_TOKEN, " "));

    assertEquals("oldToken is not a token of this server's builder, nor one it was rotated to",
        unknown.getMessage());
    assertEquals("newToken is already a token of this server", taken.getMessage());
    assertEquals("newToken must not be blank nor UNKNOWN_TOKEN", blank.getMessage());
    assertEquals(200, api.get(KEYS + "key_0001").token(MockApiKeysServer.ADMIN_TOKEN).send()
        .statusCode());
  }

  /** Returns the bearer token of every request, oldest first. */
  private List<String> sentTokens() {
    List<String> tokens = new ArrayList<>();
    server.wireMock().getAllServeEvents().forEach(event ->
        tokens.add(0, event.getRequest().getHeader("Authorization").substring("Bearer ".length())));
    return tokens;
  }

  /** Caches the vault's token until told it was rejected, as a real provider would. */
  private static final class CachingProvider implements TokenProvider {
    private final AtomicReference<String> vault;
    private final List<String> invalidated = new CopyOnWriteArrayList<>();
    private volatile String cached;

    CachingProvider(AtomicReference<String> vault) {
      this.vault = vault;
      this.cached = vault.get();
    }

    @Override
    public String token() {
      return cached;
    }

    @Override
    public void invalidate(String rejectedToken) {
      invalidated.add(rejectedToken);
      cached = vault.get();
    }
  }
}
