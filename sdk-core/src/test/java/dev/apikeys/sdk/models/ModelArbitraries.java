package dev.apikeys.sdk.models;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/**
 * Generators of the models and their parts, for the property tests of this package. Whole
 * models are generated without jqwik's combined edge cases, which would outnumber the tries;
 * their parts keep theirs.
 */
final class ModelArbitraries {

  /** The years RFC 3339 can carry: 0000 to 9999 (a day inside, for any offset). */
  private static final long MIN_SECOND =
      OffsetDateTime.of(0, 1, 2, 0, 0, 0, 0, ZoneOffset.UTC).toEpochSecond();
  private static final long MAX_SECOND =
      OffsetDateTime.of(9999, 12, 30, 23, 59, 59, 0, ZoneOffset.UTC).toEpochSecond();
  private static final int MAX_OFFSET_MINUTES = 18 * 60;

  private ModelArbitraries() {
  }

  /**
   * Any well-formed text: every char of plane 0 (control characters included) and surrogate
   * pairs, but no lone surrogate, which the builders refuse.
   */
  static Arbitrary<String> texts() {
    return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20),
        Arbitraries.strings().all().ofMaxLength(20).filter(ModelArbitraries::isWellFormed));
  }

  /** Texts of one to twenty well-formed characters. */
  static Arbitrary<String> names() {
    return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20)
        .filter(ModelArbitraries::isWellFormed);
  }

  /** Texts with at least one lone surrogate, which the builders refuse. */
  static Arbitrary<String> malformedTexts() {
    return Combinators.combine(texts(), Arbitraries.chars().range('\uD800', '\uDFFF'),
        texts()).as((before, surrogate, after) -> before + surrogate + "x" + after)
        .filter(text -> !isWellFormed(text));
  }

  static boolean isWellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** Date-times RFC 3339 can carry, any offset in whole minutes, whole seconds to nanos. */
  static Arbitrary<OffsetDateTime> dateTimes() {
    Arbitrary<Long> seconds = Arbitraries.oneOf(
        Arbitraries.longs().between(MIN_SECOND, MAX_SECOND),
        Arbitraries.longs().between(1_600_000_000L, 2_000_000_000L));
    Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0),
        Arbitraries.integers().between(0, 999).map(millis -> millis * 1_000_000),
        Arbitraries.integers().between(0, 999_999_999));
    Arbitrary<Integer> offsets = Arbitraries.oneOf(Arbitraries.just(0),
        Arbitraries.integers().between(-72, 72).map(quarters -> quarters * 900),
        Arbitraries.integers().between(-MAX_OFFSET_MINUTES, MAX_OFFSET_MINUTES)
            .map(minutes -> minutes * 60));
    return Combinators.combine(seconds, nanos, offsets).as((second, nano, offset) ->
        OffsetDateTime.ofInstant(Instant.ofEpochSecond(second, nano),
            ZoneOffset.ofTotalSeconds(offset)));
  }

  /** Permission values: known ones, unknown ones the server may add, and any text. */
  static Arbitrary<String> permissionValues() {
    return Arbitraries.oneOf(
        Arbitraries.of(Permission.class).map(Permission::value),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10)
            .map(resource -> resource.toLowerCase(Locale.ROOT) + ".teleport"),
        texts());
  }

  static Arbitrary<List<String>> permissionValueLists() {
    return permissionValues().list().ofMaxSize(6);
  }

  /** The three states of {@code expires_at}: absent, explicit null, a date-time. */
  static Arbitrary<Expiry> expiries() {
    return Arbitraries.oneOf(Arbitraries.just(Expiry.ABSENT), Arbitraries.just(Expiry.NEVER),
        dateTimes().map(Expiry::at));
  }

  static Arbitrary<ApiKey> apiKeys() {
    return Builders.withBuilder(ApiKey::builder)
        .use(texts()).in(ApiKey.Builder::id)
        .use(texts()).in(ApiKey.Builder::name)
        .use(texts()).withProbability(0.5).in(ApiKey.Builder::description)
        .use(dateTimes()).in(ApiKey.Builder::createdDate)
        .use(texts()).in(ApiKey.Builder::lastFourDigits)
        .use(texts()).in(ApiKey.Builder::creatorId)
        .use(Arbitraries.of(true, false)).in(ApiKey.Builder::restricted)
        .use(permissionValueLists()).in(ApiKey.Builder::permissionValues)
        .use(expiries()).in((builder, expiry) -> expiry.set()
            ? builder.expiresAt(expiry.value()) : builder)
        .build(ApiKey.Builder::build).withoutEdgeCases();
  }

  static Arbitrary<ApiKeyWithSecret> keysWithSecret() {
    return Builders.withBuilder(ApiKeyWithSecret::builder)
        .use(texts()).in(ApiKeyWithSecret.Builder::id)
        .use(texts()).in(ApiKeyWithSecret.Builder::name)
        .use(texts()).withProbability(0.5).in(ApiKeyWithSecret.Builder::description)
        .use(dateTimes()).in(ApiKeyWithSecret.Builder::createdDate)
        .use(texts()).in(ApiKeyWithSecret.Builder::lastFourDigits)
        .use(texts()).in(ApiKeyWithSecret.Builder::creatorId)
        .use(Arbitraries.of(true, false)).in(ApiKeyWithSecret.Builder::restricted)
        .use(permissionValueLists()).in(ApiKeyWithSecret.Builder::permissionValues)
        .use(expiries()).in((builder, expiry) -> expiry.set()
            ? builder.expiresAt(expiry.value()) : builder)
        .use(secrets()).in(ApiKeyWithSecret.Builder::key)
        .build(ApiKeyWithSecret.Builder::build).withoutEdgeCases();
  }

  /** Secrets as the API makes them: a prefix and at least 24 letters and digits. */
  static Arbitrary<String> secrets() {
    return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
        .ofMinLength(24).ofMaxLength(48).map(random -> "sk-" + random);
  }

  /** Lists whose {@code first_id} and {@code last_id} are each absent, null or an id. */
  static Arbitrary<ApiKeyList> keyLists() {
    Arbitrary<String> ids = texts();
    return Builders.withBuilder(ApiKeyList::builder)
        .use(apiKeys().list().ofMaxSize(3)).in(ApiKeyList.Builder::data)
        .use(Arbitraries.of(true, false)).in(ApiKeyList.Builder::hasMore)
        .use(ids.injectNull(0.3)).withProbability(0.7).in(ApiKeyList.Builder::firstId)
        .use(ids.injectNull(0.3)).withProbability(0.7).in(ApiKeyList.Builder::lastId)
        .build(ApiKeyList.Builder::build).withoutEdgeCases();
  }

  /** Valid create params: permissions only on a restricted key. */
  static Arbitrary<CreateApiKeyParams> createParams() {
    return Combinators.combine(names(),
        texts().injectNull(0.5), Arbitraries.of(true, false).injectNull(0.3),
        permissionValueLists().injectNull(0.3), dateTimes().injectNull(0.5))
        .as((name, description, restricted, permissions, expiresAt) ->
            CreateApiKeyParams.builder().name(name).description(description)
                .restricted(restricted)
                .permissionValues(Boolean.TRUE.equals(restricted) ? permissions : null)
                .expiresAt(expiresAt).build())
        .withoutEdgeCases();
  }

  /** Valid update params: permissions unless {@code restricted} is false. */
  static Arbitrary<UpdateApiKeyParams> updateParams() {
    return Combinators.combine(names().injectNull(0.4), texts().injectNull(0.5),
        Arbitraries.of(true, false).injectNull(0.4), permissionValueLists().injectNull(0.4),
        expiries())
        .as((name, description, restricted, permissions, expiry) -> {
          UpdateApiKeyParams.Builder builder = UpdateApiKeyParams.builder().name(name)
              .description(description).restricted(restricted)
              .permissionValues(Boolean.FALSE.equals(restricted) ? null : permissions);
          return (expiry.set() ? builder.expiresAt(expiry.value()) : builder).build();
        })
        .withoutEdgeCases();
  }

  /**
   * A field with three states: absent ({@code set} false), null, or a value.
   *
   * @param set whether the field is present
   * @param value its value when present, or null
   */
  record Expiry(boolean set, OffsetDateTime value) {
    static final Expiry ABSENT = new Expiry(false, null);
    static final Expiry NEVER = new Expiry(true, null);

    static Expiry at(OffsetDateTime value) {
      return new Expiry(true, value);
    }
  }
}
