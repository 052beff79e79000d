package dev.apikeys.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * The JSON of one page with placeholder ids, and where each placeholder sits.
 *
 * @param bytes the page, ASCII
 * @param idOffsets where the digits of each key id start, then those of first_id and last_id
 * @param hasMoreOffset where the {@code true} of {@code has_more} starts (followed by a space,
 *     so that {@code false} fits)
 */
record PageTemplate(byte[] bytes, int[] idOffsets, int hasMoreOffset) {

  private static final String ID_PREFIX = "key_";

  static PageTemplate of(int pageSize, int idDigits) {
    String placeholder = ID_PREFIX + "0".repeat(idDigits);
    int[] offsets = new int[pageSize + 2];
    StringBuilder json = new StringBuilder(pageSize * 320).append("{\"data\":[");
    for (int i = 0; i < pageSize; i++) {
      json.append(i == 0 ? "" : ",");
      String key = key(placeholder, i);
      offsets[i] = json.length() + key.indexOf(placeholder) + ID_PREFIX.length();
      json.append(key);
    }
    json.append("],\"has_more\":");
    int hasMore = json.length();
    json.append("true ,\"first_id\":\"");
    offsets[pageSize] = json.length() + ID_PREFIX.length();
    json.append(placeholder).append("\",\"last_id\":\"");
    offsets[pageSize + 1] = json.length() + ID_PREFIX.length();
    json.append(placeholder).append("\"}");
    return new PageTemplate(json.toString().getBytes(StandardCharsets.US_ASCII), offsets,
        hasMore);
  }

  /** Returns one realistic key; every other key has an expiry, the rest never expire. */
  static String key(String id, int index) {
    String expiresAt = index % 2 == 0 ? "\"2030-01-01T00:00:00Z\"" : "null";
    return "{\"id\":\"" + id + "\",\"name\":\"ci-bot\","
        + "\"description\":\"Used by the CI pipeline\","
        + "\"created_date\":\"2023-11-07T05:31:56Z\",\"last_four_digits\":\"a1b2\","
        + "\"creator_id\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\",\"restricted\":true,"
        + "\"permissions\":[\"calls.view\",\"calls.create\",\"agents.view\"],"
        + "\"expires_at\":" + expiresAt + "}";
  }
}
