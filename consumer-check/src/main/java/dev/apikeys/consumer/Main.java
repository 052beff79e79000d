package dev.apikeys.consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyInput;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.Permission;
import dev.apikeys.sdk.models.SuccessResponse;
import dev.apikeys.transport.apache5.ApacheTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls the SDK the way an application does, against a small server on the JDK's own
 * {@code HttpServer} that answers the list of keys and the account API's update, and checks
 * what was sent and what came back, on the JDK's transport or, with the argument
 * {@code apache}, on Apache HttpClient 5. Exits with status 1 on the first difference.
 */
public final class Main {

  private static final String KEY = "{\"id\":\"key_%d\",\"name\":\"Key %d\","
      + "\"created_date\":\"2024-01-01T12:00:00\",\"last_four_digits\":\"abcd\","
      + "\"creator_id\":\"user_1\",\"restricted\":true,\"permissions\":[\"calls.view\"]}";

  private Main() {
  }

  /**
   * Runs the checks.
   *
   * @param args {@code apache} for the Apache transport; none for the JDK's
   * @throws IOException when the server cannot start
   */
  public static void main(String[] args) throws IOException {
    List<String> requests = new ArrayList<>();
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> answer(exchange, requests));
    server.start();
    String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    boolean apache = args.length > 0 && args[0].equals("apache");
    ApiKeysClient.Builder builder = ApiKeysClient.builder().baseUrl(baseUrl)
        .token("tok_consumer").accountId("acct_1");
    // the server's thread is not a daemon: stop it whatever fails, or the JVM never exits
    try (ApiKeysClient client = (apache
        ? builder.transport(ApacheTransport.create())   // the one line that switches transport
        : builder).build()) {
      check("transport", apache ? "ApacheTransport" : "JDK",
          client.toBuilder().toString().replaceAll(".*transport=(\\w+).*", "$1"));
      List<String> names = new ArrayList<>();
      for (ApiKey key : client.apiKeys().list(ListApiKeysParams.builder().limit(2).build())
          .autoPager()) {
        names.add(key.name() + " " + key.createdDate() + " " + key.permissions());
      }
      check("keys", List.of("Key 1 2024-01-01T12:00Z [calls.view]",
          "Key 2 2024-01-01T12:00Z [calls.view]", "Key 3 2024-01-01T12:00Z [calls.view]"), names);
      SuccessResponse done = client.accountApiKeys().update("key_1", ApiKeyInput.builder()
          .description("ci bot").flatPermissionsList(Permission.CALLS_VIEW).build());
      check("success", true, done.success());
      String error;
      try {
        client.apiKeys().retrieve("key_9");
        error = "no exception";
      } catch (NotFoundException e) {
        error = e.error();
      }
      check("error", "API key not found", error);
    } finally {
      server.stop(0);
    }
    check("requests", List.of(
        "GET /v1/api_key/?limit=2 Bearer tok_consumer acct_1",
        "GET /v1/api_key/?limit=2&after=key_2 Bearer tok_consumer acct_1",
        "PATCH /apikeys/key_1 Bearer tok_consumer acct_1"
            + " {\"description\":\"ci bot\",\"flatPermissionsList\":[\"calls.view\"]}",
        "GET /v1/api_key/key_9 Bearer tok_consumer acct_1"), requests);
    System.out.println("consumer: OK on Java " + Runtime.version().feature() + ", "
        + (Main.class.getModule().isNamed() ? "as a module" : "on the class path") + ", "
        + (apache ? "Apache transport" : "JDK transport"));
  }

  private static void answer(HttpExchange exchange, List<String> requests) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String account = exchange.getRequestHeaders().getFirst("x-account-id");
    String target = exchange.getRequestURI().toString();
    requests.add(exchange.getRequestMethod() + " " + target + " "
        + exchange.getRequestHeaders().getFirst("Authorization")
        + " " + (account == null ? "" : account) + (body.isEmpty() ? "" : " " + body));
    int status = 200;
    String reply;
    if (target.equals("/v1/api_key/?limit=2")) {
      reply = "{\"data\":[" + String.format(KEY, 1, 1) + "," + String.format(KEY, 2, 2)
          + "],\"has_more\":true,\"first_id\":\"key_1\",\"last_id\":\"key_2\"}";
    } else if (target.startsWith("/v1/api_key/?limit=2&after=key_2")) {
      reply = "{\"data\":[" + String.format(KEY, 3, 3)
          + "],\"has_more\":false,\"first_id\":\"key_3\",\"last_id\":\"key_3\"}";
    } else if (target.equals("/apikeys/key_1")) {
      reply = "{\"success\":true}";
    } else {
      status = 404;
      reply = "{\"detail\":\"API key not found\"}";
    }
    byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static void check(String what, Object expected, Object actual) {
    if (!expected.equals(actual)) {
      System.err.println("consumer: " + what + ": expected " + expected + ", got " + actual);
      System.exit(1);
    }
  }
}
