package dev.apikeys.sdk.models;

import dev.apikeys.sdk.internal.checks.Arguments;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The query of a list call: page size, order and cursor. Immutable and thread-safe; every field
 * is optional, and the server's defaults apply to those left out.
 *
 * <pre>{@code
 * ListApiKeysParams params = ListApiKeysParams.builder()
 *     .limit(100)
 *     .order(SortOrder.ASC)
 *     .after(savedCursor)   // resume a listing from a saved cursor
 *     .build();
 * }</pre>
 */
public final class ListApiKeysParams {

  /** The smallest {@code limit} the API accepts. */
  public static final int MIN_LIMIT = 1;
  /** The largest {@code limit} the API accepts. */
  public static final int MAX_LIMIT = 1000;

  private static final ListApiKeysParams NONE = builder().build();

  private final @Nullable Integer limit;
  private final @Nullable SortOrder order;
  private final @Nullable String after;
  private final @Nullable String before;

  private ListApiKeysParams(Builder builder) {
    this.limit = builder.limit;
    this.order = builder.order;
    this.after = builder.after;
    this.before = builder.before;
  }

  /**
   * Returns params that leave everything to the server's defaults.
   *
   * @return params that leave everything to the server's defaults
   */
  public static ListApiKeysParams none() {
    return NONE;
  }

  /**
   * Returns an empty builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these params.
   *
   * @return a builder holding these params
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Returns how many keys a page holds at most, if set.
   *
   * @return how many keys a page holds at most, if set
   */
  public OptionalInt limit() {
    return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
  }

  /**
   * Returns the sort order by creation date, if set.
   *
   * @return the sort order by creation date, if set
   */
  public Optional<SortOrder> order() {
    return Optional.ofNullable(order);
  }

  /**
   * Returns the cursor after which the page starts, if set.
   *
   * @return the cursor after which the page starts, if set
   */
  public Optional<String> after() {
    return Optional.ofNullable(after);
  }

  /**
   * Returns the cursor before which the page ends, if set.
   *
   * @return the cursor before which the page ends, if set
   */
  public Optional<String> before() {
    return Optional.ofNullable(before);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof ListApiKeysParams)) {
      return false;
    }
    ListApiKeysParams that = (ListApiKeysParams) other;
    return Objects.equals(limit, that.limit) && order == that.order
        && Objects.equals(after, that.after) && Objects.equals(before, that.before);
  }

  @Override
  public int hashCode() {
    return Objects.hash(limit, order, after, before);
  }

  @Override
  public String toString() {
    return "ListApiKeysParams{limit=" + limit + ", order=" + order + ", after=" + after
        + ", before=" + before + '}';
  }

  /** Builds {@link ListApiKeysParams}. Not thread-safe. */
  public static final class Builder {
    private @Nullable Integer limit;
    private @Nullable SortOrder order;
    private @Nullable String after;
    private @Nullable String before;

    private Builder() {
    }

    private Builder(ListApiKeysParams params) {
      this.limit = params.limit;
      this.order = params.order;
      this.after = params.after;
      this.before = params.before;
    }

    /**
     * Sets how many keys a page holds at most.
     *
     * @param limit from {@value ListApiKeysParams#MIN_LIMIT} to
     *     {@value ListApiKeysParams#MAX_LIMIT}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder limit(int limit) {
      if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("limit must be between " + MIN_LIMIT + " and "
            + MAX_LIMIT + ", was " + limit);
      }
      this.limit = limit;
      return this;
    }

    /**
     * Sets the sort order by creation date.
     *
     * @param order {@link SortOrder#ASC} or {@link SortOrder#DESC}; null leaves it to the server
     * @return this builder
     */
    public Builder order(@Nullable SortOrder order) {
      this.order = order;
      return this;
    }

    /**
     * Starts the page after this key id, clearing {@code before}.
     *
     * @param after an API key id, not blank; null clears it
     * @return this builder
     */
    public Builder after(@Nullable String after) {
      this.after = after == null ? null
          : Arguments.requireWellFormed(Arguments.requireNonBlank(after, "after"), "after");
      if (after != null) {
        this.before = null;
      }
      return this;
    }

    /**
     * Ends the page before this key id (paging backwards), clearing {@code after}.
     *
     * @param before an API key id, not blank; null clears it
     * @return this builder
     */
    public Builder before(@Nullable String before) {
      this.before = before == null ? null
          : Arguments.requireWellFormed(Arguments.requireNonBlank(before, "before"), "before");
      if (before != null) {
        this.after = null;
      }
      return this;
    }

    /**
     * Returns the params.
     *
     * @return the params
     */
    public ListApiKeysParams build() {
      return new ListApiKeysParams(this);
    }
  }
}
