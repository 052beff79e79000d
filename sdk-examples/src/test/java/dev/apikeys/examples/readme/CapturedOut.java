package dev.apikeys.examples.readme;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What README snippets print to {@code System.out}, captured while it is open so that tests
 * can check it; closing it puts the console back.
 */
final class CapturedOut implements AutoCloseable {

  private final PrintStream console = System.out;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private CapturedOut() {
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
  }

  /** Starts capturing. */
  static CapturedOut start() {
    return new CapturedOut();
  }

  /** Returns the lines printed so far. */
  List<String> lines() {
    System.out.flush();
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Override
  public void close() {
    System.setOut(console);
  }
}
