package dev.apikeys.sdk.errors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.SdkServer;
import dev.apikeys.sdk.models.ApiKeyInput;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * The server's words reach {@code error()}, {@code details()} and the message whatever the body's
 * shape; text and HTML give a short, safe excerpt; secrets in a body are masked.
 */
class ErrorBodyTest {

  private static final String TOKEN = "sk-test-token-errors";

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  private ApiKeysClient client;

  @BeforeEach
  void setUp() {
    client = server.open(server.client().token(TOKEN));
  }

  private static void answer(int status, String contentType, String body) {
    ResponseDefinitionBuilder response = aResponse().withStatus(status).withBody(body);
    if (contentType != null) {
      response.withHeader("Content-Type", contentType);
    }
    server.stubFor(any(anyUrl()).willReturn(response));
  }

  private static <T extends ApiKeysServiceException> T fails(Class<T> type, Executable call) {
    T e = assertThrows(type, call);
    assertSame(type, e.getClass());
    return e;
  }

  private static void assertError(ApiKeysServiceException e, String error,
      List<ErrorDetail> details, String body) {
    assertEquals(error, e.error());
    assertEquals(details, e.details());
    assertEquals("HTTP " + e.statusCode() + (error.isEmpty() ? "" : ": " + error),
        e.getMessage());
    assertEquals(body, e.body());
  }

  private NotFoundException retrieveFails() {
    return fails(NotFoundException.class, () -> client.apiKeys().retrieve("key_1"));
  }

  @Test
  void errorString() {
    String body = "{\"error\": \"API key not found\"}";
    answer(404, "application/json", body);

    assertError(retrieveFails(), "API key not found", List.of(), body);
  }

  @Test
  void errorObjectWithMessageAndType() {
    String body = "{\"error\": {\"message\": \"Invalid permissions provided\","
        + " \"type\": \"invalid_request_error\", \"code\": null}}";
    answer(400, "application/json", body);

    BadRequestException e = fails(BadRequestException.class, () -> client.accountApiKeys()
        .update("key_1", ApiKeyInput.builder().description("d")
            .flatPermissionsList(List.of("readApplications")).build()));

    assertError(e, "Invalid permissions provided", List.of(), body);
  }

  @Test
  void errorObjectWithoutAMessageIsShownAsJson() {
    String body = "{\"error\": {\"code\": 17, \"retryable\": false}}";
    answer(404, "application/json", body);

    assertError(retrieveFails(), "{\"code\":17,\"retryable\":false}", List.of(), body);
  }

  @Test
  void detailString() {
    String body = "{\"detail\": \"API key not found\"}";
    answer(404, "application/json", body);

    assertError(retrieveFails(), "API key not found", List.of(), body);
  }

  @Test
  void fastApiValidationList() {
    String body = "{\"detail\": ["
        + "{\"loc\": [\"query\", \"limit\"], \"msg\": \"ensure this value is less than or equal"
        + " to 1000\", \"type\": \"value_error.number.not_le\", \"ctx\": {\"limit_value\": 1000}},"
        + "{\"loc\": [\"body\", \"permissions\", 2], \"msg\": \"value is not a valid"
        + " enumeration member\", \"type\": \"type_error.enum\"}]}";
    answer(422, "application/json", body);

    UnprocessableEntityException e = fails(UnprocessableEntityException.class,
        () -> client.apiKeys().list(ListApiKeysParams.builder().limit(1000).build()));

    List<ErrorDetail> details = List.of(
        new ErrorDetail(List.of("query", "limit"),
            "ensure this value is less than or equal to 1000", "value_error.number.not_le"),
        new ErrorDetail(List.of("body", "permissions", "2"),
            "value is not a valid enumeration member", "type_error.enum"));
    assertError(e, "query.limit: ensure this value is less than or equal to 1000;"
        + " body.permissions.2: value is not a valid enumeration member", details, body);
    assertEquals("body.permissions.2", e.details().get(1).path());
  }

  @Test
  void message() {
    String body = "{\"message\": \"Forbidden\", \"statusCode\": 403}";
    answer(403, "application/json", body);

    PermissionDeniedException e = fails(PermissionDeniedException.class,
        () -> client.apiKeys().delete("key_1"));

    assertError(e, "Forbidden", List.of(), body);
  }

  @Test
  void problemDetailsWithTitleAndDetail() {
    String body = "{\"type\": \"https://example.com/probs/out-of-credit\","
        + " \"title\": \"Out of credit\", \"status\": 403,"
        + " \"detail\": \"Your current balance is 30, but that costs 50.\","
        + " \"instance\": \"/account/12345/msgs/abc\"}";
    answer(403, "application/problem+json", body);

    PermissionDeniedException e = fails(PermissionDeniedException.class,
        () -> client.apiKeys().update("key_1", UpdateApiKeyParams.builder().name("n").build()));

    assertError(e, "Out of credit: Your current balance is 30, but that costs 50.", List.of(),
        body);
    assertEquals(List.of("application/problem+json"), e.headers().get("content-type"));
  }

