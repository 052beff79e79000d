package dev.apikeys.sdk;

import java.util.concurrent.atomic.AtomicBoolean;

/** Whether one client is still open; each derived client has its own. Thread-safe. */
final class ClientState {

  private final AtomicBoolean closed = new AtomicBoolean();

  void close() {
    closed.set(true);
  }

  boolean isClosed() {
    return closed.get();
  }

  void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("this ApiKeysClient is closed");
    }
  }
}
