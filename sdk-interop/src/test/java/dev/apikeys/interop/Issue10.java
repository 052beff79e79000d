package dev.apikeys.interop;

/**
 * Why some interop tests are disabled: each constant names a capability that issue 10 asks of
 * the SDK and that it does not have yet. Enable the tests that cite one when the SDK gains it.
 */
final class Issue10 {

  /** The SDK's own client offers {@code Upgrade: h2c} on plain http; uvicorn 0.17 says 400. */
  static final String NO_H2C = "issue 10: the SDK's own HttpClient must not offer an h2c"
      + " upgrade on plain http (uvicorn 0.17 answers 400 Unsupported upgrade request.)";

  /** {@code datetime.utcnow()} gives {@code 2024-01-01T12:00:00.123456}, with no offset. */
  static final String NAIVE_DATES = "issue 10: date-times without an offset"
      + " (2024-01-01T12:00:00.123456, FastAPI's datetime.utcnow()) must read as UTC";

  /** {@code Optional[List[str]] = None} gives {@code "permissions": null}. */
  static final String NULL_LIST = "issue 10: \"permissions\": null must read as an empty list";

  /** FastAPI's {@code HTTPException} gives {@code {"detail": "API key not found"}}. */
  static final String DETAIL = "issue 10: error() and the message must carry FastAPI's"
      + " {\"detail\": \"...\"}";

  /** FastAPI's 422 gives {@code {"detail": [{"loc": [...], "msg": ..., "type": ...}]}}. */
  static final String VALIDATION = "issue 10: error() and the message must carry the field"
      + " path and msg of each item of FastAPI's 422 {\"detail\": [...]} (and, planned, as a"
      + " typed list: ApiKeysServiceException.details())";

  /** The SDK sends no {@code Accept-Encoding}, so nothing comes compressed. */
  static final String GZIP = "issue 10: the SDK must ask for gzip (Accept-Encoding) and"
      + " decode it";

  /** Nothing bounds the requests in flight of a client. */
  static final String BURST = "issue 10: a client must bound its requests in flight and queue"
      + " the rest, and retry a refused stream, so that 500 async calls at once all succeed";

  private Issue10() {
  }
}