  @Test
  void problemDetailsWithTitleOnly() {
    String body = "{\"type\": \"about:blank\", \"title\": \"Conflict\", \"status\": 409}";
    answer(409, "application/problem+json", body);

    ConflictException e = fails(ConflictException.class,
        () -> client.apiKeys().create(CreateApiKeyParams.builder().name("ci").build()));

    assertError(e, "Conflict", List.of(), body);
  }

  @Test
  void errorsList() {
    String body = "{\"errors\": [{\"field\": \"name\", \"message\": \"is required\","
        + " \"code\": \"missing\"}, \"limit is too large\","
        + " {\"status\": \"422\", \"title\": \"Invalid Attribute\","
        + " \"detail\": \"description is too long\","
        + " \"source\": {\"pointer\": \"/data/attributes/description\"}}]}";
    answer(422, "application/json", body);

    UnprocessableEntityException e = fails(UnprocessableEntityException.class,
        () -> client.apiKeys().create(CreateApiKeyParams.builder().name("ci").build()));

    assertError(e, "name: is required; limit is too large; description is too long",
        List.of(new ErrorDetail(List.of("name"), "is required", "missing"),
            new ErrorDetail(List.of(), "limit is too large", ""),
            new ErrorDetail(List.of(), "description is too long", "")), body);
  }

  @Test
  void errorsObjectKeepsTheBody() {
    String body = "{\"errors\": {\"name\": [\"can't be blank\"], \"limit\": [\"is too big\"]}}";
    answer(422, "application/json", body);

    UnprocessableEntityException e = fails(UnprocessableEntityException.class,
        () -> client.apiKeys().create(CreateApiKeyParams.builder().name("ci").build()));

    assertEquals(body, e.body());
    assertEquals(422, e.statusCode());
  }

  @Test
  void errorsObjectGivesTheServersWords() {
    String body = "{\"errors\": {\"name\": [\"can't be blank\"], \"limit\": [\"is too big\"]}}";
    answer(422, "application/json", body);

    UnprocessableEntityException e = fails(UnprocessableEntityException.class,
        () -> client.apiKeys().create(CreateApiKeyParams.builder().name("ci").build()));

    assertError(e, "name: can't be blank; limit: is too big",
        List.of(new ErrorDetail(List.of("name"), "can't be blank", ""),
            new ErrorDetail(List.of("limit"), "is too big", "")), body);
  }

  @Test
  void jsonStringAndOtherJson() {
    answer(404, "application/json", "\"no such key\"");
    assertError(retrieveFails(), "no such key", List.of(), "\"no such key\"");

    answer(404, "application/json", "[1, 2]");
    assertError(retrieveFails(), "", List.of(), "[1, 2]");

    answer(404, "application/json", "{\"status\": 404}");
    assertError(retrieveFails(), "", List.of(), "{\"status\": 404}");
  }

  @Test
  void emptyBody() {
    answer(404, null, "");

    assertError(retrieveFails(), "", List.of(), "");
  }

