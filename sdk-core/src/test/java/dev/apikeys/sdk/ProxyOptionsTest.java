package dev.apikeys.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxyOptionsTest {

  private static Optional<ProxyOptions> read(Map<String, String> env, Map<String, String> props,
      String scheme) {
    return ProxyOptions.fromEnvironment(env::get, props::get, scheme);
  }

  @Test
  void theUrlIsKeptWithoutItsCredentialsAndPort80IsTheDefault() {
    ProxyOptions proxy = ProxyOptions.builder().url("http://u%40corp:p%3Ass+w@proxy.example")
        .build();
    assertEquals(URI.create("http://proxy.example:80"), proxy.url());
    assertEquals("proxy.example", proxy.host());
    assertEquals(80, proxy.port());
    assertEquals(Optional.of("u@corp"), proxy.username());
    assertArrayEquals("p:ss+w".toCharArray(), proxy.password());
    assertEquals("ProxyOptions{url=http://proxy.example:80, username=u@corp, password=****,"
        + " nonProxyHosts=[]}", proxy.toString());
  }

  @Test
  void explicitCredentialsWinOverTheUrlsAndAreNeverShown() {
    ProxyOptions proxy = ProxyOptions.builder().credentials("alice", "s3cr3t-pw")
        .url("http://bob:other@[::1]:3128/").build();
    assertEquals(URI.create("http://[::1]:3128"), proxy.url());
    assertEquals(Optional.of("alice"), proxy.username());
    assertFalse(proxy.toString().contains("s3cr3t-pw"));
    assertFalse(proxy.toString().contains("other"));
  }

  @Test
  void noCredentialsMeansAnEmptyPassword() {
    ProxyOptions proxy = ProxyOptions.builder().url("http://proxy:3128").build();
    assertFalse(proxy.hasCredentials());
    assertEquals(0, proxy.password().length);
    assertEquals("ProxyOptions{url=http://proxy:3128, nonProxyHosts=[]}", proxy.toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://proxy:3128|proxy url must start with http:// (a proxy spoken to in plain HTTP,"
          + " which tunnels https:// requests with CONNECT), was https://",
      "socks5://proxy:1080|proxy url must start with http:// (a proxy spoken to in plain HTTP,"
          + " which tunnels https:// requests with CONNECT), was socks5://",
      "http://proxy:3128/path|proxy url must have no path, query or fragment, such as"
          + " http://proxy.example:3128",
      "http:///nohost|proxy url must name a host, such as http://proxy.example:3128"})
  void aUrlThatIsNotAPlainHttpProxyIsRefused(String url, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ProxyOptions.builder().url(url));
    assertEquals(message, e.getMessage());
  }

  @Test
  void badCredentialsAndHostsAreRefusedByName() {
    ProxyOptions.Builder builder = ProxyOptions.builder();
    assertEquals("proxy username must not contain ':', which Basic authentication uses to end"
        + " the user name", assertThrows(IllegalArgumentException.class,
            () -> builder.credentials("a:b", "pw")).getMessage());
    assertEquals("proxy password must not be null", assertThrows(NullPointerException.class,
        () -> builder.credentials("a", null)).getMessage());
    assertEquals("nonProxyHosts[1] must not be blank", assertThrows(
        IllegalArgumentException.class, () -> builder.nonProxyHosts("a", " ")).getMessage());
    assertEquals("proxy url must be set, such as http://proxy.example:3128",
        assertThrows(IllegalStateException.class, builder::build).getMessage());
  }

  @ParameterizedTest
  @CsvSource({
      "localhost, http://localhost:3000, false",
      "localhost, http://LOCALHOST:3000, false",
      "localhost:3000, http://localhost:3000, false",
      "*.internal, https://api.internal, false",
      "*.internal, https://a.b.internal, false",
      "*.internal, https://internal, false",
      ".internal, https://a.internal, false",
      "example.com, https://api.example.com, false",
      "example.com, https://notexample.com, true",
      "*, https://anything, false",
      "10.*, http://10.1.2.3, false",
      "10.*, http://110.1.2.3, true",
      "[::1], http://[::1]:8080, false",
      "::1, http://[::1]:8080, false",
      "api.example.com, https://example.com, true"})
  void nonProxyHostPatterns(String pattern, String target, boolean proxied) {
    ProxyOptions proxy = ProxyOptions.builder().url("http://proxy:3128").nonProxyHosts(pattern)
        .build();
    assertEquals(proxied, proxy.appliesTo(URI.create(target)));
  }

  @Test
  void theEnvironmentPrefersHttpsProxyInUpperCaseAndReadsNoProxy() {
    ProxyOptions proxy = read(Map.of("HTTPS_PROXY", "http://upper:1", "https_proxy",
        "http://lower:2", "HTTP_PROXY", "http://plain:3", "no_proxy", "localhost, .internal"),
        Map.of(), null).orElseThrow();
    assertEquals(URI.create("http://upper:1"), proxy.url());
    assertEquals(List.of("localhost", ".internal"), proxy.nonProxyHosts());
  }

  @Test
  void aTargetsSchemePicksItsOwnVariableOnly() {
    Map<String, String> env = Map.of("http_proxy", "plain:3128", "HTTPS_PROXY",
        "http://tls:3129");
    assertEquals(URI.create("http://plain:3128"),
        read(env, Map.of(), "http").orElseThrow().url());
    assertEquals(URI.create("http://tls:3129"),
        read(env, Map.of(), "https").orElseThrow().url());
    assertEquals(Optional.empty(), read(Map.of("HTTP_PROXY", "http://p:1"), Map.of(), "https"));
  }

  @Test
  void javasPropertiesComeWhenNoVariableIsSet() {
    ProxyOptions proxy = read(Map.of(), Map.of("https.proxyHost", "corp", "http.nonProxyHosts",
        "localhost|*.internal"), "https").orElseThrow();
    assertEquals(URI.create("http://corp:443"), proxy.url());
    assertEquals(List.of("localhost", "*.internal"), proxy.nonProxyHosts());
    assertEquals(URI.create("http://plain:8080"), read(Map.of(), Map.of("http.proxyHost",
        "plain", "http.proxyPort", "8080"), "http").orElseThrow().url());
    assertEquals(Optional.empty(), read(Map.of(), Map.of(), null));
  }

  @Test
  void aBadVariableIsNamedInTheError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> read(Map.of("https_proxy", "socks5://p:1080"), Map.of(), "https"));
    assertEquals("https_proxy does not name a usable proxy: proxy url must start with http://"
        + " (a proxy spoken to in plain HTTP, which tunnels https:// requests with CONNECT),"
        + " was socks5://", e.getMessage());
  }

  @Test
  void credentialsInTheEnvironmentAreReadAndHidden() {
    ProxyOptions proxy = read(Map.of("HTTPS_PROXY", "http://user:pa%24s@proxy:3128"), Map.of(),
        "https").orElseThrow();
    assertEquals(Optional.of("user"), proxy.username());
    assertArrayEquals("pa$s".toCharArray(), proxy.password());
    assertTrue(proxy.toString().endsWith("password=****, nonProxyHosts=[]}"));
  }

  @Test
  void upperCaseHttpProxyIsIgnoredUnderCgiWhereARequestCanSetIt() {
    Map<String, String> cgi = Map.of("REQUEST_METHOD", "GET", "HTTP_PROXY", "http://evil:1");
    assertEquals(Optional.empty(), read(cgi, Map.of(), "http"));
    assertEquals(URI.create("http://corp:3128"), read(Map.of("REQUEST_METHOD", "GET",
        "HTTP_PROXY", "http://evil:1", "http_proxy", "http://corp:3128"), Map.of(), "http")
        .orElseThrow().url());
  }

  @Test
  void aPortOutOfRangeIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ProxyOptions.builder().url("http://proxy:70000"));
    assertEquals("proxy url's port must be between 1 and 65535, was 70000", e.getMessage());
  }

  @Test
  void aUrlsCredentialsDoNotOutliveIt() {
    ProxyOptions proxy = ProxyOptions.builder().url("http://old:pw@proxy:1")
        .url("http://proxy:2").build();
    assertFalse(proxy.hasCredentials());
    assertEquals(URI.create("http://proxy:2"), proxy.url());
  }
}
