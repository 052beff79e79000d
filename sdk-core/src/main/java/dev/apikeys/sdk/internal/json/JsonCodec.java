package dev.apikeys.sdk.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * The one configured {@link ObjectMapper} of the SDK. Thread-safe. It has no {@code java.time}
 * module: the models read and write their dates themselves ({@code Rfc3339},
 * {@code FieldChecks.formatDateTime}), and leaving it out spares a new JVM about 75 classes
 * before its first answer (BENCHMARKS.md, Cold start).
 */
public final class JsonCodec {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Reads one value of a stream that goes on after it. */
  private static final ObjectReader VALUE_READER =
      MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonCodec() {
  }

  /**
   * Returns the shared mapper; callers must not reconfigure it.
   *
   * @return the shared mapper
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Writes a value as JSON bytes.
   *
   * @param value a model or a plain value
   * @return UTF-8 JSON
   */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Reads JSON bytes as a type.
   *
   * @param json the bytes
   * @param type the expected type
   * @param <T> the type
   * @return the value
   * @throws IOException when the bytes are not JSON of that type
   */
  public static <T> T read(byte[] json, Class<T> type) throws IOException {
    T value = MAPPER.readValue(json, type);
    if (value == null) {
      throw new IOException("expected a JSON object, got null");
    }
    return value;
  }

  /**
   * Reads as much of a JSON object as there is before the bytes break off or stop being JSON,
   * as a type: what a cut-off answer still tells.
   *
   * @param json the bytes
   * @param type the expected type
   * @param <T> the type
   * @return the value, or null when not even the start of an object could be read
   */
  public static <T> @Nullable T readPartial(byte[] json, Class<T> type) {
    ObjectNode root = MAPPER.createObjectNode();
    try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      readFields(parser, root);
    } catch (IOException e) {
      // Keep what was read before the break.
    }
    try {
      return root.isEmpty() ? null : MAPPER.treeToValue(root, type);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Copies complete top-level fields into {@code root} until the input ends or breaks. */
  private static void readFields(JsonParser parser, ObjectNode root) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      JsonNode value = VALUE_READER.readTree(parser);
      root.set(name, value);
    }
  }

  /**
   * Reads a JSON text as a tree, or returns null when it is not JSON.
   *
   * @param json the text
   * @return the tree, or null
   */
  public static @Nullable JsonNode readTreeOrNull(String json) {
    try {
      return json.isEmpty() ? null : MAPPER.readTree(json);
    } catch (IOException e) {
      return null;
    }
  }
}
