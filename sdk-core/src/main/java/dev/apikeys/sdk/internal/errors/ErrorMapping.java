package dev.apikeys.sdk.internal.errors;

import dev.apikeys.sdk.errors.ApiKeysServiceException;
import dev.apikeys.sdk.errors.AuthenticationException;
import dev.apikeys.sdk.errors.BadRequestException;
import dev.apikeys.sdk.errors.ConflictException;
import dev.apikeys.sdk.errors.ErrorDetail;
import dev.apikeys.sdk.errors.InternalServerException;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.errors.PermissionDeniedException;
import dev.apikeys.sdk.errors.RateLimitException;
import dev.apikeys.sdk.errors.UnexpectedStatusException;
import dev.apikeys.sdk.errors.UnprocessableEntityException;
import dev.apikeys.sdk.internal.json.SecretMask;
import dev.apikeys.sdk.internal.json.TokenRedactor;
import dev.apikeys.sdk.internal.retry.RetryAfter;
import dev.apikeys.sdk.internal.transport.HttpResult;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Maps an error response to its exception: the one place where statuses become types. */
public final class ErrorMapping {

  private ErrorMapping() {
  }

  /**
   * Returns the exception for a non-2xx response.
   *
   * @param result the response
   * @param request the URI that was asked for, to explain a redirect that was not followed
   * @param clock what an HTTP-date {@code Retry-After} is measured against
   * @param redactor masks the client's token should the server echo it
   * @return the exception of that status, carrying the server's message, body and headers
   */
  public static ApiKeysServiceException toException(HttpResult result, URI request,
      Clock clock, TokenRedactor redactor) {
    int status = result.status();
    String text = result.bodyProblem() == null ? redactor.redact(result.bodyText()) : "";
    ErrorBody parsed = ErrorBody.parse(text);
    String error = redactor.redactOrNull(status >= 300 && status < 400
        ? Redirects.explain(result, request, parsed.message()) : parsed.message());
    // Masked again after the re-write, which may unescape a token written with escapes.
    String body = result.bodyProblem() == null ? redactor.redact(SecretMask.mask(text))
        : "(" + result.bodyProblem() + ")";
    List<ErrorDetail> details = redactor.redact(parsed.details());
    Map<String, List<String>> headers = result.headers();
    switch (status) {
      case 400:
        return new BadRequestException(status, error, details, body, headers);
      case 401:
        return new AuthenticationException(status, error, details, body, headers);
      case 403:
        return new PermissionDeniedException(status, error, details, body, headers);
      case 404:
        return new NotFoundException(status, error, details, body, headers);
      case 409:
        return new ConflictException(status, error, details, body, headers);
      case 422:
        return new UnprocessableEntityException(status, error, details, body, headers);
      case 429:
        return new RateLimitException(status, error, details, body, headers,
            RetryAfter.of(result, clock).orElse(null));
      default:
        return status >= 500 && status < 600
            ? new InternalServerException(status, error, details, body, headers)
            : new UnexpectedStatusException(status, error, details, body, headers);
    }
  }
}