  @Test
  void htmlWithTitle() {
    String html = "<!DOCTYPE html>\n<html><head><title>502 Bad\n  Gateway</title>"
        + "<style>body { color: red }</style></head>"
        + "<body><h1>Bad Gateway</h1><p>nginx</p></body></html>";
    answer(502, "text/html", html);

    InternalServerException e = fails(InternalServerException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertError(e, "502 Bad Gateway", List.of(), html);
  }

  /** The page tinyproxy 1.11.1 sends when no error file is set: XHTML, {@code <?xml} first. */
  @Test
  void tinyproxysBuiltInProxyAuthenticationPageGivesItsTitle() throws IOException {
    assertProxyAuthenticationPage(page("tinyproxy-1.11.1-407.html"),
        "407 Proxy Authentication Required");
  }

  /** The same from Debian's {@code /usr/share/tinyproxy/default.html}. */
  @Test
  void tinyproxysDebianProxyAuthenticationPageGivesItsTitle() throws IOException {
    assertProxyAuthenticationPage(page("tinyproxy-1.11.1-407-debian.html"),
        "407 Proxy Authentication Required");
  }

  /** Squid 5.7's ERR_CACHE_ACCESS_DENIED (Debian's squid-langpack), its codes filled in. */
  @Test
  void squidsCacheAccessDeniedPageGivesItsTitle() throws IOException {
    assertProxyAuthenticationPage(page("squid-5.7-407.html"), "ERROR: Cache Access Denied");
  }

  @Test
  void xhtmlWithoutTitleGivesItsTextWithoutTheDeclarations() {
    String xhtml = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
        + "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1//EN\""
        + " \"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd\">\n"
        + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n<!-- proxy -->\n"
        + "<h1>Proxy Authentication Required</h1>\n<p>Log in first.</p>\n</body></html>";

    assertProxyAuthenticationPage(xhtml, "Proxy Authentication Required Log in first.");
  }

  /** An XML error document names no title: error() is its text, element by element. */
  @Test
  void xmlErrorDocumentWithoutTitleGivesItsText() {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code>"
        + "<Message>Access Denied</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>";
    answer(403, "application/xml", xml);

    PermissionDeniedException e = fails(PermissionDeniedException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertError(e, "AccessDenied Access Denied 4442587FB7D0A2F9", List.of(), xml);
  }

  @Test
  void doctypeFirstMarksAnyMarkup() {
    String html = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>"
        + "<title>403 Forbidden</title></head><body><h1>Forbidden</h1></body></html>";
    answer(403, "text/html; charset=iso-8859-1", html);

    PermissionDeniedException e = fails(PermissionDeniedException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertError(e, "403 Forbidden", List.of(), html);
  }

  private void assertProxyAuthenticationPage(String page, String error) {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(407)
        .withHeader("Content-Type", "text/html")
        .withHeader("Proxy-Authenticate", "Basic realm=\"Tinyproxy\"").withBody(page)));

    UnexpectedStatusException e = fails(UnexpectedStatusException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals(407, e.statusCode());
    assertError(e, error, List.of(), page);
  }

  private static String page(String name) throws IOException {
    try (InputStream in = ErrorBodyTest.class.getResourceAsStream("pages/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void htmlWithoutTitleDropsScriptsStylesAndTags() {
    String html = "<html><head><style>h1 { color: red }</style></head><body>"
        + "<script>var secret = 'x';</script><h1>Service\n Unavailable</h1>"
        + "<style>p { margin: 0 }</style><p>Try <b>again</b>   later</p></body></html>";
    answer(503, "text/html; charset=utf-8", html);

    InternalServerException e = fails(InternalServerException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertError(e, "Service Unavailable Try again later", List.of(), html);
  }

  @Test
  void longTextIsCutTo200Characters() {
    String text = "0123456789abcdefghijklmnopqrstuvwxyz".repeat(29).substring(0, 1024);
    answer(500, "text/plain", text);

    InternalServerException e = fails(InternalServerException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertError(e, text.substring(0, 200) + "...", List.of(), text);
  }

  @Test
  void textOfExactly200CharactersIsNotCut() {
    String text = "x".repeat(200);
    answer(500, "text/plain", text);

    InternalServerException e = fails(InternalServerException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals(text, e.error());
  }

  @Test
  void controlCharactersAndLineBreaksBecomeSpaces() {
    String text = "bad\u0000input\u0007here\u001b[31m red\r\nline two\tend";
    answer(400, "text/plain", text);

    BadRequestException e = fails(BadRequestException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertError(e, "bad input here [31m red line two end", List.of(), text);
  }

  @Test
  void controlCharactersLeaveOneSpaceAndNoneAtTheEnds() {
    String text = "\u0007bad\u0000\u0000input\u007f";
    answer(400, "text/plain", text);

    BadRequestException e = fails(BadRequestException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals("bad input", e.error());
  }

  @Test
  void controlCharactersInAJsonMessageAreReplaced() {
    answer(400, "application/json", "{\"error\": \"bad\\u001b[2J\\ninput\"}");

    BadRequestException e = fails(BadRequestException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals("bad [2J input", e.error());
  }

  @Test
  void secretInATextBodyIsMasked() {
    answer(400, "text/plain", "upstream refused \"token\": \"sk-live-leaked-1\" for this call");

    BadRequestException e = fails(BadRequestException.class,
        () -> client.apiKeys().retrieve("key_1"));

    String masked = "upstream refused \"token\": \"****\" for this call";
    assertError(e, masked, List.of(), masked);
  }

  @Test
  void secretInAnHtmlBodyIsMasked() {
    String html = "<html><body><pre>{\"api_key\": \"sk-live-leaked-2\", \"ok\": false}</pre>"
        + "</body></html>";
    answer(500, "text/html", html);

    InternalServerException e = fails(InternalServerException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals("{\"api_key\":\"****\",\"ok\":false}", e.error());
    assertEquals("<html><body><pre>{\"api_key\": \"****\", \"ok\": false}</pre></body></html>",
        e.body());
  }

  @Test
  void everySecretFieldIsMaskedInATextBody() {
    answer(400, "text/plain",
        "refused: \"client_secret\": \"cs-live-1\", \"refresh_token\": \"rt-live-2\"");

    BadRequestException e = fails(BadRequestException.class,
        () -> client.apiKeys().retrieve("key_1"));

    String masked = "refused: \"client_secret\": \"****\", \"refresh_token\": \"****\"";
    assertError(e, masked, List.of(), masked);
  }

  @Test
  void theClientsTokenEchoedByTheServerIsMasked() {
    answer(401, "text/plain", "invalid credentials: Bearer " + TOKEN);

    AuthenticationException e = fails(AuthenticationException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    assertFalse(e.body().contains(TOKEN), e.body());
    assertFalse(e.toString().contains(TOKEN), e.toString());
  }

  @Test
  void theTokenEchoedJsonEscapedTheWayPhpAndDotNetWriteItIsMaskedInTheBody() {
    String token = "sk-live/AbC+9=xyz";
    // PHP's json_encode puts a backslash before "/"; .NET's System.Text.Json writes "+" and "="
    // as six-character escapes, in upper-case hex; other encoders write the hex in lower case.
    String body = "{\"error\": \"bad token\", \"php\": \"sk-live\\/AbC+9=xyz\","
        + " \"dotnet\": \"sk-live/AbC\\u002B9\\u003Dxyz\", \"lower\": \"sk-live/AbC\\u002b9=xyz\","
        + " \"plain\": \"" + token + "\"}";
    answer(401, "application/json", body);

    try (ApiKeysClient echoed = server.client().token(token).build()) {
      AuthenticationException e = fails(AuthenticationException.class,
          () -> echoed.apiKeys().retrieve("key_1"));

      assertEquals("{\"error\": \"bad token\", \"php\": \"****\", \"dotnet\": \"****\","
          + " \"lower\": \"****\", \"plain\": \"****\"}", e.body());
      assertEquals("HTTP 401: bad token", e.getMessage());
    }
  }

  @Test
  void aTokenAcrossTheCutOfALongMessageLeavesNoPieceOfItself() {
    // The token starts 10 characters before the 200-character cut of error().
    String message = "x".repeat(190) + TOKEN + " is not valid here";
    answer(401, "application/json", "{\"error\": \"" + message + "\"}");

    AuthenticationException e = fails(AuthenticationException.class,
        () -> client.apiKeys().retrieve("key_1"));

    // toString() is the class name (dev.apikeys.sdk.errors...) and getMessage().
    for (String shown : List.of(e.error(), e.getMessage(), e.body())) {
      for (int from = 0; from + 6 <= TOKEN.length(); from++) {
        String piece = TOKEN.substring(from, from + 6);
        assertFalse(shown.contains(piece), () -> piece + " in " + shown);
      }
    }
  }

  @Test
  void secretFieldOfAJsonErrorBodyIsMaskedInBodyAndToString() {
    answer(409, "application/json", "{\"error\": \"duplicate key\", \"key\": \"sk-live-dup-9\","
        + " \"id\": \"key_1\"}");

    ConflictException e = fails(ConflictException.class,
        () -> client.apiKeys().create(CreateApiKeyParams.builder().name("ci").build()));

    assertError(e, "duplicate key", List.of(),
        "{\"error\":\"duplicate key\",\"key\":\"****\",\"id\":\"key_1\"}");
    assertEquals("dev.apikeys.sdk.errors.ConflictException: HTTP 409: duplicate key",
        e.toString());
  }

  @Test
  void secretInsideANestedErrorIsMaskedWhereItIsShown() {
    answer(400, "application/json",
        "{\"error\": {\"code\": 3, \"password\": \"hunter2\"}}");

    BadRequestException e = fails(BadRequestException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertError(e, "{\"code\":3,\"password\":\"****\"}", List.of(),
        "{\"error\":{\"code\":3,\"password\":\"****\"}}");
  }

  @Test
  void redirectToAnotherOriginIsExplained() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "https://other.example:8443/v2/keys/key_1?sig=s3cr3t")
        .withBody("{\"message\": \"moved\"}")));

    UnexpectedStatusException e = fails(UnexpectedStatusException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertError(e, "redirect to another origin (https://other.example:8443/v2/keys/key_1) not"
        + " followed: the SDK never sends credentials outside its base URL's origin; set the"
        + " base URL to the new address", List.of(), "{\"message\": \"moved\"}");
  }

  @Test
  void redirectWithoutLocationGivesTheServersWords() {
    answer(300, "application/json", "{\"message\": \"pick one\"}");

    UnexpectedStatusException e = fails(UnexpectedStatusException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertError(e, "pick one", List.of(), "{\"message\": \"pick one\"}");
  }
}
