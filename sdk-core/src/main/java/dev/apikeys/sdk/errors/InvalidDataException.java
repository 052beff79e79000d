package dev.apikeys.sdk.errors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A field of a response is missing, {@code null} where the API requires a value, or of the
 * wrong type. Responses are read tolerantly, so one odd field never makes a whole response
 * unreadable: this is thrown only when that field is read, or by the model's
 * {@code validate()}, which checks every field at once. The message names the model and each
 * field; it never quotes a value.
 *
 * <pre>{@code
 * ApiKey key = client.apiKeys().retrieve("key_1");
 * key.id();            // fine, even if another field is odd
 * key.validate();      // throws InvalidDataException naming every odd field
 * }</pre>
 */
public class InvalidDataException extends ApiKeysException {

  private static final long serialVersionUID = 1L;

  /** The model's name, such as {@code ApiKey}. */
  private final String model;
  /** What is wrong, one entry a field. */
  private final ArrayList<String> problems;

  /**
   * Creates the exception.
   *
   * @param model the model's name, such as {@code ApiKey}
   * @param problems what is wrong, one entry a field, each naming the field
   */
  public InvalidDataException(String model, List<String> problems) {
    super(model + " is not as the API documents it: " + String.join("; ", problems));
    this.model = model;
    this.problems = new ArrayList<>(problems);
  }

  /**
   * Returns the model's name, such as {@code ApiKey}.
   *
   * @return the model's name
   */
  public String model() {
    return model;
  }

  /**
   * Returns what is wrong, one entry a field, such as {@code name is missing or null}.
   *
   * @return the problems
   */
  public List<String> problems() {
    return Collections.unmodifiableList(problems);
  }
}
