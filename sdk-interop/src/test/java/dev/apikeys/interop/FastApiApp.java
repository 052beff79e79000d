package dev.apikeys.interop;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The FastAPI app of {@code src/test/python/apikeys_app.py}, and the settings it reads from its
 * environment. Immutable. Its seeded keys, tokens and answers are described in the app's
 * docstring.
 */
final class FastApiApp {

  /** A token of an account administrator: may do everything. */
  static final String ADMIN_TOKEN = "sk-interop-admin";

  /** A token of a restricted API key with every {@code api_keys.*} permission. */
  static final String RESTRICTED_TOKEN = "sk-interop-restricted";

  /** A token the app does not know: 401. */
  static final String UNKNOWN_TOKEN = "sk-interop-unknown";

  /** The ASGI application, for uvicorn and hypercorn. */
  static final String ASGI_APP = "apikeys_app:app";

  /** The folder of the app's sources. */
  static final Path SOURCES =
      Path.of(System.getProperty("interop.app.dir", "src/test/python")).toAbsolutePath();

  private final int seedKeys;
  private final boolean naiveDatetimes;

  private FastApiApp(int seedKeys, boolean naiveDatetimes) {
    this.seedKeys = seedKeys;
    this.naiveDatetimes = naiveDatetimes;
  }

  /**
   * Returns the app as issue 10 met it, with 25 keys: {@code datetime.utcnow()} (date-times
   * without an offset) and {@code "permissions": null} on unrestricted keys.
   *
   * @return the app as issue 10 met it
   */
  static FastApiApp naive() {
    return new FastApiApp(25, true);
  }

  /**
   * Returns the app with {@code datetime.now(timezone.utc)} (date-times with {@code +00:00})
   * and {@code "permissions": []}, with 25 keys: for the tests of transports and paging, which
   * should not fail on what the naive app's tests cover.
   *
   * @return the app with offsets and empty lists
   */
  static FastApiApp aware() {
    return new FastApiApp(25, false);
  }

  /**
   * Returns this app with another number of seeded keys.
   *
   * @param count how many keys the default account starts with
   * @return the changed app
   */
  FastApiApp seedKeys(int count) {
    return new FastApiApp(count, naiveDatetimes);
  }

  /**
   * Returns the number of seeded keys.
   *
   * @return the number of seeded keys
   */
  int seedKeys() {
    return seedKeys;
  }

  /**
   * Returns the environment that starts the app with these settings.
   *
   * @return the environment that starts the app with these settings
   */
  Map<String, String> environment() {
    return Map.of(
        "PYTHONPATH", SOURCES.toString(),
        "PYTHONUNBUFFERED", "1",
        "PYTHONDONTWRITEBYTECODE", "1",
        "APP_SEED_KEYS", Integer.toString(seedKeys),
        "APP_DATETIMES", naiveDatetimes ? "naive" : "aware",
        "APP_UNRESTRICTED_PERMISSIONS", naiveDatetimes ? "null" : "empty",
        "APP_ADMIN_TOKEN", ADMIN_TOKEN,
        "APP_RESTRICTED_TOKEN", RESTRICTED_TOKEN);
  }

  /**
   * Returns the id of seeded key {@code number}, as the app's {@code seeded_id} makes it.
   *
   * @param number from 1
   * @return the id, a name-based UUID
   */
  static String seededId(int number) {
    return UUID.nameUUIDFromBytes(("seed-" + number).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /**
   * Returns the ids of seeded keys {@code from} to {@code to}, both included, oldest first.
   *
   * @param from the first number
   * @param to the last number
   * @return the ids
   */
  static List<String> seededIds(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(FastApiApp::seededId).toList();
  }
}
