package dev.apikeys.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Answers one request of the API: routing, authentication, permissions, then the store. */
final class ApiKeysEndpoint {

  private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;
  private static final String BEARER = "Bearer ";

  private final KeyStore store;
  private final Map<String, Caller> built;
  private final Map<String, Caller> callers = new ConcurrentHashMap<>();
  private final String defaultAccount;

  ApiKeysEndpoint(KeyStore store, Map<String, Caller> callers, String defaultAccount) {
    this.store = store;
    this.built = Map.copyOf(callers);
    this.callers.putAll(built);
    this.defaultAccount = defaultAccount;
  }

  /**
   * Makes {@code newToken} authenticate as {@code oldToken}'s caller, and {@code oldToken} no
   * more.
   *
   * @throws IllegalArgumentException if {@code oldToken} is not a configured token, or
   *     {@code newToken} already is one
   */
  synchronized void rotateToken(String oldToken, String newToken) {
    Caller caller = callers.get(oldToken);
    if (caller == null) {
      throw new IllegalArgumentException("oldToken is not a token of this server's builder,"
          + " nor one it was rotated to");
    }
    if (callers.containsKey(newToken)) {
      throw new IllegalArgumentException("newToken is already a token of this server");
    }
    callers.put(newToken, caller);
    callers.remove(oldToken);
  }

  /** Gives back the tokens the server was built with, undoing every rotation. */
  synchronized void restoreTokens() {
    callers.clear();
    callers.putAll(built);
  }

  Reply handle(Request request) {
    try {
      Route route = Route.of(request.getMethod().getName(), request.getUrl());
      Caller caller = authenticate(request.getHeader("Authorization"));
      String account = accountOf(request, caller);
      authorize(route, caller);
      return dispatch(route, account, caller, request);
    } catch (ApiError error) {
      return Reply.error(error);
    }
  }

  private Reply dispatch(Route route, String account, Caller caller, Request request) {
    return switch (route.operation()) {
      case LIST -> Reply.json(200, KeyJson.page(store.list(account,
          ListQuery.from(name -> firstValue(request.queryParameter(name))))));
      case CREATE -> create(account, caller, request);
      case RETRIEVE -> Reply.json(200, KeyJson.key(store.retrieve(account, route.id())));
      case UPDATE -> Reply.json(200, KeyJson.key(store.update(account, route.id(),
          KeyChanges.from(KeyRules.object(request.getBody(), KeyRules.KEY_FIELDS)), caller)));
      case ACCOUNT_UPDATE -> {
        store.update(account, route.id(), KeyChanges.fromApiKeyInput(
            KeyRules.object(request.getBody(), KeyRules.API_KEY_INPUT_FIELDS)), caller);
        yield Reply.json(200, KeyJson.success());
      }
      case DELETE -> {
        store.delete(account, route.id());
        yield Reply.empty(204);
      }
    };
  }

  private Reply create(String account, Caller caller, Request request) {
    String idempotencyKey = idempotencyKey(request.getHeader("Idempotency-Key"));
    ObjectNode body = KeyRules.object(request.getBody(), KeyRules.KEY_FIELDS);
    NewKey fields = NewKey.from(body);
    KeyLimits limits = caller.key();
    if (limits != null) {
      limits.checkGives(fields.restricted(), fields.permissions(), fields.expiresAt());
    }
    KeyStore.Created created = store.create(account, caller, fields, idempotencyKey, body);
    Map<String, String> headers =
        created.replayed() ? Map.of("Idempotent-Replayed", "true") : Map.of();
    return new Reply(201, headers, KeyJson.keyWithSecret(created.key()));
  }

  /**
   * Checks the operation's permission, then the account API's rule that only account administrators
   * update API keys: an API key's token may update its own key only.
   */
  private static void authorize(Route route, Caller caller) {
    String permission = route.operation().permission();
    if (!caller.may(permission)) {
      throw ApiError.of(403, "User does not have the required permissions: " + permission);
    }
    KeyLimits limits = caller.key();
    if (route.operation().updatesAKey() && limits != null && !limits.is(route.id())) {
      throw ApiError.of(403, "API keys cannot update other API keys");
    }
  }

  private Caller authenticate(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw ApiError.of(401, "User not authenticated: no Bearer token");
    }
    String token = authorization.substring(BEARER.length()).trim();
    Caller caller = callers.get(token);
    if (caller == null) {
      caller = store.authenticate(token);
    }
    if (caller == null) {
      throw ApiError.of(401, "User not authenticated: unknown token");
    }
    return caller;
  }

  /**
   * The account of the request: its {@code x-account-id}, else the stored key's own account for
   * a stored key's token, else the default one.
   *
   * @throws ApiError 403 when a stored key's token names another account
   */
  private String accountOf(Request request, Caller caller) {
    String named = request.getHeader("x-account-id");
    boolean none = named == null || named.isBlank();
    KeyLimits limits = caller.key();
    String own = limits == null ? null : limits.account();
    if (own == null) {
      return none ? defaultAccount : named;
    }
    if (!none && !named.equals(own)) {
      throw ApiError.of(403, "API keys cannot access other accounts");
    }
    return own;
  }

  private static String idempotencyKey(String value) {
    if (value != null && (value.isEmpty() || value.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      throw ApiError.badRequest("Idempotency-Key must have 1 to "
          + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
    }
    return value;
  }

  private static @Nullable String firstValue(QueryParameter parameter) {
    return parameter.isPresent() ? parameter.firstValue() : null;
  }
}
