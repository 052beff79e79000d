package dev.apikeys.sdk.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hand-written enum matches the spec's 61 values, in order. */
class PermissionTest {

  @Test
  void enumMatchesTheSpec() throws Exception {
    List<String> specValues = new ArrayList<>();
    try (InputStream spec = getClass().getResourceAsStream("/dev/apikeys/api/openapi.yaml")) {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(spec);
      root.at("/components/schemas/Permission/enum").forEach(v -> specValues.add(v.asText()));
    }

    assertEquals(61, specValues.size());
    assertEquals(specValues, Arrays.stream(Permission.values()).map(Permission::value).toList());
  }

  @Test
  void constantNamesFollowTheValues() {
    for (Permission permission : Permission.values()) {
      assertEquals(permission.value().replace('.', '_').toUpperCase(), permission.name());
      assertEquals(permission, Permission.fromValue(permission.value()));
    }
  }

  @Test
  void splitsResourceAndAction() {
    assertEquals("conversational_paths", Permission.CONVERSATIONAL_PATHS_UPDATE.resource());
    assertEquals("update", Permission.CONVERSATIONAL_PATHS_UPDATE.action());
  }

  @Test
  void looksUpAllPermissionsOfAResource() {
    assertEquals(Set.of(Permission.API_KEYS_VIEW, Permission.API_KEYS_CREATE,
        Permission.API_KEYS_DELETE, Permission.API_KEYS_UPDATE), Permission.ofResource("api_keys"));
    assertEquals(Set.of(), Permission.ofResource("spaceships"));
  }

  @Test
  void unknownValuesAreFoundAsEmptyOrRejected() {
    assertEquals(Optional.empty(), Permission.find("calls.fly"));
    assertEquals(Optional.of(Permission.CALLS_VIEW), Permission.find("calls.view"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Permission.fromValue("calls.fly"));
    assertEquals("Unknown permission: 'calls.fly'; expected one of Permission.values(),"
        + " such as calls.view", e.getMessage());
  }
}
