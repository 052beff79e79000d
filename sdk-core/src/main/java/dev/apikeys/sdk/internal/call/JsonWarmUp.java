package dev.apikeys.sdk.internal.call;

import dev.apikeys.sdk.internal.json.JacksonVersionCheck;
import dev.apikeys.sdk.internal.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts Jackson on another core while the caller builds its client and opens its first
 * connection, once per class loader of the SDK (once per JVM, as a rule), as Spring Boot's
 * {@code BackgroundPreinitializer} does: a new JVM's first call otherwise makes the
 * {@link JsonCodec} mapper and the reader of its first model after the answer has arrived
 * (about 200 ms of it, in BENCHMARKS.md's cold start). The thread reads one made-up key and
 * ends; whichever thread needs a class first initializes it, so the caller never waits for the
 * warm-up, only at most for a class it was about to initialize itself. Nothing is started on a
 * single-core machine, where it could only compete with the caller.
 */
public final class JsonWarmUp {

  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static final byte[] SAMPLE = ("{\"id\": \"key_0\", \"name\": \"warm-up\","
      + " \"description\": \"\", \"created_date\": \"2024-01-15T10:30:00Z\","
      + " \"last_four_digits\": \"0000\", \"creator_id\": \"user_0\", \"restricted\": true,"
      + " \"permissions\": [\"calls.view\"], \"expires_at\": null}")
      .getBytes(StandardCharsets.UTF_8);

  private JsonWarmUp() {
  }

  /**
   * Starts the warm-up unless it was started before.
   *
   * @param model the model to read, the one a first call most likely reads
   */
  public static void start(Class<?> model) {
    if (!STARTED.compareAndSet(false, true)
        || Runtime.getRuntime().availableProcessors() < 2) {
      return;
    }
    Thread thread = new Thread(new SampleRead(model), "apikeys-json-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  /** A class, not a lambda: the JVM's first lambda costs its caller tens of milliseconds. */
  private static final class SampleRead implements Runnable {
    private final Class<?> model;

    SampleRead(Class<?> model) {
      this.model = model;
    }

    @Override
    public void run() {
      try {
        JacksonVersionCheck.requireSupported();
      } catch (RuntimeException | LinkageError unsupported) {
        return;   // build() names the version; nothing here may fail first
      }
      try {
        JsonCodec.read(SAMPLE, model);
      } catch (Throwable e) {
        // A class that failed to initialize here fails the caller's first call without its
        // cause (a NoClassDefFoundError), so the cause is logged.
        System.getLogger(CallEngine.LOGGER_NAME).log(System.Logger.Level.WARNING,
            "Jackson could not be set up for the SDK: " + e, e);
      }
    }
  }
}
