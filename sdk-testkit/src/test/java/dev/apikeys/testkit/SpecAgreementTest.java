package dev.apikeys.testkit;

import static dev.apikeys.testkit.RawApi.ACCOUNT_KEYS;
import static dev.apikeys.testkit.RawApi.KEYS;
import static dev.apikeys.testkit.RawApi.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The testkit and the API document agree: on permissions, and on what is valid. */
class SpecAgreementTest extends SpecCheckedTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API = new MockApiKeysServerExtension(
      MockApiKeysServer.builder().seed(1));

  private static final String BEARER = "Bearer " + MockApiKeysServer.ADMIN_TOKEN;

  SpecAgreementTest(MockApiKeysServer server) {
    super(server);
  }

  @Test
  void serverAcceptsExactlyThePermissionsOfTheSpec() {
    List<String> specPermissions = specPermissions();
    ObjectNode body = new ObjectMapper().createObjectNode().put("name", "all")
        .put("restricted", true);
    specPermissions.forEach(body.putArray("permissions")::add);

    HttpResponse<String> created = api.post(KEYS, body.toString()).send();

    assertEquals(61, specPermissions.size());
    assertEquals(201, created.statusCode(), created::body);
    assertEquals(body.get("permissions"), tree(created.body()).get("permissions"));
  }

  static Stream<Arguments> requestsBothReject() {
    return Stream.of(
        Arguments.of(400, SimpleRequest.Builder.get(KEYS).withQueryParam("limit", "0")),
        Arguments.of(400, SimpleRequest.Builder.get(KEYS).withQueryParam("limit", "1001")),
        Arguments.of(400, SimpleRequest.Builder.get(KEYS).withQueryParam("order", "sideways")),
        Arguments.of(400, SimpleRequest.Builder.post(KEYS).withBody("{}")),
        Arguments.of(400, SimpleRequest.Builder.post(KEYS).withBody("{\"name\": \"\"}")),
        Arguments.of(400, SimpleRequest.Builder.post(KEYS)
            .withBody("{\"name\": \"x\", \"expires_at\": null}")),
        Arguments.of(400, SimpleRequest.Builder.post(KEYS)
            .withBody("{\"name\": \"x\", \"surprise\": 1}")),
        Arguments.of(400, SimpleRequest.Builder.patch(KEYS + "key_0001")
            .withBody("{\"restricted\": true, \"permissions\": [\"calls.fly\"]}")),
        Arguments.of(400, SimpleRequest.Builder.patch(KEYS + "key_0001")
            .withBody("{\"expires_at\": \"soon\"}")),
        Arguments.of(400, SimpleRequest.Builder.post(KEYS)
            .withHeader("Idempotency-Key", "k".repeat(256)).withBody("{\"name\": \"x\"}")),
        Arguments.of(400, SimpleRequest.Builder.patch(ACCOUNT_KEYS + "key_0001")
            .withBody("{\"flatPermissionsList\": []}")),
        Arguments.of(400, SimpleRequest.Builder.patch(ACCOUNT_KEYS + "key_0001")
            .withBody("{\"description\": \"d\"}")),
        Arguments.of(400, SimpleRequest.Builder.patch(ACCOUNT_KEYS + "key_0001")
            .withBody("{\"description\": \"d\", \"flatPermissionsList\": [1]}")),
        Arguments.of(400, SimpleRequest.Builder.patch(ACCOUNT_KEYS + "key_0001").withBody(
            "{\"description\": \"d\", \"flatPermissionsList\": [], \"expiresAt\": \"soon\"}")),
        Arguments.of(400, SimpleRequest.Builder.patch(ACCOUNT_KEYS + "key_0001").withBody(
            "{\"description\": \"d\", \"flatPermissionsList\": [], \"surprise\": 1}")));
  }

  @ParameterizedTest
  @MethodSource("requestsBothReject")
  void validatorAndServerRejectTheSameRequests(int status, SimpleRequest.Builder request) {
    Request built = request.withAuthorization(BEARER).withContentType("application/json")
        .build();

    assertTrue(SpecContract.validateRequest(built).hasErrors());
    assertEquals(status, send(built).statusCode());
  }

  /**
   * Where the account API's documentation says more than the OpenAPI document can: permission ids
   * are plain strings in {@code ApiKeyInput}, but only the 61 permissions are valid (the
   * operation's documented 400); and {@code expiresAt} may be empty, which {@code format:
   * date-time} cannot say.
   */
  static Stream<Arguments> requestsOnlyTheSeedJudges() {
    return Stream.of(
        Arguments.of(false, 400, "{\"description\": \"d\","
            + " \"flatPermissionsList\": [\"readApplications\"]}"),
        Arguments.of(true, 200, "{\"description\": \"d\", \"flatPermissionsList\": [],"
            + " \"expiresAt\": \"\"}"));
  }

  @ParameterizedTest
  @MethodSource("requestsOnlyTheSeedJudges")
  void serverFollowsTheSeedWhereTheDocumentCannotSayIt(boolean validatorRejects, int status,
      String body) {
    Request built = SimpleRequest.Builder.patch(ACCOUNT_KEYS + "key_0001").withBody(body)
        .withAuthorization(BEARER).withContentType("application/json").build();

    assertEquals(validatorRejects, SpecContract.validateRequest(built).hasErrors());
    assertEquals(status, send(built).statusCode());
  }

  @Test
  void validatorCatchesAResponseThatDriftsFromTheSpec() {
    Request retrieve = SimpleRequest.Builder.get(KEYS + "key_0001").withAuthorization(BEARER)
        .build();
    ObjectNode key = (ObjectNode) tree(api.get(KEYS + "key_0001").send().body());

    assertFalse(validateAnswer(retrieve, key.toString()).hasErrors());
    assertTrue(validateAnswer(retrieve, key.deepCopy().put("secret", "x").toString())
        .hasErrors());
    assertTrue(validateAnswer(retrieve, key.deepCopy().without("permissions").toString())
        .hasErrors());
    assertTrue(validateAnswer(retrieve, key.deepCopy().putNull("description").toString())
        .hasErrors());
  }

  @Test
  void validatorCatchesASuccessReplyThatDriftsFromTheSpec() {
    Request update = SimpleRequest.Builder.patch(ACCOUNT_KEYS + "key_0001")
        .withBody("{\"description\": \"d\", \"flatPermissionsList\": []}")
        .withAuthorization(BEARER).withContentType("application/json").build();

    assertFalse(validateAnswer(update, send(update).body()).hasErrors());
    assertTrue(validateAnswer(update, "{}").hasErrors());
    assertTrue(validateAnswer(update, "{\"success\": \"yes\"}").hasErrors());
    assertTrue(validateAnswer(update, "{\"success\": true, \"id\": \"key_0001\"}")
        .hasErrors());
  }

  /** Sends a request built for the validator to the server, with the admin token. */
  private HttpResponse<String> send(Request request) {
    StringBuilder url = new StringBuilder(request.getPath());
    for (String name : request.getQueryParameters()) {
      for (String value : request.getQueryParameterValues(name)) {
        url.append(url.indexOf("?") < 0 ? '?' : '&').append(name).append('=').append(value);
      }
    }
    String method = request.getMethod().name();
    RawApi.Call call = api.call(method, url.toString(), bodyOf(request));
    request.getHeaderValue("Idempotency-Key").ifPresent(key -> call.header("Idempotency-Key", key));
    return call.send();
  }

  private static String bodyOf(Request request) {
    if (request.getRequestBody().isEmpty()) {
      return null;
    }
    try {
      return request.getRequestBody().get().toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ValidationReport validateAnswer(Request request, String body) {
    return SpecContract.validate(request, SimpleResponse.Builder.ok()
        .withContentType("application/json").withBody(body).build());
  }

  private static List<String> specPermissions() {
    Schema<?> permission = new OpenAPIV3Parser().readContents(SpecContract.specText())
        .getOpenAPI().getComponents().getSchemas().get("Permission");
    return permission.getEnum().stream().map(String::valueOf).toList();
  }
}
