package dev.apikeys.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apikeys.sdk.errors.ApiKeysServiceException;
import dev.apikeys.sdk.errors.AuthenticationException;
import dev.apikeys.sdk.errors.BadRequestException;
import dev.apikeys.sdk.errors.ConflictException;
import dev.apikeys.sdk.errors.InternalServerException;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.errors.PermissionDeniedException;
import dev.apikeys.sdk.errors.RateLimitException;
import dev.apikeys.sdk.errors.UnexpectedStatusException;
import dev.apikeys.sdk.errors.UnprocessableEntityException;
import java.time.Clock;

/** Maps an error response to its exception: the one place where statuses become types. */
public final class ErrorMapping {

  private ErrorMapping() {
  }

  /**
   * Returns the exception for a non-2xx response.
   *
   * @param result the response
   * @param clock what an HTTP-date {@code Retry-After} is measured against
   * @return the exception of that status, carrying the server's message, body and headers
   */
  public static ApiKeysServiceException toException(HttpResult result, Clock clock) {
    int status = result.status();
    String body = result.bodyText();
    String error = errorMessage(result.body());
    var headers = result.headers();
    switch (status) {
      case 400:
        return new BadRequestException(status, error, body, headers);
      case 401:
        return new AuthenticationException(status, error, body, headers);
      case 403:
        return new PermissionDeniedException(status, error, body, headers);
      case 404:
        return new NotFoundException(status, error, body, headers);
      case 409:
        return new ConflictException(status, error, body, headers);
      case 422:
        return new UnprocessableEntityException(status, error, body, headers);
      case 429:
        return new RateLimitException(status, error, body, headers,
            RetryAfter.of(result, clock).orElse(null));
      default:
        return status >= 500 && status < 600
            ? new InternalServerException(status, error, body, headers)
            : new UnexpectedStatusException(status, error, body, headers);
    }
  }

  private static String errorMessage(byte[] body) {
    JsonNode tree = JsonCodec.readTreeOrNull(body);
    if (tree == null || !tree.isObject()) {
      return null;
    }
    JsonNode error = tree.get("error");
    if (error == null || error.isNull()) {
      return null;
    }
    return error.isTextual() ? error.asText() : error.toString();
  }
}
