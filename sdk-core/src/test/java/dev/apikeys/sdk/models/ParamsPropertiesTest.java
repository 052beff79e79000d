package dev.apikeys.sdk.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.WithNull;

/**
 * The rules of the params builders hold for every input: the range of {@code limit}, blank
 * cursors, one cursor at a time, a non-empty name, permissions only where a key may be
 * restricted, the three states of {@code expires_at}, and raw permission values kept as given.
 */
class ParamsPropertiesTest {

  @Property
  void limitFromOneToOneThousandIsKept(@ForAll @IntRange(min = 1, max = 1000) int limit) {
    assertEquals(OptionalInt.of(limit),
        ListApiKeysParams.builder().limit(limit).build().limit());
  }

  @Property
  void limitOutsideTheRangeFailsNamingTheFieldTheRangeAndTheValue(
      @ForAll("outOfRangeLimits") int limit) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ListApiKeysParams.builder().limit(limit));

    assertEquals("limit must be between 1 and 1000, was " + limit, error.getMessage());
  }

  @Property
  void blankCursorFailsNamingTheField(@ForAll("blanks") String blank,
      @ForAll boolean after) {
    ListApiKeysParams.Builder builder = ListApiKeysParams.builder();
    String field = after ? "after" : "before";

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> {
          if (after) {
            builder.after(blank);
          } else {
            builder.before(blank);
          }
        });

    assertEquals(field + " must not be blank", error.getMessage());
  }

  @Property
  void theLastCursorSetWinsAndClearsTheOther(@ForAll("cursors") String first,
      @ForAll("cursors") String second, @ForAll boolean afterFirst) {
    ListApiKeysParams.Builder builder = ListApiKeysParams.builder();
    ListApiKeysParams params = afterFirst ? builder.after(first).before(second).build()
        : builder.before(first).after(second).build();

    assertEquals(afterFirst ? Optional.empty() : Optional.of(second), params.after());
    assertEquals(afterFirst ? Optional.of(second) : Optional.empty(), params.before());
  }

  @Property
  void listParamsSurviveToBuilder(@ForAll("listParams") ListApiKeysParams params) {
    ListApiKeysParams copy = params.toBuilder().build();

    assertEquals(params, copy);
    assertEquals(params.hashCode(), copy.hashCode());
    assertEquals(params.toString(), copy.toString());
  }

  @Property
  void createNeedsANonEmptyName(@ForAll String name) {
    if (name.isEmpty()) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> CreateApiKeyParams.builder().name(name));
      assertTrue(error.getMessage().startsWith("name "), error.getMessage());
    } else {
      assertEquals(name, CreateApiKeyParams.builder().name(name).build().name());
    }
  }

  @Property
  void createTakesPermissionsOnlyOnAKeySetRestricted(@ForAll @WithNull Boolean restricted,
      @ForAll("permissionLists") List<Permission> permissions) {
    CreateApiKeyParams.Builder builder = CreateApiKeyParams.builder().name("ci")
        .restricted(restricted).permissions(permissions);

    if (Boolean.TRUE.equals(restricted)) {
      assertEquals(Optional.of(permissions), builder.build().permissions());
    } else {
      IllegalArgumentException error =
          assertThrows(IllegalArgumentException.class, builder::build);
      assertTrue(error.getMessage().startsWith("permissions can only be set on a restricted"
          + " key"), error.getMessage());
    }
  }

  @Property
  void updateRefusesPermissionsOnlyWhenRestrictedIsFalse(@ForAll @WithNull Boolean restricted,
      @ForAll("permissionLists") List<Permission> permissions) {
    UpdateApiKeyParams.Builder builder = UpdateApiKeyParams.builder().restricted(restricted)
        .permissions(permissions);

    if (Boolean.FALSE.equals(restricted)) {
      IllegalArgumentException error =
          assertThrows(IllegalArgumentException.class, builder::build);
      assertTrue(error.getMessage().contains("restricted is false"), error.getMessage());
    } else {
      assertEquals(Optional.of(permissions), builder.build().permissions());
    }
  }

  /** More tries than usual: the date-times' edge cases (years, offsets, nanos) are many. */
  @Property(tries = 3000)
  void updateKeepsTheThreeStatesOfExpiresAt(
      @ForAll("expiries") ModelArbitraries.Expiry expiry) {
    UpdateApiKeyParams.Builder builder = UpdateApiKeyParams.builder();
    UpdateApiKeyParams params = (expiry.set() ? builder.expiresAt(expiry.value()) : builder)
        .build();

    assertEquals(expiry.set(), params.isExpiresAtSet());
    assertEquals(Optional.ofNullable(expiry.value()), params.expiresAt());
    assertEquals(params, params.toBuilder().build());
  }

  @Property
  void rawPermissionValuesAreKeptAsGivenAndOnlyKnownOnesBecomeConstants(
      @ForAll("permissionValueLists") List<String> values) {
    UpdateApiKeyParams params = UpdateApiKeyParams.builder().restricted(true)
        .permissionValues(values).build();
    List<Permission> known = new ArrayList<>();
    values.forEach(value -> Permission.find(value).ifPresent(known::add));

    assertEquals(Optional.of(values), params.permissionValues());
    assertEquals(Optional.of(known), params.permissions());
  }

  @Property
  void nullInsidePermissionValuesFailsNamingItsIndex(
      @ForAll("permissionValueLists") List<String> values, @ForAll("indexes") int at) {
    List<String> withNull = new ArrayList<>(values);
    int index = Math.min(at, withNull.size());
    withNull.add(index, null);

    NullPointerException error = assertThrows(NullPointerException.class,
        () -> UpdateApiKeyParams.builder().permissionValues(withNull));

    assertEquals("permissionValues[" + index + "] must not be null", error.getMessage());
  }

  @Property
  void aLoneSurrogateIsRefusedInEveryTextNamingTheField(
      @ForAll("malformedTexts") String malformed) {
    assertRefused("name", () -> CreateApiKeyParams.builder().name(malformed));
    assertRefused("description", () -> UpdateApiKeyParams.builder().description(malformed));
    assertRefused("permissionValues[0]",
        () -> UpdateApiKeyParams.builder().permissionValues(List.of(malformed)));
    assertRefused("after", () -> ListApiKeysParams.builder().after(malformed));
    assertRefused("before", () -> ListApiKeysParams.builder().before(malformed));
    assertRefused("description", () -> ApiKeyInput.builder().description(malformed));
    assertRefused("flatPermissionsList[0]",
        () -> ApiKeyInput.builder().flatPermissionsList(List.of(malformed)));
  }

  private static void assertRefused(String field, Runnable setter) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        setter::run);
    assertTrue(error.getMessage().startsWith(field + " must be well-formed Unicode text"),
        error.getMessage());
  }

  @Provide
  Arbitrary<String> malformedTexts() {
    return ModelArbitraries.malformedTexts();
  }

  @Property
  void everyPermissionRoundTripsThroughItsValue(@ForAll Permission permission) {
    assertEquals(permission, Permission.fromValue(permission.value()));
    assertEquals(Optional.of(permission), Permission.find(permission.value()));
  }

  @Property
  void aValueOfNoPermissionIsUnknown(@ForAll("permissionValues") String value) {
    boolean known = List.of(Permission.values()).stream()
        .anyMatch(permission -> permission.value().equals(value));

    assertEquals(known, Permission.find(value).isPresent());
    if (!known) {
      assertThrows(IllegalArgumentException.class, () -> Permission.fromValue(value));
    }
  }

  @Provide
  Arbitrary<Integer> outOfRangeLimits() {
    return Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(0),
        Arbitraries.integers().greaterOrEqual(1001));
  }

  @Provide
  Arbitrary<String> blanks() {
    return Arbitraries.strings().withChars(" \t\n\r\u000B\f\u2003\u3000").ofMaxLength(8);
  }

  @Provide
  Arbitrary<String> cursors() {
    return ModelArbitraries.texts().filter(text -> !text.isBlank());
  }

  @Provide
  Arbitrary<ListApiKeysParams> listParams() {
    return Combinators.combine(Arbitraries.integers().between(1, 1000).injectNull(0.3),
        Arbitraries.of(SortOrder.class).injectNull(0.3), cursors().injectNull(0.5),
        Arbitraries.of(true, false))
        .as((limit, order, cursor, after) -> {
          ListApiKeysParams.Builder builder = ListApiKeysParams.builder().order(order);
          if (limit != null) {
            builder.limit(limit);
          }
          return (after ? builder.after(cursor) : builder.before(cursor)).build();
        });
  }

  @Provide
  Arbitrary<List<Permission>> permissionLists() {
    return Arbitraries.of(Permission.class).list().ofMaxSize(6);
  }

  @Provide
  Arbitrary<String> permissionValues() {
    return ModelArbitraries.permissionValues();
  }

  @Provide
  Arbitrary<List<String>> permissionValueLists() {
    return ModelArbitraries.permissionValueLists();
  }

  @Provide
  Arbitrary<ModelArbitraries.Expiry> expiries() {
    return ModelArbitraries.expiries();
  }

  @Provide
  Arbitrary<Integer> indexes() {
    return Arbitraries.integers().between(0, 6);
  }
}
