package dev.apikeys.testkit;

import static dev.apikeys.testkit.RawApi.ACCOUNT_KEYS;
import static dev.apikeys.testkit.RawApi.KEYS;
import static dev.apikeys.testkit.RawApi.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuthorizationTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API = new MockApiKeysServerExtension(
      MockApiKeysServer.builder().seed(2)
          .adminToken("tok-admin-2")
          .restrictedToken("tok-view", List.of("api_keys.view"))
          .restrictedToken("tok-create", List.of("api_keys.create"))
          .restrictedToken("tok-update", List.of("api_keys.update"))
          .restrictedToken("tok-delete", List.of("api_keys.delete", "calls.view")));

  private final MockApiKeysServer server;
  private final RawApi api;

  AuthorizationTest(MockApiKeysServer server) {
    this.server = server;
    this.api = new RawApi(server);
  }

  /**
   * Each operation, with the status it answers an administrator, and the one it answers a
   * key's token with the matching permission: API keys cannot update other API keys, and the
   * keys of these tokens are not in the store.
   */
  enum Operation {
    LIST("api_keys.view", 200, 200, api -> api.get(KEYS)),
    CREATE("api_keys.create", 201, 201,
        api -> api.post(KEYS, "{\"name\": \"x\", \"restricted\": true}")),
    RETRIEVE("api_keys.view", 200, 200, api -> api.get(KEYS + "key_0001")),
    UPDATE("api_keys.update", 200, 403,
        api -> api.patch(KEYS + "key_0001", "{\"name\": \"x\"}")),
    ACCOUNT_UPDATE("api_keys.update", 200, 403, api -> api.patch(ACCOUNT_KEYS + "key_0001",
        "{\"description\": \"x\", \"flatPermissionsList\": []}")),
    DELETE("api_keys.delete", 204, 204, api -> api.delete(KEYS + "key_0001"));

    final String permission;
    final int adminStatus;
    final int keyStatus;
    final Function<RawApi, RawApi.Call> call;

    Operation(String permission, int adminStatus, int keyStatus,
        Function<RawApi, RawApi.Call> call) {
      this.permission = permission;
      this.adminStatus = adminStatus;
      this.keyStatus = keyStatus;
      this.call = call;
    }
  }

  @AfterEach
  void answersConformToTheSpec() {
    SpecContract.assertJournalConforms(server);
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void missingTokenIsUnauthorized(Operation operation) {
    assertError(401, "User not authenticated: no Bearer token",
        operation.call.apply(api).noToken().send());
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void unknownTokenIsUnauthorized(Operation operation) {
    assertError(401, "User not authenticated: unknown token",
        operation.call.apply(api).token(MockApiKeysServer.UNKNOWN_TOKEN).send());
  }

  @Test
  void otherSchemesAreUnauthorized() {
    assertError(401, "User not authenticated: no Bearer token",
        api.get(KEYS).authorization("Basic " + MockApiKeysServer.ADMIN_TOKEN).send());
    assertError(401, "User not authenticated: no Bearer token",
        api.get(KEYS).authorization(MockApiKeysServer.ADMIN_TOKEN).send());
  }

  @Test
  void bearerSchemeIsCaseInsensitive() {
    assertEquals(200, api.get(KEYS)
        .authorization("bearer " + MockApiKeysServer.ADMIN_TOKEN).send().statusCode());
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void tokenWithoutApiKeysPermissionsIsForbidden(Operation operation) {
    assertError(403, "User does not have the required permissions: " + operation.permission,
        operation.call.apply(api).token(MockApiKeysServer.FORBIDDEN_TOKEN).send());
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void administratorsMayDoEverything(Operation operation) {
    for (String token : List.of(MockApiKeysServer.ADMIN_TOKEN, "tok-admin-2")) {
      server.reset();
      server.seed(2);
      assertEquals(operation.adminStatus,
          operation.call.apply(api).token(token).send().statusCode(), token);
    }
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void theRestrictedTokenMayDoAllButUpdateOtherKeys(Operation operation) {
    assertEquals(operation.keyStatus, operation.call.apply(api)
        .token(MockApiKeysServer.RESTRICTED_TOKEN).send().statusCode());
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void restrictedKeyNeedsTheMatchingPermission(Operation operation) {
    Map<String, String> permissionOfToken = Map.of("tok-view", "api_keys.view",
        "tok-create", "api_keys.create", "tok-update", "api_keys.update",
        "tok-delete", "api_keys.delete");
    permissionOfToken.forEach((token, permission) -> {
      int expected = permission.equals(operation.permission) ? operation.keyStatus : 403;
      assertEquals(expected, operation.call.apply(api).token(token).send().statusCode(), token);
    });
  }
}
