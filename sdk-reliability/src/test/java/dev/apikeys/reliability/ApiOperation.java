package dev.apikeys.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The five operations of the API as the fault tests drive them, blocking or async, against a
 * testkit server seeded with {@value #SEEDED} keys: how to call each, how to match its
 * requests, and how to check that it took effect exactly once.
 */
enum ApiOperation {

  LIST("GET", "/v1/api_key/") {
    @Override
    Object call(ApiKeysClient client) {
      return client.apiKeys().list();
    }

    @Override
    CompletableFuture<?> callAsync(ApiKeysClient client) {
      return client.async().apiKeys().list();
    }

    @Override
    void checkTookEffect(Object result, ApiKeysClient verifier) {
      assertEquals(List.of("key_0001", "key_0002", "key_0003"),
          ((ApiKeyPage) result).data().stream().map(ApiKey::id).toList());
    }
  },

  RETRIEVE("GET", "/v1/api_key/" + ApiOperation.TARGET_ID) {
    @Override
    Object call(ApiKeysClient client) {
      return client.apiKeys().retrieve(TARGET_ID);
    }

    @Override
    CompletableFuture<?> callAsync(ApiKeysClient client) {
      return client.async().apiKeys().retrieve(TARGET_ID);
    }

    @Override
    void checkTookEffect(Object result, ApiKeysClient verifier) {
      assertEquals(TARGET_ID, ((ApiKey) result).id());
    }
  },

  CREATE("POST", "/v1/api_key/") {
    @Override
    Object call(ApiKeysClient client) {
      return client.apiKeys().create(CreateApiKeyParams.builder().name(NEW_NAME).build());
    }

    @Override
    CompletableFuture<?> callAsync(ApiKeysClient client) {
      return client.async().apiKeys().create(CreateApiKeyParams.builder().name(NEW_NAME)
          .build());
    }

    @Override
    void checkTookEffect(Object result, ApiKeysClient verifier) {
      ApiKeyWithSecret created = (ApiKeyWithSecret) result;
      assertEquals("key_0004", created.id());
      List<ApiKey> named = verifier.apiKeys().list().data().stream()
          .filter(key -> key.name().equals(NEW_NAME)).toList();
      assertEquals(List.of(created.id()), named.stream().map(ApiKey::id).toList(),
          "a retried create must make exactly one key");
    }
  },

  UPDATE("PATCH", "/v1/api_key/" + ApiOperation.TARGET_ID) {
    @Override
    Object call(ApiKeysClient client) {
      return client.apiKeys().update(TARGET_ID,
          UpdateApiKeyParams.builder().name(NEW_NAME).build());
    }

    @Override
    CompletableFuture<?> callAsync(ApiKeysClient client) {
      return client.async().apiKeys().update(TARGET_ID,
          UpdateApiKeyParams.builder().name(NEW_NAME).build());
    }

    @Override
    void checkTookEffect(Object result, ApiKeysClient verifier) {
      assertEquals(NEW_NAME, ((ApiKey) result).name());
      assertEquals(NEW_NAME, verifier.apiKeys().retrieve(TARGET_ID).name());
    }
  },

  DELETE("DELETE", "/v1/api_key/" + ApiOperation.TARGET_ID) {
    @Override
    Object call(ApiKeysClient client) {
      client.apiKeys().delete(TARGET_ID);
      return null;
    }

    @Override
    CompletableFuture<?> callAsync(ApiKeysClient client) {
      return client.async().apiKeys().delete(TARGET_ID);
    }

    @Override
    void checkTookEffect(Object result, ApiKeysClient verifier) {
      assertThrows(NotFoundException.class, () -> verifier.apiKeys().retrieve(TARGET_ID));
    }
  };

  /** How many keys the server holds before each case: {@code key_0001} to {@code key_0003}. */
  static final int SEEDED = 3;
  /** The key that retrieve, update and delete act on. */
  static final String TARGET_ID = "key_0001";
  /** The name that create and update set. */
  static final String NEW_NAME = "reliability";

  private final String method;
  private final String path;

  ApiOperation(String method, String path) {
    this.method = method;
    this.path = path;
  }

  /** Returns the HTTP method of this operation's request. */
  String method() {
    return method;
  }

  /** Returns the path of this operation's request, as sent for {@link #TARGET_ID}. */
  String path() {
    return path;
  }

  /**
   * Returns whether the JDK's own HTTP/1.1 client sends this operation's request a second time,
   * once, when the connection closes before any byte of an answer: it does so for a GET (a
   * stale pooled connection is the usual cause), never for PATCH, POST or DELETE. That resend
   * happens inside one attempt of the SDK: no retry of the SDK, no wait asked of its Sleeper.
   */
  boolean resentByTheJdk() {
    return method.equals("GET");
  }

  /** Calls the operation, blocking, and returns what it returned (null for delete). */
  abstract Object call(ApiKeysClient client);

  /** Starts the operation with the async API and returns its future. */
  abstract CompletableFuture<?> callAsync(ApiKeysClient client);

  /**
   * Calls the operation with the blocking or the async API and returns its result; the
   * exception that ends an async call is thrown as such, not wrapped.
   */
  Object call(ApiKeysClient client, ClientApi api) {
    if (api == ClientApi.BLOCKING) {
      return call(client);
    }
    try {
      return callAsync(client).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Checks that the call returned what the server holds and changed it exactly once.
   *
   * @param result what {@link #call} returned
   * @param verifier a client without faults, to read the server's state
   */
  abstract void checkTookEffect(Object result, ApiKeysClient verifier);

  /** Returns a stub matcher for this operation's requests, to add a response to. */
  MappingBuilder stub() {
    return request(method, urlPathEqualTo(path));
  }

  /** Returns the pattern of this operation's requests, to verify or count them. */
  RequestPatternBuilder requests() {
    return RequestPatternBuilder.newRequestPattern(RequestMethod.fromString(method),
        urlPathEqualTo(path));
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
