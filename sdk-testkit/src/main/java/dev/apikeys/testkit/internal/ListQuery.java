package dev.apikeys.testkit.internal;

import java.util.function.UnaryOperator;

/** The checked query of a list request. */
record ListQuery(int limit, boolean descending, String after, String before) {

  static final int MAX_LIMIT = 1000;

  /**
   * Reads and checks the query parameters.
   *
   * @param parameter gives the first value of a query parameter, or null when absent
   * @throws ApiError 400 for a bad {@code limit} or {@code order}, or both cursors at once
   */
  static ListQuery from(UnaryOperator<String> parameter) {
    String after = parameter.apply("after");
    String before = parameter.apply("before");
    if (after != null && before != null) {
      throw ApiError.badRequest("after and before cannot be used together");
    }
    return new ListQuery(limit(parameter.apply("limit")),
        descending(parameter.apply("order")), after, before);
  }

  private static int limit(String text) {
    if (text == null) {
      return ApiKeysBackend.DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below, which names the range
    }
    throw ApiError.badRequest(
        "limit must be an integer from 1 to " + MAX_LIMIT + "; was: '" + text + "'");
  }

  private static boolean descending(String text) {
    if (text == null || text.equals("asc")) {
      return false;
    }
    if (text.equals("desc")) {
      return true;
    }
    throw ApiError.badRequest("order must be 'asc' or 'desc'; was: '" + text + "'");
  }
}
