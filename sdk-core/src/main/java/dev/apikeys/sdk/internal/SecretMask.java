package dev.apikeys.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Masks the secrets that a body may hold, so that a body can be logged. */
public final class SecretMask {

  /** What stands in place of a secret. */
  public static final String MASK = "****";

  private static final Set<String> SECRET_FIELDS = Set.of("key", "token", "secret");

  private static final Pattern SECRET_FIELD =
      Pattern.compile("(\"(?:key|token|secret)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

  private SecretMask() {
  }

  /**
   * Returns the text with the value of every {@code key}, {@code token} and {@code secret}
   * field replaced by {@value #MASK}, at any depth. JSON is parsed, so a field name written
   * with escapes is masked too; text that is not JSON is masked by pattern.
   *
   * @param text a JSON text, or any text
   * @return the masked text
   */
  public static String mask(String text) {
    JsonNode tree = JsonCodec.readTreeOrNull(text.getBytes(StandardCharsets.UTF_8));
    if (tree == null || !tree.isContainerNode()) {
      return SECRET_FIELD.matcher(text).replaceAll("$1\"" + MASK + "\"");
    }
    maskFields(tree);
    return tree.toString();
  }

  private static void maskFields(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (SECRET_FIELDS.contains(field.getKey())) {
          field.setValue(object.textNode(MASK));
        } else {
          maskFields(field.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(SecretMask::maskFields);
    }
  }
}
