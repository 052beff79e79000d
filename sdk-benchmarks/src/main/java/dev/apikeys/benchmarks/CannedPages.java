package dev.apikeys.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * The response bodies of the canned server: one API key, and a listing of {@code pageCount}
 * pages of {@code pageSize} keys chained by their ids ({@code key_000000000} onwards).
 *
 * <p>Every page is the same JSON template with its key ids, {@code first_id}, {@code last_id}
 * and {@code has_more} patched in place, so that a page costs the server one array copy. Small
 * listings are rendered once; a large one (a million keys) is rendered per request so that it
 * never sits in the heap. Immutable and thread-safe.
 */
public final class CannedPages {

  /** The id of the key that every retrieve answers with. */
  public static final String RETRIEVED_ID = "key_000000042";

  private static final int ID_DIGITS = 9;
  private static final int MAX_PRERENDERED_KEYS = 20_000;

  private final int pageSize;
  private final int pageCount;
  private final byte[] template;
  private final int[] idOffsets;
  private final int hasMoreOffset;
  private final byte[][] prerendered;
  private final byte[] retrieved;

  /**
   * Creates the bodies of a listing.
   *
   * @param pageSize keys per page, at least 1
   * @param pageCount pages in the listing, at least 1
   */
  public CannedPages(int pageSize, int pageCount) {
    if (pageSize < 1 || pageCount < 1) {
      throw new IllegalArgumentException("pageSize and pageCount must be at least 1; were "
          + pageSize + " and " + pageCount);
    }
    this.pageSize = pageSize;
    this.pageCount = pageCount;
    PageTemplate page = PageTemplate.of(pageSize, ID_DIGITS);
    this.template = page.bytes();
    this.idOffsets = page.idOffsets();
    this.hasMoreOffset = page.hasMoreOffset();
    this.prerendered = (long) pageSize * pageCount <= MAX_PRERENDERED_KEYS
        ? renderAll() : null;
    this.retrieved = PageTemplate.key(RETRIEVED_ID, 42).getBytes(StandardCharsets.UTF_8);
  }

  /** Returns the id of the {@code index}-th key of the listing, from 0. */
  public static String keyId(long index) {
    String digits = Long.toString(index);
    return "key_" + "0".repeat(Math.max(0, ID_DIGITS - digits.length())) + digits;
  }

  /** Returns the body of a retrieve: the key {@link #RETRIEVED_ID}. */
  public byte[] retrieved() {
    return retrieved;
  }

  /** Returns the keys per page. */
  public int pageSize() {
    return pageSize;
  }

  /** Returns the number of pages. */
  public int pageCount() {
    return pageCount;
  }

  /** Returns the total number of keys in the listing. */
  public long keyCount() {
    return (long) pageSize * pageCount;
  }

  /**
   * Returns the page that follows a cursor: the first page for none, else the page after the
   * one whose key it names; null when the cursor is not a key of this listing.
   *
   * @param after the {@code after} cursor, or null
   */
  public byte[] pageAfter(String after) {
    if (after == null) {
      return page(0);
    }
    long key = parseKeyIndex(after);
    if (key < 0 || key >= keyCount()) {
      return null;
    }
    int next = (int) (key / pageSize) + 1;
    return next < pageCount ? page(next) : emptyLastPage();
  }

  private byte[] page(int index) {
    return prerendered != null ? prerendered[index] : render(index);
  }

  private byte[][] renderAll() {
    byte[][] pages = new byte[pageCount][];
    for (int i = 0; i < pageCount; i++) {
      pages[i] = render(i);
    }
    return pages;
  }

  private byte[] render(int index) {
    byte[] body = template.clone();
    long firstKey = (long) index * pageSize;
    for (int i = 0; i < pageSize; i++) {
      writeDigits(body, idOffsets[i], firstKey + i);
    }
    writeDigits(body, idOffsets[pageSize], firstKey);
    writeDigits(body, idOffsets[pageSize + 1], firstKey + pageSize - 1);
    if (index == pageCount - 1) {
      byte[] no = "false".getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(no, 0, body, hasMoreOffset, no.length);
    }
    return body;
  }

  private static byte[] emptyLastPage() {
    return "{\"data\":[],\"has_more\":false,\"first_id\":null,\"last_id\":null}"
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static void writeDigits(byte[] body, int offset, long value) {
    long rest = value;
    for (int i = ID_DIGITS - 1; i >= 0; i--) {
      body[offset + i] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
  }

  private static long parseKeyIndex(String id) {
    if (!id.startsWith("key_") || id.length() != 4 + ID_DIGITS) {
      return -1;
    }
    try {
      return Long.parseLong(id.substring(4));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
