package dev.apikeys.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The limit: HTTP/1.1 keep-alive written and read by hand over plain sockets, the body decoded
 * with the same Jackson set-up as {@link FloorClient}'s. Idle connections wait in a lock-free
 * queue; a call takes one (or opens one), writes its request in one write, reads the head up
 * to {@code Content-Length}, reads the body, and puts the connection back. No client can do
 * less on the wire. Supports only what the canned server sends (no chunking). Thread-safe.
 */
public final class RawSocketClient implements AutoCloseable {

  private static final int HEAD_LIMIT = 8192;

  private final String host;
  private final int port;
  private final String hostHeader;
  private final String authorization;
  private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

  /**
   * Creates a client.
   *
   * @param baseUrl such as {@code http://127.0.0.1:40123}
   * @param token the bearer token
   */
  public RawSocketClient(URI baseUrl, String token) {
    this.host = baseUrl.getHost();
    this.port = baseUrl.getPort();
    this.hostHeader = host + ":" + port;
    this.authorization = "Bearer " + token;
  }

  /** Retrieves one key: {@code GET /v1/api_key/{id}}. */
  public FloorClient.Key retrieve(String id) throws IOException {
    return FloorClient.MAPPER.readValue(
        get("/v1/api_key/" + URLEncoder.encode(id, StandardCharsets.UTF_8)),
        FloorClient.Key.class);
  }

  /** Lists one page: {@code GET /v1/api_key/?limit=..&after=..}; after may be null. */
  public FloorClient.Page list(int limit, String after) throws IOException {
    String query = "?limit=" + limit
        + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
    return FloorClient.MAPPER.readValue(get("/v1/api_key/" + query), FloorClient.Page.class);
  }

  private byte[] get(String pathAndQuery) throws IOException {
    byte[] request = ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + hostHeader
        + "\r\nAuthorization: " + authorization + "\r\nAccept: application/json\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    Connection connection = idle.poll();
    if (connection == null) {
      connection = new Connection(host, port);
    }
    byte[] body;
    try {
      body = connection.exchange(request);
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw e;
    }
    idle.offer(connection);
    return body;
  }

  /** Closes the idle connections. */
  @Override
  public void close() {
    Connection connection;
    while ((connection = idle.poll()) != null) {
      connection.close();
    }
  }

  /** One keep-alive connection and its read buffer. */
  private static final class Connection {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[HEAD_LIMIT];
    private int start;
    private int end;

    Connection(String host, int port) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port));
      in = socket.getInputStream();
      out = socket.getOutputStream();
    }

    byte[] exchange(byte[] request) throws IOException {
      out.write(request);
      int headEnd = fillHead();
      int status = parseStatus(headEnd);
      int length = contentLength(headEnd);
      start = headEnd;
      byte[] body = new byte[length];
      int copied = Math.min(length, end - start);
      System.arraycopy(buffer, start, body, 0, copied);
      start += copied;
      while (copied < length) {
        int read = in.read(body, copied, length - copied);
        if (read < 0) {
          throw new IOException("connection closed in a body");
        }
        copied += read;
      }
      if (status != 200) {
        throw new IOException("HTTP " + status);
      }
      return body;
    }

    /** Reads until the head's blank line; returns the offset just past it. */
    private int fillHead() throws IOException {
      if (start > 0) {
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
      }
      int scanned = 0;
      while (true) {
        for (int i = Math.max(3, scanned); i < end; i++) {
          if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n'
              && buffer[i - 3] == '\r') {
            return i + 1;
          }
        }
        scanned = end;
        if (end == buffer.length) {
          throw new IOException("response head longer than " + buffer.length + " bytes");
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
          throw new IOException("connection closed before a response");
        }
        end += read;
      }
    }

    private int parseStatus(int headEnd) throws IOException {
      // "HTTP/1.1 200 "
      if (headEnd < 12 || buffer[8] != ' ') {
        throw new IOException("not an HTTP/1.1 status line");
      }
      return (buffer[9] - '0') * 100 + (buffer[10] - '0') * 10 + (buffer[11] - '0');
    }

    private int contentLength(int headEnd) throws IOException {
      byte[] name = "content-length:".getBytes(StandardCharsets.US_ASCII);
      for (int line = 0; line < headEnd; line++) {
        if (line > 0 && buffer[line - 1] != '\n') {
          continue;
        }
        int i = 0;
        while (i < name.length && line + i < headEnd
            && (buffer[line + i] | 0x20) == name[i]) {
          i++;
        }
        if (i == name.length) {
          int at = line + i;
          while (buffer[at] == ' ') {
            at++;
          }
          int value = 0;
          while (buffer[at] >= '0' && buffer[at] <= '9') {
            value = value * 10 + (buffer[at++] - '0');
          }
          return value;
        }
      }
      throw new IOException("no Content-Length in the response");
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing anyway.
      }
    }
  }
}
