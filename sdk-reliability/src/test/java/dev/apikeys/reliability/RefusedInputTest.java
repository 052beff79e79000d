package dev.apikeys.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.models.ApiKeyInput;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import dev.apikeys.testkit.MockApiKeysServer;
import dev.apikeys.testkit.MockApiKeysServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ids and cursors with a lone surrogate, which the JDK would send as {@code ?} (so a delete
 * could hit another key), are refused before any request, by the blocking and the async API
 * alike: {@link IllegalArgumentException} naming the parameter, the code unit and its index,
 * thrown by the call itself; the server sees nothing.
 */
class RefusedInputTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API =
      new MockApiKeysServerExtension(MockApiKeysServer.builder().seed(ApiOperation.SEEDED));

  private static final ReportTable TABLE = ReportTable.create("38-refused-input",
      "Input that must never reach the wire: ids and cursors with a lone surrogate",
      "call", "api", "argument", "outcome", "message", "requests")
      .note("A lone surrogate is half of a UTF-16 pair; encoding it gives '?', so the request"
          + " would name another key or cursor. Ids are refused by the call, the async one too"
          + " (it throws at once, before any future exists); cursors by ListApiKeysParams'"
          + " builder; a cursor a server sent (JSON allows \\ud800) by the next page's"
          + " params.");

  /** A call given a malformed id or cursor. */
  enum Input {
    RETRIEVE_ID("id", "key_\uD800", 4, (client, api) -> api == ClientApi.BLOCKING
        ? () -> client.apiKeys().retrieve("key_\uD800")
        : () -> client.async().apiKeys().retrieve("key_\uD800")),
    UPDATE_ID("id", "\uDC00key_0001", 0, (client, api) -> api == ClientApi.BLOCKING
        ? () -> client.apiKeys().update("\uDC00key_0001", rename())
        : () -> client.async().apiKeys().update("\uDC00key_0001", rename())),
    DELETE_ID("id", "key_0001\uDBFF", 8, (client, api) -> api == ClientApi.BLOCKING
        ? () -> {
          client.apiKeys().delete("key_0001\uDBFF");
          return null;
        }
        : () -> client.async().apiKeys().delete("key_0001\uDBFF")),
    ACCOUNT_UPDATE_ID("id", "key_\uDFFF1", 4, (client, api) -> api == ClientApi.BLOCKING
        ? () -> client.accountApiKeys().update("key_\uDFFF1", input())
        : () -> client.async().accountApiKeys().update("key_\uDFFF1", input())),
    LIST_AFTER("after", "key_0001\uD83D", 8, (client, api) -> api == ClientApi.BLOCKING
        ? () -> client.apiKeys().list(params().after("key_0001\uD83D").build())
        : () -> client.async().apiKeys().list(params().after("key_0001\uD83D").build())),
    LIST_BEFORE("before", "\uDE00", 0, (client, api) -> api == ClientApi.BLOCKING
        ? () -> client.apiKeys().list(params().before("\uDE00").build())
        : () -> client.async().apiKeys().list(params().before("\uDE00").build()));

    private final String parameter;
    private final String value;
    private final int index;
    private final CallMaker call;

    Input(String parameter, String value, int index, CallMaker call) {
      this.parameter = parameter;
      this.value = value;
      this.index = index;
      this.call = call;
    }

    /** Returns the message the refusal must carry. */
    String message() {
      return parameter + " must be well-formed Unicode text, but has a lone surrogate (U+"
          + Integer.toHexString(value.charAt(index)).toUpperCase(Locale.ROOT) + ") at index "
          + index + "; it cannot be sent as it is";
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /** Makes the call of an input, with the blocking or the async API, unstarted. */
  @FunctionalInterface
  interface CallMaker {
    Callable<Object> make(ApiKeysClient client, ClientApi api);
  }

  @AfterAll
  static void writeRows() {
    TABLE.write();
  }

  static Stream<Arguments> inputs() {
    return Stream.of(Input.values()).flatMap(input -> Stream.of(ClientApi.values())
        .map(api -> Arguments.of(input, api)));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("inputs")
  void loneSurrogateIsRefusedBeforeAnyRequest(Input input, ClientApi api) {
    MockApiKeysServer server = API.server();
    Throwable error;
    try (ApiKeysClient client = server.clientBuilder().build()) {
      error = Outcomes.thrownBy(input.call.make(client, api));
    }

    int requests = server.wireMock().getAllServeEvents().size();
    TABLE.check(List.of(input, api, input.parameter + " = " + escaped(input.value),
        Outcomes.describe(error, "sent"), error == null ? "-" : error.getMessage(), requests),
        () -> {
          IllegalArgumentException refused =
              assertInstanceOf(IllegalArgumentException.class, error);
          assertEquals(input.message(), refused.getMessage());
          assertEquals(0, requests, "nothing may reach the server");
        });
  }

  @Test
  void cursorWithALoneSurrogateFromTheServerIsNotFollowed() {
    MockApiKeysServer server = API.server();
    // Escaped, as JSON allows: a raw lone surrogate would be encoded as '?' on the way.
    String page = WireJson.page(true, "key_0001").put("last_id", "LAST").toString()
        .replace("LAST", "key_\\ud800");
    server.wireMock().stubFor(ApiOperation.LIST.stub().atPriority(1).willReturn(
        okJson(page)));
    List<String> seen = new ArrayList<>();
    Throwable error;
    try (ApiKeysClient client = server.clientBuilder().build()) {
      error = Outcomes.thrownByRunning(() -> client.apiKeys().list().autoPager()
          .forEach(key -> seen.add(key.id())));
    }

    int requests = server.wireMock().getAllServeEvents().size();
    TABLE.check(List.of("auto-pager after a page whose last_id has a lone surrogate",
        ClientApi.BLOCKING, "last_id = key_\\uD800 (from the server)",
        Outcomes.describe(error, "sent"), error == null ? "-" : error.getMessage(), requests),
        () -> {
          IllegalArgumentException refused =
              assertInstanceOf(IllegalArgumentException.class, error);
          assertEquals("after must be well-formed Unicode text, but has a lone surrogate"
              + " (U+D800) at index 4; it cannot be sent as it is", refused.getMessage());
          assertEquals(List.of("key_0001"), seen, "the first page's keys, then the refusal");
          assertEquals(1, requests, "the first page only");
        });
  }

  private static String escaped(String value) {
    return value.chars().mapToObj(c -> Character.isSurrogate((char) c)
        ? String.format("\\u%04X", c) : String.valueOf((char) c))
        .reduce("", String::concat);
  }

  private static UpdateApiKeyParams rename() {
    return UpdateApiKeyParams.builder().name(ApiOperation.NEW_NAME).build();
  }

  private static ApiKeyInput input() {
    return ApiKeyInput.builder().description("d").flatPermissionsList(List.<String>of()).build();
  }

  private static ListApiKeysParams.Builder params() {
    return ListApiKeysParams.builder();
  }
}
