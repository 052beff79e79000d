package dev.apikeys.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The API keys of every account, in memory. Every method holds the store's lock, so each
 * request sees and leaves a consistent state: no update is lost and no id is given twice.
 */
final class KeyStore {

  /** The first seeded key's {@code created_date}; each next seeded key is one minute later. */
  private static final Instant SEED_EPOCH = Instant.parse("2024-01-01T00:00:00Z");

  /** The expiry of every third seeded key. */
  private static final Instant SEED_EXPIRY = Instant.parse("2030-01-01T00:00:00Z");

  private static final List<String> SEED_PERMISSIONS = List.of("calls.view", "calls.create");

  private static final Comparator<StoredKey> ASCENDING =
      Comparator.comparing(StoredKey::createdDate).thenComparing(StoredKey::id);

  private final Clock clock;
  private final Map<String, Map<String, StoredKey>> accounts = new HashMap<>();
  private final Map<String, Replay> replays = new HashMap<>();
  private final Map<String, KeyRef> bySecret = new HashMap<>();
  private int lastNumber;

  /** Where a key is: its account and id. */
  private record KeyRef(String account, String id) {
  }

  /** A create that an {@code Idempotency-Key} will replay: its body and its result. */
  private record Replay(JsonNode body, StoredKey created) {
  }

  /** The result of a create; {@code replayed} when an idempotency key gave back a result. */
  record Created(StoredKey key, boolean replayed) {
  }

  KeyStore(Clock clock) {
    this.clock = clock;
  }

  synchronized Page list(String account, ListQuery query) {
    List<StoredKey> ordered =
        new ArrayList<>(accounts.getOrDefault(account, Map.of()).values());
    ordered.sort(query.descending() ? ASCENDING.reversed() : ASCENDING);
    if (query.before() != null) {
      List<StoredKey> earlier = live(ordered.subList(0, cursorIndex(ordered, query.before())));
      int from = Math.max(0, earlier.size() - query.limit());
      return new Page(earlier.subList(from, earlier.size()), from > 0);
    }
    int start = query.after() == null ? 0 : cursorIndex(ordered, query.after()) + 1;
    List<StoredKey> later = live(ordered.subList(start, ordered.size()));
    int size = Math.min(query.limit(), later.size());
    return new Page(later.subList(0, size), later.size() > size);
  }

  /**
   * Returns the caller that a key's secret stands for, or null when no key has it.
   *
   * @throws ApiError 401 when the key has expired
   */
  synchronized @Nullable Caller authenticate(String secret) {
    KeyRef ref = bySecret.get(secret);
    if (ref == null) {
      return null;
    }
    StoredKey key = accounts.getOrDefault(ref.account(), Map.of()).get(ref.id());
    if (key == null || key.deleted()) {
      return null;
    }
    Instant expiresAt = key.expiresAt();
    if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
      throw ApiError.of(401, "User not authenticated: API key expired");
    }
    return Caller.storedKey(ref.account(), key);
  }

  synchronized StoredKey retrieve(String account, String id) {
    StoredKey key = accounts.getOrDefault(account, Map.of()).get(id);
    if (key == null || key.deleted()) {
      throw ApiError.keyNotFound();
    }
    return key;
  }

  /**
   * Creates a key, or replays the first result of a repeated idempotency key.
   *
   * @param idempotencyKey null when the request has none
   * @param body the request body, compared with the first one of the same idempotency key
   * @throws ApiError 409 when the idempotency key was used with another body
   */
  synchronized Created create(String account, Caller caller, NewKey fields,
      String idempotencyKey, JsonNode body) {
    String replayKey = idempotencyKey == null ? null : account + '\n' + idempotencyKey;
    Replay replay = replayKey == null ? null : replays.get(replayKey);
    if (replay != null) {
      if (!replay.body().equals(body)) {
        throw ApiError.of(409, "Idempotency-Key was already used with a different request");
      }
      return new Created(replay.created(), true);
    }
    String id = nextId();
    StoredKey key = new StoredKey(id, fields.name(), fields.description(),
        clock.instant().truncatedTo(ChronoUnit.MILLIS), secretFor(account, id),
        caller.userId(), fields.restricted(), fields.permissions(), fields.expiresAt(), false);
    put(account, key);
    if (replayKey != null) {
      replays.put(replayKey, new Replay(body, key));
    }
    return new Created(key, false);
  }

  /**
   * Applies changes to a key. An API key's token that updates its own key cannot give it more
   * than it has.
   *
   * @throws ApiError 404 for no such key, 400 for changes that break the rules of keys, 403 for
   *     an API key that would gain permissions, unrestricted access or a later expiry
   */
  synchronized StoredKey update(String account, String id, KeyChanges changes, Caller caller) {
    StoredKey current = retrieve(account, id);
    StoredKey updated = current.with(changes);
    if (!caller.administrator()) {
      KeyLimits.of(account, current)
          .checkGives(updated.restricted(), updated.permissions(), updated.expiresAt());
    }
    keysOf(account).put(id, updated);
    return updated;
  }

  synchronized void delete(String account, String id) {
    keysOf(account).put(id, retrieve(account, id).asDeleted());
  }

  /** Adds {@code count} seeded keys to an account and returns their ids in order. */
  synchronized List<String> seed(String account, int count, String creatorId) {
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StoredKey key = seededKey(account, ++lastNumber, creatorId);
      put(account, key);
      ids.add(key.id());
    }
    return List.copyOf(ids);
  }

  /** Forgets every key and idempotency key, and starts the ids again from {@code key_0001}. */
  synchronized void clear() {
    accounts.clear();
    replays.clear();
    bySecret.clear();
    lastNumber = 0;
  }

  private void put(String account, StoredKey key) {
    keysOf(account).put(key.id(), key);
    bySecret.put(key.secret(), new KeyRef(account, key.id()));
  }

  private Map<String, StoredKey> keysOf(String account) {
    return accounts.computeIfAbsent(account, a -> new LinkedHashMap<>());
  }

  private String nextId() {
    return idOf(++lastNumber);
  }

  private static String idOf(int number) {
    return String.format("key_%04d", number);
  }

  private static StoredKey seededKey(String account, int number, String creatorId) {
    String id = idOf(number);
    boolean restricted = number % 2 == 0;
    return new StoredKey(id, "Seeded key " + number, "Seeded API key number " + number,
        SEED_EPOCH.plus(number - 1L, ChronoUnit.MINUTES), secretFor(account, id), creatorId,
        restricted, restricted ? SEED_PERMISSIONS : List.of(),
        number % 3 == 0 ? SEED_EXPIRY : null, false);
  }

  private static int cursorIndex(List<StoredKey> ordered, String cursor) {
    for (int i = 0; i < ordered.size(); i++) {
      if (ordered.get(i).id().equals(cursor)) {
        return i;
      }
    }
    throw ApiError.badRequest("Invalid cursor: no API key with id '" + cursor + "'");
  }

  private static List<StoredKey> live(List<StoredKey> keys) {
    return keys.stream().filter(key -> !key.deleted()).toList();
  }

  /** Derives a stable secret, so that the same seed or create gives the same key every run. */
  private static String secretFor(String account, String id) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((account + '/' + id).getBytes(StandardCharsets.UTF_8));
      return "sk-mock-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
