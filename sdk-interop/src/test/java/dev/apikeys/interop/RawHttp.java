package dev.apikeys.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;

/**
 * Plain {@code java.net.http} requests to a server, without the SDK: to check what the server
 * itself does, and to call what the SDK does not have yet.
 */
final class RawHttp {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final String baseUrl;
  private final String token;

  RawHttp(HttpClient client, String baseUrl, String token) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /**
   * Returns this with another bearer token, or none.
   *
   * @param otherToken the token, or null to send no {@code Authorization}
   * @return the changed copy
   */
  RawHttp withToken(String otherToken) {
    return new RawHttp(client, baseUrl, otherToken);
  }

  /**
   * Sends a request and returns the answer as text.
   *
   * @param method the method
   * @param path the path and query, from the base URL
   * @param jsonBody the JSON body, or null for none
   * @param headers more headers, as name, value, name, value...
   * @return the answer
   */
  HttpResponse<String> send(String method, String path, String jsonBody, String... headers) {
    return send(method, path, jsonBody, BodyHandlers.ofString(), headers);
  }

  /**
   * Sends a {@code GET} and returns the answer as text.
   *
   * @param path the path and query, from the base URL
   * @param headers more headers, as name, value, name, value...
   * @return the answer
   */
  HttpResponse<String> get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  /**
   * Sends a {@code GET} and returns the answer's bytes as they came.
   *
   * @param path the path and query, from the base URL
   * @param headers more headers, as name, value, name, value...
   * @return the answer
   */
  HttpResponse<byte[]> getBytes(String path, String... headers) {
    return send("GET", path, null, BodyHandlers.ofByteArray(), headers);
  }

  /**
   * Reads an answer's body as JSON.
   *
   * @param response the answer
   * @return the JSON tree
   */
  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
    }
  }

  private <T> HttpResponse<T> send(String method, String path, String jsonBody,
      BodyHandler<T> handler, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .method(method, jsonBody == null ? BodyPublishers.noBody()
            : BodyPublishers.ofString(jsonBody));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return client.send(request.build(), handler);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + method + " " + path, e);
    }
  }
}
