package dev.apikeys.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server run as a child process on a port of 127.0.0.1: started, awaited until the port
 * answers, and stopped. Its output goes to a log file under {@link #OUTPUT}, for diagnosis.
 */
final class ServerProcess implements AutoCloseable {

  /** Where servers write their logs, configurations and certificates: target/interop. */
  static final Path OUTPUT = Path.of(System.getProperty("interop.output", "target/interop"));

  private static final Duration STARTUP = Duration.ofSeconds(30);
  private static final Duration SHUTDOWN = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(25);

  private final String name;
  private final Process process;
  private final Path log;

  private ServerProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts a server and returns once its port accepts connections.
   *
   * @param name names the log file, {@code <name>.log}
   * @param command the command line
   * @param environment variables added to this process's environment
   * @param port the port the server listens on, on 127.0.0.1
   * @return the running server
   * @throws IllegalStateException if it exits or its port stays closed for 30 s; the message
   *     holds the end of its output
   */
  static ServerProcess start(String name, List<String> command, Map<String, String> environment,
      int port) {
    Path log = OUTPUT.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(createParents(log).toFile());
    builder.environment().putAll(environment);
    ServerProcess server;
    try {
      server = new ServerProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
    try {
      server.awaitPort(port);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /**
   * Returns a port of 127.0.0.1 that is free now.
   *
   * @return a port of 127.0.0.1 that is free now
   */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  /**
   * Creates the parent folders of a file.
   *
   * @param file the file
   * @return the file
   */
  static Path createParents(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a text file, creating its folders.
   *
   * @param file the file
   * @param text its content
   * @return the file
   */
  static Path write(Path file, String text) {
    try {
      return Files.writeString(createParents(file), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the file that the server's output goes to.
   *
   * @return the file that the server's output goes to
   */
  Path log() {
    return log;
  }

  /**
   * Stops the server and the processes it started (a launcher such as npx leaves its child
   * running otherwise): SIGTERM, then SIGKILL to any that has not exited within 10 s.
   */
  @Override
  public void close() {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(0, process.toHandle());
    all.forEach(ProcessHandle::destroy);
    try {
      for (ProcessHandle handle : all) {
        handle.onExit().get(SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Killed below.
    } finally {
      all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
  }

  private void awaitPort(int port) {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue()
            + " before listening on port " + port + "; its output:\n" + outputTail());
      }
      if (answers(port)) {
        return;
      }
      pause();
    }
    throw new IllegalStateException(name + " did not listen on port " + port + " within "
        + STARTUP.toSeconds() + " s; its output:\n" + outputTail());
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Waits a moment between two looks at a condition (never as a wait for the condition). */
  static void pause() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a server", e);
    }
  }

  private String outputTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }
}
