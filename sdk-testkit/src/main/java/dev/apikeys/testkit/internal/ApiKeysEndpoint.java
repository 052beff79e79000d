package dev.apikeys.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.Map;

/** Answers one request of the API: routing, authentication, permissions, then the store. */
final class ApiKeysEndpoint {

  private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;
  private static final String BEARER = "Bearer ";

  private final KeyStore store;
  private final Map<String, Caller> callers;
  private final String defaultAccount;

  ApiKeysEndpoint(KeyStore store, Map<String, Caller> callers, String defaultAccount) {
    this.store = store;
    this.callers = Map.copyOf(callers);
    this.defaultAccount = defaultAccount;
  }

  Reply handle(Request request) {
    try {
      Route route = Route.of(request.getMethod().getName(), request.getUrl());
      Caller caller = authenticate(request.getHeader("Authorization"));
      String permission = route.operation().permission();
      if (!caller.may(permission)) {
        throw ApiError.of(403, "User does not have the required permissions: " + permission);
      }
      return dispatch(route, accountOf(request), caller, request);
    } catch (ApiError error) {
      return Reply.error(error);
    }
  }

  private Reply dispatch(Route route, String account, Caller caller, Request request) {
    return switch (route.operation()) {
      case LIST -> Reply.json(200, KeyJson.page(store.list(account,
          ListQuery.from(name -> firstValue(request.queryParameter(name))))));
      case CREATE -> create(account, caller, request);
      case RETRIEVE -> Reply.json(200, KeyJson.key(store.retrieve(account, route.keyId())));
      case UPDATE -> Reply.json(200, KeyJson.key(store.update(account, route.keyId(),
          KeyChanges.from(KeyRules.object(request.getBody(), KeyRules.KEY_FIELDS)))));
      case DELETE -> {
        store.delete(account, route.keyId());
        yield Reply.empty(204);
      }
    };
  }

  private Reply create(String account, Caller caller, Request request) {
    String idempotencyKey = idempotencyKey(request.getHeader("Idempotency-Key"));
    ObjectNode body = KeyRules.object(request.getBody(), KeyRules.KEY_FIELDS);
    KeyStore.Created created =
        store.create(account, caller, NewKey.from(body), idempotencyKey, body);
    Map<String, String> headers =
        created.replayed() ? Map.of("Idempotent-Replayed", "true") : Map.of();
    return new Reply(201, headers, KeyJson.keyWithSecret(created.key()));
  }

  private Caller authenticate(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw ApiError.of(401, "User not authenticated: no Bearer token");
    }
    Caller caller = callers.get(authorization.substring(BEARER.length()).trim());
    if (caller == null) {
      throw ApiError.of(401, "User not authenticated: unknown token");
    }
    return caller;
  }

  private String accountOf(Request request) {
    String account = request.getHeader("x-account-id");
    return account == null || account.isBlank() ? defaultAccount : account;
  }

  private static String idempotencyKey(String value) {
    if (value != null && (value.isEmpty() || value.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      throw ApiError.badRequest("Idempotency-Key must have 1 to "
          + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
    }
    return value;
  }

  private static String firstValue(QueryParameter parameter) {
    return parameter.isPresent() ? parameter.firstValue() : null;
  }
}
