package dev.apikeys.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.ApiKeysService;
import dev.apikeys.sdk.RawResponse;
import dev.apikeys.sdk.models.ApiKeyInput;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.Permission;
import dev.apikeys.sdk.models.SortOrder;
import dev.apikeys.sdk.models.SuccessResponse;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SDK's requests, checked against the project's OpenAPI document by Stoplight's Prism. */
class PrismTest {

  @RegisterExtension
  static final PrismMock PRISM = new PrismMock();

  /** The example id of the document. */
  private static final String ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

  @Test
  void everyRequestOfTheSdkKeepsToTheDocument() {
    ApiKeysClient client = PRISM.client().withOptions(b -> b.accountId("acct_1"));
    ApiKeysService.WithRawResponse raw = client.apiKeys().withRawResponse();

    List<RawResponse<?>> responses = List.of(
        raw.list(ListApiKeysParams.builder().limit(1000).order(SortOrder.DESC).after(ID)
            .build()),
        raw.retrieve(ID),
        raw.create(CreateApiKeyParams.builder().name("ci").description("CI")
            .restricted(true).permissions(Permission.CALLS_VIEW)
            .expiresAt(OffsetDateTime.parse("2030-01-01T00:00:00Z")).build()),
        raw.update(ID, UpdateApiKeyParams.builder().name("ci-bot").restricted(true)
            .permissionValues(List.of("calls.view", "agents.view")).expiresAt(null).build()),
        raw.delete(ID));

    assertEquals(List.of(200, 200, 201, 200, 204),
        responses.stream().map(RawResponse::statusCode).toList());
    for (RawResponse<?> response : responses) {
      assertEquals(Optional.empty(), response.header("sl-violations"));
    }
  }

  @Test
  void prismRefusesRequestsThatBreakTheDocument() {
    HttpResponse<String> badLimit = PRISM.raw().get("/v1/api_key/?limit=0");
    HttpResponse<String> badPermission = PRISM.raw().send("PATCH", "/v1/api_key/" + ID,
        "{\"restricted\": true, \"permissions\": [\"calls.teleport\"]}");

    assertEquals(422, badLimit.statusCode());
    assertTrue(violations(badLimit).contains("Request query parameter limit must be >= 1"),
        violations(badLimit));
    assertEquals(422, badPermission.statusCode());
    assertTrue(violations(badPermission).contains("\"location\":[\"request\",\"body\","
        + "\"permissions\",\"0\"]"), violations(badPermission));
  }

  @Test
  void theSdksAccountApiUpdateKeepsToTheDocument() {
    ApiKeysClient client = PRISM.client().withOptions(b -> b.accountId("acct_1"));
    ApiKeyInput.Builder input = ApiKeyInput.builder().description("ci bot")
        .flatPermissionsList(Permission.CALLS_VIEW, Permission.AGENTS_VIEW);

    List<RawResponse<SuccessResponse>> responses = List.of(
        client.accountApiKeys().withRawResponse().update(ID, input.build()),
        client.accountApiKeys().withRawResponse().update(ID, input.expiresAt(null).build()),
        client.async().accountApiKeys().withRawResponse().update(ID, input
            .expiresAt(OffsetDateTime.parse("2027-01-01T00:00:00+02:00"))
            .flatPermissionsList(List.of("readApplications")).build()).join());

    for (RawResponse<SuccessResponse> response : responses) {
      assertEquals(200, response.statusCode());
      assertEquals(Optional.empty(), response.header("sl-violations"));
      assertTrue(response.body().success());
    }
  }

  @Test
  void prismRefusesAnAccountApiBodyWithoutARequiredField() {
    HttpResponse<String> incomplete = PRISM.raw().send("PATCH", "/apikeys/" + ID,
        "{\"description\": \"ci bot\"}");

    assertEquals(400, incomplete.statusCode());
    assertTrue(violations(incomplete).contains("must have required property"
        + " 'flatPermissionsList'"), violations(incomplete));
  }

  private static String violations(HttpResponse<String> response) {
    return response.headers().firstValue("sl-violations").orElse("(none)");
  }
}
