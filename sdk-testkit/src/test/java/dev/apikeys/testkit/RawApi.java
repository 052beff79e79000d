package dev.apikeys.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends raw HTTP requests to a mock server with java.net.http, and checks the answers. */
final class RawApi {

  static final String KEYS = "/v1/api_key/";

  /** The prefix of the account API's {@code PATCH /apikeys/{id}}. */
  static final String ACCOUNT_KEYS = "/apikeys/";

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;

  RawApi(MockApiKeysServer server) {
    this.baseUrl = server.baseUrl();
  }

  Call get(String pathAndQuery) {
    return new Call("GET", pathAndQuery, null);
  }

  Call post(String path, String body) {
    return new Call("POST", path, body);
  }

  Call patch(String path, String body) {
    return new Call("PATCH", path, body);
  }

  Call delete(String path) {
    return new Call("DELETE", path, null);
  }

  Call method(String method, String path) {
    return new Call(method, path, null);
  }

  Call call(String method, String path, String body) {
    return new Call(method, path, body);
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  /** Asserts the status and that the body is exactly this JSON, field order aside. */
  static void assertJson(int status, String expectedJson, HttpResponse<String> response) {
    assertEquals(status, response.statusCode(), () -> "status; body: " + response.body());
    assertEquals(tree(expectedJson), tree(response.body()));
    assertEquals("application/json",
        response.headers().firstValue("Content-Type").orElse(null));
  }

  /** Asserts the status and the {@code error} message of an error answer. */
  static void assertError(int status, String message, HttpResponse<String> response) {
    assertJson(status, JSON.createObjectNode().put("error", message).toString(), response);
  }

  /** One request being built; the admin token is set unless changed. */
  final class Call {
    private final HttpRequest.Builder request;
    private String authorization = "Bearer " + MockApiKeysServer.ADMIN_TOKEN;

    private Call(String method, String path, String body) {
      this.request = HttpRequest.newBuilder(URI.create(baseUrl + path))
          .timeout(Duration.ofSeconds(10))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
    }

    Call token(String token) {
      return authorization("Bearer " + token);
    }

    Call authorization(String value) {
      this.authorization = value;
      return this;
    }

    Call noToken() {
      return authorization(null);
    }

    Call account(String accountId) {
      return header("x-account-id", accountId);
    }

    Call header(String name, String value) {
      request.setHeader(name, value);
      return this;
    }

    HttpResponse<String> send() {
      if (authorization != null) {
        request.setHeader("Authorization", authorization);
      }
      try {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
