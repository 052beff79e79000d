package dev.apikeys.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A minimal HTTP/1.1 server on a loopback socket, to see what the client does with its
 * connections: it answers each request as its rule says, or holds it (with no byte sent, or
 * after the headers and the first byte of the body), noting when the client closes that
 * connection. Its threads end on close.
 */
final class StallingServer implements AutoCloseable {

  private final ServerSocket listener;
  private final Function<String, Answer> answers;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final LinkedBlockingQueue<Stall> stalls = new LinkedBlockingQueue<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger held = new AtomicInteger();

  /**
   * Starts a server.
   *
   * @param answers tells how to answer a request target such as {@code /v1/api_key/?limit=5}
   */
  StallingServer(Function<String, Answer> answers) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.answers = answers;
    start("stalling-server-accept", this::accept);
  }

  /** Returns the base URL of this server. */
  String baseUrl() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  /** Waits up to {@code bound} for a request to be held and returns it. */
  Stall awaitStall(Duration bound) throws InterruptedException {
    Stall stall = stalls.poll(bound.toNanos(), TimeUnit.NANOSECONDS);
    if (stall == null) {
      throw new AssertionError("no request was held within " + bound);
    }
    return stall;
  }

  /** Returns how many requests came, answered or held. */
  int requests() {
    return requests.get();
  }

  /** Returns how many requests were held. */
  int held() {
    return held.get();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : sockets) {
      socket.close();
    }
    try {
      for (Thread thread : threads) {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while its threads end", e);
    }
  }

  private void accept() {
    try {
      while (!listener.isClosed()) {
        Socket socket = listener.accept();
        sockets.add(socket);
        start("stalling-server-connection-" + sockets.size(), () -> serve(socket));
      }
    } catch (IOException closed) {
      // The listener was closed: the server stops.
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        String target = readRequest(in);
        if (target == null) {
          return;
        }
        requests.incrementAndGet();
        Answer answer = answers.apply(target);
        if (answer.body() == null) {
          if (answer.headersFirst()) {
            writeHead(out, 1000);
            out.write('{');
            out.flush();
          }
          hold(target, in);
          return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        writeHead(out, bytes.length);
        out.write(bytes);
        out.flush();
      }
    } catch (IOException e) {
      // The client or close() ended the connection.
    }
  }

  private static void writeHead(OutputStream out, int contentLength) throws IOException {
    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
  }

  /** Holds a request: reads until the client closes the connection, then notes when. */
  private void hold(String target, InputStream in) {
    Stall stall = new Stall(target, System.nanoTime(), new CompletableFuture<>());
    held.incrementAndGet();
    stalls.add(stall);
    try {
      while (in.read() >= 0) {
        // Whatever the client sends now is not a request we answer.
      }
    } catch (IOException reset) {
      // A reset closes the connection as well.
    }
    stall.closedAt().complete(System.nanoTime());
  }

  /** Reads one request and returns its target, or null at the end of the stream. */
  private static String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
    long length = 0;
    for (String line : lines) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Long.parseLong(line.substring("content-length:".length()).trim());
      }
    }
    in.skipNBytes(length);
    return lines[0].split(" ")[1];
  }

  private void start(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  /**
   * How to answer a request: with a 200 and a JSON body, or not at all ({@code body} null),
   * optionally after sending the headers and the first byte of a longer body.
   *
   * @param body the JSON body, or null to hold the request
   * @param headersFirst whether a held request gets its headers first
   */
  record Answer(String body, boolean headersFirst) {

    static Answer json(String body) {
      return new Answer(body, false);
    }

    static Answer hold() {
      return new Answer(null, false);
    }

    static Answer headersThenHold() {
      return new Answer(null, true);
    }
  }

  /**
   * A request the server holds.
   *
   * @param target the request target
   * @param heldAt when it began to be held, in {@link System#nanoTime()}
   * @param closedAt completes with when the client closed its connection
   */
  record Stall(String target, long heldAt, CompletableFuture<Long> closedAt) {

    /** Waits up to {@code bound} for the client to close the connection; returns when. */
    long awaitClosed(Duration bound) throws Exception {
      try {
        return closedAt.get(bound.toNanos(), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError("the client kept the connection of " + target + " open for "
            + bound, e);
      }
    }
  }
}
