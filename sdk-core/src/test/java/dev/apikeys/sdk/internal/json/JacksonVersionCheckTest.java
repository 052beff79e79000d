package dev.apikeys.sdk.internal.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.util.VersionUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JacksonVersionCheckTest {

  @Test
  void refusesAnOlderVersionNamingItAndTheOldestSupported() {
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> JacksonVersionCheck.require(databind("2.12.7")));

    assertEquals("apikeys-sdk-core needs jackson-databind 2.15.0 or newer; found 2.12.7 on"
        + " the class path", thrown.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.9.13", "2.0.0", "2.13.5", "2.14.3", "2.14.99", "2.14.3-SNAPSHOT"})
  void refusesEveryVersionBeforeTheOldestSupported(String found) {
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> JacksonVersionCheck.require(databind(found)));

    assertEquals("apikeys-sdk-core needs jackson-databind 2.15.0 or newer; found "
        + databind(found) + " on the class path", thrown.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.15.0", "2.15.0-rc1", "2.15.4", "2.16.0", "2.17.3", "2.19.4",
      "2.23.0", "2.24.0-SNAPSHOT"})
  void acceptsTheOldestSupportedAndNewer(String found) {
    assertDoesNotThrow(() -> JacksonVersionCheck.require(databind(found)));
  }

  private static Version databind(String version) {
    return VersionUtil.parseVersion(version, "com.fasterxml.jackson.core", "jackson-databind");
  }
}
