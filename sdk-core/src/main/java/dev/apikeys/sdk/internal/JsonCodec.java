package dev.apikeys.sdk.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one configured {@link ObjectMapper} of the SDK. Thread-safe. */
public final class JsonCodec {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private JsonCodec() {
  }

  /** Returns the shared mapper; callers must not reconfigure it. */
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
   * Reads JSON bytes as a tree, or returns null when they are not JSON.
   *
   * @param json the bytes
   * @return the tree, or null
   */
  public static JsonNode readTreeOrNull(byte[] json) {
    try {
      return json.length == 0 ? null : MAPPER.readTree(json);
    } catch (IOException e) {
      return null;
    }
  }
}
