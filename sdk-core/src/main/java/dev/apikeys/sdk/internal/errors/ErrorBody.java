package dev.apikeys.sdk.internal.errors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apikeys.sdk.errors.ErrorDetail;
import dev.apikeys.sdk.internal.json.JsonCodec;
import dev.apikeys.sdk.internal.json.SecretMask;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The server's words in an error body, whatever its common shape: {@code {"error": "..."}}
 * (or an object with a {@code message}), {@code {"detail": "..."}}, FastAPI's validation list
 * {@code {"detail": [{"loc", "msg", "type"}]}}, {@code {"message": "..."}}, RFC 9457 problem
 * details ({@code title}, {@code detail}), {@code {"errors": [...]}} or Rails'
 * {@code {"errors": {"field": ["message"]}}}; plain text and markup (HTML, XHTML, XML: a proxy's
 * or gateway's error page) give a short excerpt, tags and secrets removed.
 *
 * @param message the message, empty when the body had none
 * @param details the validation items, empty when the body had none
 */
public record ErrorBody(String message, List<ErrorDetail> details) {

  /** The longest excerpt of a text body kept as a message. */
  static final int MAX_EXCERPT = 200;

  private static final ErrorBody NONE = new ErrorBody("", List.of());
  private static final Pattern TITLE =
      Pattern.compile("(?is)<title(?:\\s[^>]*)?>(.*?)</title\\s*>");
  private static final Pattern DROPPED =
      Pattern.compile("(?is)<(script|style|head)[^>]*>.*?</\\1>|<!--.*?-->");
  private static final String BYTE_ORDER_MARK = "\uFEFF";
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

  /**
   * Reads the server's message from a body. The message is one line of at most
   * {@value #MAX_EXCERPT} characters (then "..."), without control characters; the details keep
   * the server's words whole.
   *
   * @param body the decoded body, with the client's token already masked
   * @return the message and details
   */
  public static ErrorBody parse(String body) {
    if (body.isEmpty()) {
      return NONE;
    }
    JsonNode tree = JsonCodec.readTreeOrNull(body);
    if (tree == null) {
      return new ErrorBody(excerpt(body), List.of());
    }
    if (tree.isTextual()) {
      return new ErrorBody(excerpt(tree.asText()), List.of());
    }
    if (!tree.isObject()) {
      return NONE;
    }
    ErrorBody read = fromObject(tree);
    return new ErrorBody(oneLine(read.message()), read.details());
  }

  private static ErrorBody fromObject(JsonNode object) {
    JsonNode detail = object.get("detail");
    if (detail != null && detail.isArray()) {
      List<ErrorDetail> details = details(detail);
      return new ErrorBody(details.stream().map(ErrorDetail::toString)
          .collect(Collectors.joining("; ")), details);
    }
    JsonNode title = object.get("title");
    if (title != null && title.isTextual() && detail != null && detail.isTextual()) {
      return new ErrorBody(title.asText() + ": " + detail.asText(), List.of());
    }
    for (String field : List.of("error", "detail", "message", "title", "error_description")) {
      String text = text(object.get(field));
      if (!text.isEmpty()) {
        return new ErrorBody(text, List.of());
      }
    }
    JsonNode errors = object.get("errors");
    if (errors != null && (errors.isArray() || errors.isObject())) {
      List<ErrorDetail> details = errors.isArray() ? details(errors) : fieldMessages(errors);
      return new ErrorBody(details.stream().map(ErrorDetail::toString)
          .collect(Collectors.joining("; ")), details);
    }
    return NONE;
  }

  /** Rails' {@code {"errors": {"name": ["can't be blank"]}}}: one item per message. */
  private static List<ErrorDetail> fieldMessages(JsonNode errors) {
    List<ErrorDetail> details = new ArrayList<>();
    errors.fields().forEachRemaining(field -> {
      Iterable<JsonNode> messages = field.getValue().isArray() ? field.getValue()
          : List.of(field.getValue());
      for (JsonNode message : messages) {
        details.add(new ErrorDetail(List.of(field.getKey()), text(message), ""));
      }
    });
    return details;
  }

  /** A field's message: text as it is; an object's own message; anything else as JSON. */
  private static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return "";
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isObject()) {
      for (String field : List.of("message", "detail", "msg", "title")) {
        JsonNode inner = node.get(field);
        if (inner != null && inner.isTextual()) {
          return inner.asText();
        }
      }
    }
    return SecretMask.mask(node.toString());
  }

  private static List<ErrorDetail> details(JsonNode items) {
    List<ErrorDetail> details = new ArrayList<>();
    for (JsonNode item : items) {
      if (!item.isObject()) {
        details.add(new ErrorDetail(List.of(), text(item), ""));
        continue;
      }
      List<String> location = new ArrayList<>();
      JsonNode loc = item.has("loc") ? item.get("loc") : item.get("field");
      if (loc != null && loc.isArray()) {
        loc.forEach(part -> location.add(part.asText()));
      } else if (loc != null && loc.isValueNode()) {
        location.add(loc.asText());
      }
      String message = text(item.has("msg") ? item.get("msg") : item.get("message"));
      if (message.isEmpty()) {
        message = text(item.get("detail"));
      }
      JsonNode type = item.has("type") ? item.get("type") : item.get("code");
      details.add(new ErrorDetail(location, message,
          type == null || type.isNull() ? "" : type.asText()));
    }
    return details;
  }

  /**
   * A short, single-line excerpt of a text or markup body, with tags and secrets removed: a
   * page's title, else its text (which starts with its first heading); an XML document's text.
   */
  static String excerpt(String body) {
    String text = body.startsWith(BYTE_ORDER_MARK) ? body.substring(1) : body;
    String plain = text;
    if (looksLikeMarkup(text)) {
      Matcher title = TITLE.matcher(text);
      String titled = title.find() ? TAG.matcher(title.group(1)).replaceAll(" ").strip() : "";
      plain = !titled.isEmpty() ? titled
          : TAG.matcher(DROPPED.matcher(text).replaceAll(" ")).replaceAll(" ");
    }
    return oneLine(SecretMask.mask(plain));
  }

  /**
   * The text on one line: control characters and runs of white space become one space, none at
   * the ends; cut to {@value #MAX_EXCERPT} characters, then "...".
   */
  static String oneLine(String text) {
    StringBuilder line = new StringBuilder(Math.min(text.length(), MAX_EXCERPT + 3));
    int kept = 0;
    boolean space = false;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      int c = text.codePointAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c)) {
        space = kept > 0;
        continue;
      }
      if (kept + (space ? 1 : 0) >= MAX_EXCERPT) {
        return line.append("...").toString();
      }
      if (space) {
        line.append(' ');
        kept++;
        space = false;
      }
      line.appendCodePoint(c);
      kept++;
    }
    return line.toString();
  }

  /** HTML, or XHTML and XML, which start with their declaration or a DOCTYPE. */
  private static boolean looksLikeMarkup(String text) {
    String start = text.stripLeading().toLowerCase(Locale.ROOT);
    return start.startsWith("<?xml") || start.startsWith("<!doctype") || start.startsWith("<html")
        || start.startsWith("<head") || start.startsWith("<body") || start.startsWith("<h1");
  }
}
