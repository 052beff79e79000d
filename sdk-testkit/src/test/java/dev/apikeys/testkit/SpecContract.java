package dev.apikeys.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks requests and responses against the API document of the {@code api-spec} module, with
 * Atlassian's OpenAPI validator.
 */
final class SpecContract {

  static final String SPEC_RESOURCE = "dev/apikeys/api/openapi.yaml";

  private static final Pattern ITEM_PATH = Pattern.compile("/v1/api_key/[^/?]+");
  private static final Pattern ACCOUNT_ITEM_PATH = Pattern.compile("/apikeys/[^/?]+");

  /**
   * The account API's {@code "expiresAt": ""}. Its documentation says that null or empty mean no
   * expiry, but the document's {@code format: date-time} can say only null, so the check reads it
   * as null.
   */
  private static final Pattern EMPTY_EXPIRES_AT =
      Pattern.compile("(\"expiresAt\"\\s*:\\s*)\"\"");

  /**
   * The validator, strict about fields that the document does not name. Combinators are merged,
   * or else that strictness rejects every {@code allOf} ({@code ApiKeyWithSecret}).
   */
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(specText())
          .withResolveCombinators(true)
          .build();

  private SpecContract() {
  }

  static String specText() {
    try (InputStream in = SpecContract.class.getClassLoader()
        .getResourceAsStream(SPEC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SPEC_RESOURCE + " is not on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ValidationReport validateRequest(Request request) {
    return VALIDATOR.validateRequest(request);
  }

  static ValidationReport validate(Request request, Response response) {
    return VALIDATOR.validate(request, response);
  }

  /**
   * Checks every answer in the server's journal against the document, and the request of
   * every successful one. Requests to paths or methods that the API lacks, and faults, are
   * left out: they are the tests of what lies outside the API.
   */
  static void assertJournalConforms(MockApiKeysServer server) {
    List<String> failures = new ArrayList<>();
    for (ServeEvent event : server.wireMock().getAllServeEvents()) {
      LoggedRequest request = event.getRequest();
      LoggedResponse response = event.getResponse();
      if (!isApiOperation(request) || response.getFault() != null) {
        continue;
      }
      Request converted = request(request);
      ValidationReport report = response.getStatus() / 100 == 2
          ? VALIDATOR.validate(converted, response(response))
          : VALIDATOR.validateResponse(converted.getPath(), converted.getMethod(),
              response(response));
      if (report.hasErrors()) {
        failures.add(request.getMethod() + " " + request.getUrl() + " -> "
            + response.getStatus() + ": " + report.getMessages());
      }
    }
    if (!failures.isEmpty()) {
      fail("answers that break the API document:\n" + String.join("\n", failures));
    }
  }

  private static boolean isApiOperation(LoggedRequest request) {
    String method = request.getMethod().getName();
    String path = request.getUrl().split("\\?", 2)[0];
    if (path.equals(RawApi.KEYS)) {
      return method.equals("GET") || method.equals("POST");
    }
    if (ACCOUNT_ITEM_PATH.matcher(path).matches()) {
      return method.equals("PATCH");
    }
    return ITEM_PATH.matcher(path).matches()
        && (method.equals("GET") || method.equals("PATCH") || method.equals("DELETE"));
  }

  private static Request request(LoggedRequest logged) {
    String path = logged.getUrl().split("\\?", 2)[0];
    SimpleRequest.Builder builder =
        new SimpleRequest.Builder(logged.getMethod().getName(), path);
    for (HttpHeader header : logged.getHeaders().all()) {
      builder.withHeader(header.key(), header.values());
    }
    Map<String, QueryParameter> query = logged.getQueryParams();
    query.forEach((name, parameter) -> builder.withQueryParam(name, parameter.values()));
    if (logged.getBody().length > 0) {
      String body = logged.getBodyAsString();
      builder.withBody(ACCOUNT_ITEM_PATH.matcher(path).matches()
          ? EMPTY_EXPIRES_AT.matcher(body).replaceAll("$1null") : body);
    }
    return builder.build();
  }

  private static Response response(LoggedResponse logged) {
    SimpleResponse.Builder builder = SimpleResponse.Builder.status(logged.getStatus());
    HttpHeaders headers = logged.getHeaders();
    if (headers != null) {
      for (HttpHeader header : headers.all()) {
        builder.withHeader(header.key(), header.values());
      }
    }
    String body = logged.getBodyAsString();
    if (body != null && !body.isEmpty()) {
      builder.withBody(body);
    }
    return builder.build();
  }
}
