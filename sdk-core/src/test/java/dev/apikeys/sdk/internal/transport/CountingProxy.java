package dev.apikeys.sdk.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay to a local port that counts the bytes the server sends back, so that a test can
 * measure what travels on the wire, headers included.
 */
final class CountingProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int targetPort;
  private final AtomicLong downstreamBytes = new AtomicLong();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  CountingProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accepting = new Thread(this::accept, "counting-proxy-accept");
    accepting.setDaemon(true);
    accepting.start();
  }

  /** Returns the base URL that goes through this relay. */
  String baseUrl() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  /** Returns how many bytes the server has sent so far, on every connection. */
  long downstreamBytes() {
    return downstreamBytes.get();
  }

  private void accept() {
    try {
      while (true) {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(server);
        pump(client, server, new AtomicLong());
        pump(server, client, downstreamBytes);
      }
    } catch (IOException closed) {
      // The relay was closed.
    }
  }

  private static void pump(Socket from, Socket to, AtomicLong counter) {
    Thread pumping = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          counter.addAndGet(read);
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException closed) {
        // One side closed the connection.
      }
    }, "counting-proxy-pump");
    pumping.setDaemon(true);
    pumping.start();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
