package dev.apikeys.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A server's access log, one request a line as {@code ... request: METHOD URI PROTOCOL STATUS
 * [more]} (the server may put its own prefix before {@value #MARKER}): the server's own record
 * of what came in, such as the HTTP version it negotiated.
 */
final class AccessLog {

  /** What comes just before the request in each line. */
  static final String MARKER = "request: ";

  private static final Duration WRITE_DELAY = Duration.ofSeconds(10);

  private final Path file;

  AccessLog(Path file) {
    this.file = file;
  }

  /** One request as the server logged it. */
  record Entry(String method, String uri, String protocol, int status, String more) {

    static Entry parse(String line) {
      String[] fields = line.substring(line.indexOf(MARKER) + MARKER.length()).split(" ", 5);
      return new Entry(fields[0], fields[1], fields[2], Integer.parseInt(fields[3]),
          fields.length > 4 ? fields[4] : "");
    }

    /**
     * Returns the value of a {@code name=value} field of {@link #more()}, as nginx's lines
     * have them.
     *
     * @param name the field's name
     * @return its value, {@code -} when nginx had none
     * @throws AssertionError if the line has no such field
     */
    String field(String name) {
      return Arrays.stream(more.split(" ")).filter(field -> field.startsWith(name + "="))
          .map(field -> field.substring(name.length() + 1)).findFirst()
          .orElseThrow(() -> new AssertionError("no " + name + "= in " + this));
    }
  }

  /**
   * Returns how many lines the log has now: a mark to read the next requests from.
   *
   * @return how many lines the log has now
   */
  int mark() {
    return lines().size();
  }

  /**
   * Returns the entries logged after a mark, once there are at least {@code count}. Servers
   * write a line after the response is sent, so this looks again until they are there.
   *
   * @param mark what {@link #mark()} returned before the requests
   * @param count how many requests were made since
   * @return every entry after the mark
   * @throws AssertionError if fewer than {@code count} are there after 10 s
   */
  List<Entry> entriesAfter(int mark, int count) {
    long deadline = System.nanoTime() + WRITE_DELAY.toNanos();
    List<String> lines = lines();
    while (lines.size() - mark < count && System.nanoTime() < deadline) {
      ServerProcess.pause();
      lines = lines();
    }
    if (lines.size() - mark < count) {
      throw new AssertionError("expected " + count + " requests in " + file + " after line "
          + mark + ", found " + (lines.size() - mark));
    }
    return lines.subList(mark, lines.size()).stream().map(Entry::parse).toList();
  }

  /** The complete lines; a line still being written (no newline yet) is left for later. */
  private List<String> lines() {
    try {
      String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
      List<String> lines = text.lines().toList();
      return text.endsWith("\n") ? lines : lines.subList(0, Math.max(0, lines.size() - 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
