package dev.apikeys.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's tinyproxy 1.11 as a forward proxy on a free port of 127.0.0.1, started before a test
 * class's tests and stopped after them (register it as a {@code static} field with
 * {@code @RegisterExtension}, after the servers it tunnels to): it takes requests from
 * 127.0.0.1 only, opens {@code CONNECT} tunnels to one port only, and, when made
 * {@link #withCredentials}, asks for Basic credentials ({@code 407} without them; tinyproxy
 * answers wrong ones with {@code 401} and a Basic challenge). Its configuration and log go to
 * {@code target/interop/<TestClass>-tinyproxy[-auth]/}; the log has a line for each request it
 * took ({@code Request (file descriptor N): GET http://... HTTP/1.1}, or
 * {@code CONNECT host:port HTTP/1.1}) and for each connection.
 */
final class TinyProxy implements BeforeAllCallback, AfterAllCallback {

  /** Where Debian's tinyproxy is. */
  static final Path TINYPROXY = Path.of("/usr/bin/tinyproxy");

  private static final String REQUEST = "]: Request (file descriptor ";
  private static final String CONNECTION = "]: Connect (file descriptor ";
  private static final Duration WRITE_DELAY = Duration.ofSeconds(10);

  private final String username;
  private final String password;
  private final IntSupplier connectPort;
  private ServerProcess process;
  private int port;
  private Path log;

  private TinyProxy(String username, String password, IntSupplier connectPort) {
    this.username = username;
    this.password = password;
    this.connectPort = connectPort;
  }

  /**
   * Returns a proxy that asks for no credentials.
   *
   * @param connectPort the one port it opens {@code CONNECT} tunnels to, asked at start
   * @return the proxy, to be registered
   */
  static TinyProxy open(IntSupplier connectPort) {
    return new TinyProxy(null, null, connectPort);
  }

  /**
   * Returns a proxy that asks for Basic credentials.
   *
   * @param username the user it knows
   * @param password that user's password, without white space
   * @param connectPort the one port it opens {@code CONNECT} tunnels to, asked at start
   * @return the proxy, to be registered
   */
  static TinyProxy withCredentials(String username, String password, IntSupplier connectPort) {
    return new TinyProxy(username, password, connectPort);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Prerequisites.requireExecutable(TINYPROXY, "tinyproxy");
    String name = context.getRequiredTestClass().getSimpleName() + "-tinyproxy"
        + (username == null ? "" : "-auth");
    Path folder = ServerProcess.OUTPUT.resolve(name).toAbsolutePath();
    log = folder.resolve("tinyproxy.log");
    port = ServerProcess.freePort();
    Path config = ServerProcess.write(folder.resolve("tinyproxy.conf"), configuration(folder));
    process = ServerProcess.start(name + "/process", List.of(TINYPROXY.toString(), "-d",
        "-c", config.toString()), Map.of(), port);
  }

  private String configuration(Path folder) {
    return """
        Port %d
        Listen 127.0.0.1
        Timeout 30
        LogFile "%s"
        LogLevel Info
        PidFile "%s"
        MaxClients 50
        Allow 127.0.0.1
        ConnectPort %d
        DisableViaHeader Yes
        %s
        """.formatted(port, log, folder.resolve("tinyproxy.pid"), connectPort.getAsInt(),
        username == null ? "" : "BasicAuth " + username + " " + password);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (process != null) {
      process.close();
    }
  }

  /**
   * Returns the proxy's URL, {@code http://127.0.0.1:port}.
   *
   * @return the proxy's URL
   */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * Returns the proxy's port.
   *
   * @return the proxy's port
   */
  int port() {
    return port;
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
   * Returns the request lines taken after a mark, such as {@code CONNECT 127.0.0.1:8443
   * HTTP/1.1}, once there are at least {@code count}.
   *
   * @param mark what {@link #mark()} returned before the requests
   * @param count how many requests are expected at least
   * @return every request taken after the mark, in order
   * @throws AssertionError if fewer than {@code count} are there after 10 s
   */
  List<String> requestsAfter(int mark, int count) {
    long deadline = System.nanoTime() + WRITE_DELAY.toNanos();
    List<String> requests = requests(mark);
    while (requests.size() < count && System.nanoTime() < deadline) {
      ServerProcess.pause();
      requests = requests(mark);
    }
    if (requests.size() < count) {
      throw new AssertionError("expected " + count + " requests in " + log + " after line "
          + mark + ", found " + requests);
    }
    return requests;
  }

  /**
   * Returns the connections and requests logged after a mark: none when nothing came to the
   * proxy. tinyproxy writes a connection's line when it accepts it, before any answer.
   *
   * @param mark what {@link #mark()} returned before the requests
   * @return the connection and request lines after the mark
   */
  List<String> trafficAfter(int mark) {
    List<String> lines = lines();
    return lines.subList(Math.min(mark, lines.size()), lines.size()).stream()
        .filter(line -> line.contains(REQUEST) || line.contains(CONNECTION)).toList();
  }

  private List<String> requests(int mark) {
    List<String> lines = lines();
    return lines.subList(Math.min(mark, lines.size()), lines.size()).stream()
        .filter(line -> line.contains(REQUEST))
        .map(line -> line.substring(line.indexOf("): ", line.indexOf(REQUEST)) + 3))
        .toList();
  }

  /** The complete lines; a line still being written (no newline yet) is left for later. */
  private List<String> lines() {
    try {
      String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      List<String> lines = text.lines().toList();
      return text.endsWith("\n") ? lines : lines.subList(0, Math.max(0, lines.size() - 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
