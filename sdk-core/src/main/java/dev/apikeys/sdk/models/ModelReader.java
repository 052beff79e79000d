package dev.apikeys.sdk.models;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.apikeys.sdk.internal.json.JsonCodec;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON object into a generated model, tolerantly: a value of the wrong type is kept
 * raw (the field's accessor throws when read), an unknown field is kept for
 * {@code additionalProperties()}, a {@code null} list reads as empty. Reads from the parser's
 * token stream directly, without a tree or a builder. One object, one reader.
 */
final class ModelReader {

  /** Reads one nested model from the parser, positioned at its {@code START_OBJECT}. */
  @FunctionalInterface
  interface NestedReader<T> {
    T read(JsonParser parser, DeserializationContext context) throws IOException;
  }

  private final JsonParser parser;
  private final DeserializationContext context;
  private @Nullable Map<String, JsonNode> invalid;
  private @Nullable Map<String, JsonNode> additional;

  private ModelReader(JsonParser parser, DeserializationContext context) {
    this.parser = parser;
    this.context = context;
  }

  /**
   * Starts reading an object.
   *
   * @param model the model's class, named if the value is not an object
   */
  static ModelReader start(JsonParser parser, DeserializationContext context, Class<?> model)
      throws IOException {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.START_OBJECT && token != JsonToken.FIELD_NAME
        && token != JsonToken.END_OBJECT) {
      context.handleUnexpectedToken(model, parser);
    }
    return new ModelReader(parser, context);
  }

  /** Moves to the next field's value; returns its name, or null at the object's end. */
  @Nullable String nextField() throws IOException {
    String name = parser.currentToken() == JsonToken.FIELD_NAME ? parser.currentName()
        : parser.nextFieldName();
    if (name != null) {
      parser.nextToken();
    }
    return name;
  }

  @Nullable String string(String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    return token == JsonToken.VALUE_NULL ? null : keepInvalid(field);
  }

  @Nullable Boolean bool(String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    if (token == JsonToken.VALUE_STRING) {
      String text = parser.getText().trim();
      if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
        return Boolean.valueOf(text);
      }
    }
    return token == JsonToken.VALUE_NULL ? null : keepInvalid(field);
  }

  @Nullable Integer integer(String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() == JsonParser.NumberType.INT) {
      return parser.getIntValue();
    }
    return token == JsonToken.VALUE_NULL ? null : keepInvalid(field);
  }

  @Nullable OffsetDateTime dateTime(String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      OffsetDateTime parsed = FieldChecks.parseDateTime(parser.getText());
      if (parsed != null) {
        return parsed;
      }
      invalid().put(field, TextNode.valueOf(parser.getText()));
      return null;
    }
    return token == JsonToken.VALUE_NULL ? null : keepInvalid(field);
  }

  /** A list of strings; {@code null} reads as empty. */
  @Nullable List<String> strings(String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (token != JsonToken.START_ARRAY) {
      return keepInvalid(field);
    }
    List<String> values = new ArrayList<>();
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.VALUE_STRING) {
        ArrayNode raw = JsonNodeFactory.instance.arrayNode();
        values.forEach(raw::add);
        keepRestOfArray(raw, field);
        return null;
      }
      values.add(parser.getText());
    }
    return Collections.unmodifiableList(values);
  }

  /** A list of nested models; {@code null} reads as empty. */
  <T> @Nullable List<T> models(String field, NestedReader<T> nested) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (token != JsonToken.START_ARRAY) {
      return keepInvalid(field);
    }
    List<T> values = new ArrayList<>();
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.START_OBJECT) {
        ArrayNode raw = JsonNodeFactory.instance.arrayNode();
        for (T value : values) {
          raw.add(JsonCodec.mapper().<JsonNode>valueToTree(value));
        }
        keepRestOfArray(raw, field);
        return null;
      }
      values.add(nested.read(parser, context));
    }
    return Collections.unmodifiableList(values);
  }

  /** A nested model; {@code null} reads as absent. */
  <T> @Nullable T model(String field, NestedReader<T> nested) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      return nested.read(parser, context);
    }
    return token == JsonToken.VALUE_NULL ? null : keepInvalid(field);
  }

  /** Keeps a field this model does not document, to be read and written back unchanged. */
  void unknown(String field) throws IOException {
    if (additional == null) {
      additional = new LinkedHashMap<>();
    }
    additional.put(field, context.readTree(parser));
  }

  Map<String, JsonNode> invalidFields() {
    return invalid == null ? Map.of() : invalid;
  }

  Map<String, JsonNode> additionalFields() {
    return additional == null ? Map.of() : additional;
  }

  private <T> @Nullable T keepInvalid(String field) throws IOException {
    invalid().put(field, context.readTree(parser));
    return null;
  }

  private void keepRestOfArray(ArrayNode raw, String field) throws IOException {
    raw.add(context.readTree(parser));
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      raw.add(context.readTree(parser));
    }
    invalid().put(field, raw);
  }

  private Map<String, JsonNode> invalid() {
    if (invalid == null) {
      invalid = new LinkedHashMap<>();
    }
    return invalid;
  }
}
