package dev.apikeys.sdk.internal.call;

import dev.apikeys.sdk.RequestOptions;
import dev.apikeys.sdk.internal.checks.Arguments;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One call, checked and ready to run: the operation, its path with the parameters filled in,
 * its query, body and options, and what its answer is read as. Built by the generated services;
 * every argument is checked while it is built, before any request.
 *
 * @param <T> what the call answers with
 */
public final class Call<T> {

  private final Operation operation;
  private final String path;
  private final String query;
  private final @Nullable Object body;
  private final RequestOptions options;
  private final @Nullable Class<?> responseType;
  private final Function<Object, T> wrap;

  private Call(Builder builder, @Nullable Class<?> responseType, Function<Object, T> wrap) {
    this.operation = builder.operation;
    this.path = builder.path;
    this.query = builder.query == null ? "" : builder.query.toString();
    this.body = builder.body;
    this.options = builder.options;
    this.responseType = responseType;
    this.wrap = wrap;
  }

  /**
   * Starts a call of an operation.
   *
   * @param operation the operation
   * @param options the per-call options
   * @return a builder for the call's parameters
   * @throws NullPointerException if the options are null
   */
  public static Builder to(Operation operation, RequestOptions options) {
    return new Builder(operation, Objects.requireNonNull(options, "options must not be null"));
  }

  Operation operation() {
    return operation;
  }

  String path() {
    return path;
  }

  String query() {
    return query;
  }

  @Nullable Object body() {
    return body;
  }

  RequestOptions options() {
    return options;
  }

  @Nullable Class<?> responseType() {
    return responseType;
  }

  T wrap(@Nullable Object decoded) {
    return wrap.apply(decoded);
  }

  /** Fills in a call's parameters; each is checked as it is given. */
  public static final class Builder {
    private final Operation operation;
    private final RequestOptions options;
    private String path;
    private @Nullable StringBuilder query;
    private @Nullable Object body;

    private Builder(Operation operation, RequestOptions options) {
      this.operation = operation;
      this.options = options;
      this.path = operation.pathTemplate();
    }

    /**
     * Fills in a path parameter, percent-encoded as exactly one segment.
     *
     * @param name the parameter's name in the path template
     * @param value its value
     * @return this builder
     * @throws NullPointerException if the value is null
     * @throws IllegalArgumentException if it is blank or not well-formed UTF-16
     */
    public Builder pathParam(String name, String value) {
      Arguments.requireWellFormed(Arguments.requireNonBlank(value, name), name);
      path = path.replace("{" + name + "}", PercentEncoding.encode(value));
      return this;
    }

    /**
     * Adds a query parameter when it has a value.
     *
     * @param name the parameter's name
     * @param value its value: a string, a number or a spec enum; empty leaves it out
     * @return this builder
     */
    public Builder query(String name, Optional<?> value) {
      value.ifPresent(present -> {
        String text = present.toString();
        Arguments.requireWellFormed(text, name);
        query = query == null ? new StringBuilder("?") : query.append('&');
        query.append(name).append('=').append(PercentEncoding.encode(text));
      });
      return this;
    }

    /**
     * Adds an integer query parameter when it has a value.
     *
     * @param name the parameter's name
     * @param value its value; empty leaves it out
     * @return this builder
     */
    public Builder query(String name, OptionalInt value) {
      return query(name, value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty());
    }

    /**
     * Sets the JSON body.
     *
     * @param value the body model
     * @param name the parameter's name, for the message
     * @return this builder
     * @throws NullPointerException if the body is null
     */
    public Builder body(Object value, String name) {
      this.body = Objects.requireNonNull(value, name + " must not be null");
      return this;
    }

    /**
     * Finishes a call whose answer is read as {@code type}.
     *
     * @param type the model of the answer
     * @param <T> that type
     * @return the call
     */
    public <T> Call<T> expect(Class<T> type) {
      return new Call<>(checked(), type, type::cast);
    }

    /**
     * Finishes a call whose answer is read as {@code type}, then wrapped (as a page is).
     *
     * @param type the model of the answer
     * @param wrap what makes the result of the model
     * @param <M> the model's type
     * @param <T> the result's type
     * @return the call
     */
    public <M, T> Call<T> expect(Class<M> type, Function<? super M, ? extends T> wrap) {
      return new Call<>(checked(), type, decoded -> wrap.apply(type.cast(decoded)));
    }

    /**
     * Finishes a call whose answer has no body to read.
     *
     * @return the call
     */
    public Call<Void> expectNoBody() {
      return new Call<>(checked(), null, decoded -> null);
    }

    private Builder checked() {
      if (path.indexOf('{') >= 0) {
        throw new IllegalStateException("path parameter missing in " + path);
      }
      return this;
    }
  }
}
