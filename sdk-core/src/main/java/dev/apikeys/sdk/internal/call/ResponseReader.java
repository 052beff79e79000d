package dev.apikeys.sdk.internal.call;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.apikeys.sdk.errors.InvalidResponseException;
import dev.apikeys.sdk.internal.json.JsonCodec;
import dev.apikeys.sdk.internal.json.SecretMask;
import dev.apikeys.sdk.internal.json.TokenRedactor;
import dev.apikeys.sdk.internal.transport.HttpCall;
import dev.apikeys.sdk.internal.transport.HttpResult;
import java.io.IOException;

/**
 * Reads a success answer as the call's model. When it cannot, the exception names what broke
 * and where, never quoting the body (it may hold a secret), keeps the body with its secrets
 * masked, and carries what could be read before the break.
 */
final class ResponseReader {

  private ResponseReader() {
  }

  static <T> T read(Call<T> call, HttpCall sent, HttpResult result, TokenRedactor redactor) {
    Class<?> type = call.responseType();
    if (type == null) {
      return call.wrap(null);
    }
    if (result.bodyProblem() != null) {
      throw new InvalidResponseException(
          what(sent, result) + " cannot be read: " + result.bodyProblem(),
          result.status(), "", result.headers(), null);
    }
    Object decoded;
    try {
      decoded = JsonCodec.read(result.body(), type);
    } catch (IOException | RuntimeException e) {
      Object partial = JsonCodec.readPartial(result.body(), type);
      throw new InvalidResponseException(
          what(sent, result) + " is not a valid " + type.getSimpleName()
          + (result.body().length == 0 ? " (empty body)" : ": " + where(e))
          + (partial == null ? "" : "; what could be read is in partial()"),
          result.status(), redactor.redact(SecretMask.mask(result.bodyText())), result.headers(),
          null,
          partial);
    }
    return call.wrap(decoded);
  }

  /** Names the answer, for a failure only: a success builds no message. */
  private static String what(HttpCall sent, HttpResult result) {
    return "the " + result.status() + " response of " + sent.describe();
  }

  /** Names the failure and its place; a parser's own message can quote the body, so not it. */
  private static String where(Exception e) {
    String kind = e.getClass().getSimpleName();
    if (e instanceof JsonProcessingException) {
      JsonLocation location = ((JsonProcessingException) e).getLocation();
      if (location != null) {
        return kind + " at line " + location.getLineNr() + ", column "
            + location.getColumnNr();
      }
    }
    return kind;
  }
}
