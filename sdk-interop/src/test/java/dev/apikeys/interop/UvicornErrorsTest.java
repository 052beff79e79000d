package dev.apikeys.interop;

import static dev.apikeys.interop.FastApiApp.seededId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.errors.ApiKeysServiceException;
import dev.apikeys.sdk.errors.AuthenticationException;
import dev.apikeys.sdk.errors.BadRequestException;
import dev.apikeys.sdk.errors.ErrorDetail;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.errors.PermissionDeniedException;
import dev.apikeys.sdk.errors.UnprocessableEntityException;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * The SDK's exceptions for the errors of the FastAPI app on uvicorn: FastAPI's
 * {@code {"detail": "..."}} and its (pydantic 1) 422 {@code {"detail": [...]}}. No test here
 * changes a key.
 */
class UvicornErrorsTest {

  @RegisterExtension
  static final UvicornServer SERVER = new UvicornServer(FastApiApp.naive());

  private static final String REQUEST_ID = " \\(request id req_[0-9a-f]{32}\\)";

  @Test
  void eachErrorStatusGivesItsException() {
    assertStatus(404, NotFoundException.class, () -> SERVER.client().apiKeys().retrieve("nope"));
    assertStatus(401, AuthenticationException.class, () -> unknownToken().apiKeys().list());
    assertStatus(403, PermissionDeniedException.class, () -> restrictedKey().apiKeys()
        .update(seededId(1), UpdateApiKeyParams.builder().name("taken over").build()));
    assertStatus(400, BadRequestException.class, () -> SERVER.client().apiKeys().create(
        CreateApiKeyParams.builder().name("bad").restricted(true)
            .permissionValues(List.of("calls.teleport")).build()));
    assertStatus(422, UnprocessableEntityException.class, () -> SERVER.client().apiKeys()
        .create(CreateApiKeyParams.builder().name("n".repeat(101)).build()));
  }

  @Test
  void errorsKeepTheServersBodyAndRequestId() {
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> SERVER.client().apiKeys().retrieve("nope"));

    assertEquals("{\"detail\":\"API key not found\"}", e.body());
    assertTrue(e.requestId().orElseThrow().matches("req_[0-9a-f]{32}"), e.requestId()::get);
  }

  @Test
  void errorsCarryTheServersDetail() {
    NotFoundException notFound = assertThrows(NotFoundException.class,
        () -> SERVER.client().apiKeys().retrieve("nope"));
    AuthenticationException unknown = assertThrows(AuthenticationException.class,
        () -> unknownToken().apiKeys().list());
    PermissionDeniedException denied = assertThrows(PermissionDeniedException.class,
        () -> restrictedKey().apiKeys().update(seededId(1),
            UpdateApiKeyParams.builder().name("taken over").build()));
    BadRequestException badRequest = assertThrows(BadRequestException.class,
        () -> SERVER.client().apiKeys().create(CreateApiKeyParams.builder().name("bad")
            .restricted(true).permissionValues(List.of("calls.teleport")).build()));

    assertEquals("API key not found", notFound.error());
    assertMessage("HTTP 404: API key not found", notFound);
    assertEquals("Invalid authentication credentials", unknown.error());
    assertMessage("HTTP 401: Invalid authentication credentials", unknown);
    assertEquals("API keys cannot update other API keys", denied.error());
    assertEquals("Invalid permissions provided: calls.teleport", badRequest.error());
    for (ApiKeysServiceException e : List.of(notFound, unknown, denied, badRequest)) {
      assertEquals(List.of(), e.details());
    }
  }

  @Test
  void aValidationErrorCarriesEachFieldPathAndMessage() {
    UnprocessableEntityException e = assertThrows(UnprocessableEntityException.class,
        () -> SERVER.client().apiKeys().create(CreateApiKeyParams.builder()
            .name("n".repeat(101)).description("d".repeat(501)).build()));

    assertEquals("body.name: ensure this value has at most 100 characters;"
        + " body.description: ensure this value has at most 500 characters", e.error());
    assertMessage("HTTP 422: " + e.error(), e);
    assertEquals(List.of(
        new ErrorDetail(List.of("body", "name"), "ensure this value has at most 100 characters",
            "value_error.any_str.max_length"),
        new ErrorDetail(List.of("body", "description"),
            "ensure this value has at most 500 characters", "value_error.any_str.max_length")),
        e.details());
  }

  private static ApiKeysClient unknownToken() {
    return SERVER.client().withOptions(b -> b.token(FastApiApp.UNKNOWN_TOKEN));
  }

  private static ApiKeysClient restrictedKey() {
    return SERVER.client().withOptions(b -> b.token(FastApiApp.RESTRICTED_TOKEN));
  }

  /** The message is the status, the server's words, then the request id the app made. */
  private static void assertMessage(String expected, ApiKeysServiceException e) {
    assertTrue(e.getMessage().matches(Pattern.quote(expected) + REQUEST_ID),
        e.getMessage());
  }

  private static void assertStatus(int status, Class<? extends ApiKeysServiceException> type,
      Executable call) {
    ApiKeysServiceException e = assertThrows(type, call);
    assertEquals(status, e.statusCode());
    assertTrue(e.body().startsWith("{\"detail\":"), e.body());
  }
}
