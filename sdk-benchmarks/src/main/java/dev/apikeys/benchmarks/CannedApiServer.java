package dev.apikeys.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

/**
 * The cheapest API server there is: HTTP/1.1 keep-alive over a raw {@link ServerSocket} on
 * 127.0.0.1, a free port, one thread per connection (virtual on JDK 21 and newer), answering
 * from {@link CannedPages} after an optional artificial latency. It reads the request line and
 * headers and writes the whole response in one write, with TCP_NODELAY, so that an answer costs
 * it microseconds and the client's own cost shows. It checks the bearer token, so that a
 * contender that skips it fails. An offer to upgrade (h2c) is ignored, as RFC 9110 allows.
 *
 * <p>Routes: {@code GET /v1/api_key/{id}} answers {@link CannedPages#RETRIEVED_ID};
 * {@code GET /v1/api_key/?after=...} answers the page after the cursor ({@code limit} is
 * ignored: pages are always {@link CannedPages#pageSize()} long).
 */
public final class CannedApiServer implements AutoCloseable {

  /** The token every contender sends. */
  public static final String TOKEN = "sk-benchmark";

  private static final String AUTHORIZATION = "Bearer " + TOKEN;
  private static final String COLLECTION = "/v1/api_key/";
  // 10,000 connections open at once in the pinning check; the kernel caps the
  // accept queue at net.core.somaxconn (4096 by default).
  private static final int BACKLOG = 10_000;
  private static final int MAX_HEAD = 16 * 1024;
  private static final byte[] UNAUTHORIZED =
      "{\"error\":\"User not authenticated\"}".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NOT_FOUND =
      "{\"error\":\"API key not found\"}".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket listener;
  private final CannedPages pages;
  private final long latencyMillis;
  private final ThreadFactory threads;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private CannedApiServer(ServerSocket listener, CannedPages pages, Duration latency) {
    this.listener = listener;
    this.pages = pages;
    this.latencyMillis = latency.toMillis();
    this.threads = threadFactory();
  }

  /**
   * Starts a server.
   *
   * @param pages what it answers
   * @param latency how long it waits before each answer; zero for none
   * @return the started server
   * @throws IOException if no port can be bound
   */
  public static CannedApiServer start(CannedPages pages, Duration latency) throws IOException {
    ServerSocket listener = new ServerSocket(0, BACKLOG, InetAddress.getLoopbackAddress());
    CannedApiServer server = new CannedApiServer(listener, pages, latency);
    Thread acceptor = new Thread(server::accept, "canned-api-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return server;
  }

  /** Returns the base URL to give a client, such as {@code http://127.0.0.1:40123}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  /** Stops the server at once and closes every connection. */
  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      // Closing anyway.
    }
    for (Socket socket : open) {
      closeQuietly(socket);
    }
  }

  private void accept() {
    while (!closed) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        return;
      }
      open.add(socket);
      threads.newThread(() -> serve(socket)).start();
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
      OutputStream out = socket.getOutputStream();
      byte[] head = new byte[MAX_HEAD];
      while (!closed) {
        int length = readHead(in, head);
        if (length < 0) {
          return;
        }
        Request request = Request.parse(head, length);
        in.skipNBytes(request.contentLength);
        out.write(answer(request));
        out.flush();
      }
    } catch (IOException e) {
      // The client closed the connection, or the server is closing.
    } finally {
      open.remove(socket);
    }
  }

  private byte[] answer(Request request) {
    if (!AUTHORIZATION.equals(request.authorization)) {
      return response(401, UNAUTHORIZED);
    }
    byte[] body = route(request.method, request.target);
    waitLatency();
    return body == null ? response(404, NOT_FOUND) : response(200, body);
  }

  private static byte[] response(int status, byte[] body) {
    byte[] head = ("HTTP/1.1 " + status + (status == 200 ? " OK" : status == 401
        ? " Unauthorized" : " Not Found") + "\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] whole = new byte[head.length + body.length];
    System.arraycopy(head, 0, whole, 0, head.length);
    System.arraycopy(body, 0, whole, head.length, body.length);
    return whole;
  }

  /** Reads up to the blank line that ends the head; -1 at the end of the stream. */
  private static int readHead(InputStream in, byte[] head) throws IOException {
    int length = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        return -1;
      }
      if (length == head.length) {
        throw new IOException("request head longer than " + head.length + " bytes");
      }
      head[length++] = (byte) b;
      if (b == '\n' && length >= 4 && head[length - 2] == '\r' && head[length - 3] == '\n'
          && head[length - 4] == '\r') {
        return length;
      }
    }
  }

  private byte[] route(String method, String target) {
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    if (!"GET".equals(method) || !path.startsWith(COLLECTION)) {
      return null;
    }
    if (path.length() == COLLECTION.length()) {
      return pages.pageAfter(queryParam(query < 0 ? null : target.substring(query + 1),
          "after"));
    }
    return pages.retrieved();
  }

  private void waitLatency() {
    if (latencyMillis > 0) {
      try {
        Thread.sleep(latencyMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String queryParam(String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing anyway.
    }
  }

  /** Virtual threads where the JDK has them, else daemon platform threads with small stacks. */
  private static ThreadFactory threadFactory() {
    if (VirtualThreads.available()) {
      try {
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        Class<?> type = Class.forName("java.lang.Thread$Builder");
        type.getMethod("name", String.class).invoke(builder, "canned-api-server");
        return (ThreadFactory) type.getMethod("factory").invoke(builder);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot make virtual threads", e);
      }
    }
    return runnable -> {
      Thread thread = new Thread(null, runnable, "canned-api-server", 256 * 1024);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The parts of a request head the server looks at. */
  private record Request(String method, String target, String authorization,
      int contentLength) {

    static Request parse(byte[] head, int length) throws IOException {
      String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
      String[] lines = text.split("\r\n");
      String[] requestLine = lines[0].split(" ");
      if (requestLine.length != 3) {
        throw new SocketException("bad request line: " + lines[0]);
      }
      String authorization = null;
      int contentLength = 0;
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = lines[i].substring(colon + 1).trim();
        if (name.equals("authorization")) {
          authorization = value;
        } else if (name.equals("content-length")) {
          contentLength = Integer.parseInt(value);
        }
      }
      return new Request(requestLine[0], requestLine[1], authorization, contentLength);
    }
  }
}
