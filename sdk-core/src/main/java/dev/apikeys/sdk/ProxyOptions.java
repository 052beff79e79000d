package dev.apikeys.sdk;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A forward HTTP proxy: its URL, optional Basic credentials, and the hosts reached without it.
 * Plain {@code http://} requests go through it in absolute form, {@code https://} ones through a
 * {@code CONNECT} tunnel. Immutable and thread-safe; {@link #toString()} never shows the
 * password.
 *
 * <pre>{@code
 * ProxyOptions proxy = ProxyOptions.builder()
 *     .url("http://proxy.corp.example:3128")
 *     .credentials("user", "secret")
 *     .nonProxyHosts("localhost", "*.internal")
 *     .build();
 * }</pre>
 */
public final class ProxyOptions {

  private final URI url;
  private final @Nullable String username;
  private final char @Nullable [] password;
  private final List<String> nonProxyHosts;

  private ProxyOptions(Builder builder, URI url) {
    this.url = url;
    this.username = builder.username;
    this.password = builder.password;
    this.nonProxyHosts = List.copyOf(builder.nonProxyHosts);
  }

  /**
   * Returns a builder; the URL must be set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the proxy the environment names, for an {@code https://} API first: the variables
   * {@code HTTPS_PROXY}, then {@code HTTP_PROXY} (each in upper or lower case, upper first),
   * with {@code NO_PROXY}; when none is set, Java's {@code https.proxyHost} and
   * {@code https.proxyPort}, then {@code http.proxyHost} and {@code http.proxyPort}, with
   * {@code http.nonProxyHosts}. Credentials come from the URL's user part
   * ({@code http://user:pass@proxy:3128}). {@code HTTP_PROXY} in upper case is ignored when
   * {@code REQUEST_METHOD} is set: under CGI it holds a request's {@code Proxy} header
   * ("httpoxy"), which would send the token to a proxy of the caller's choosing.
   *
   * @return the proxy, or empty when none is set
   * @throws IllegalArgumentException if a variable or property holds a URL that is not a plain
   *     {@code http://} proxy; the message names the variable
   */
  public static Optional<ProxyOptions> fromEnvironment() {
    return fromEnvironment(System::getenv, System::getProperty, "https");
  }

  /**
   * Returns the proxy the environment names for requests to {@code target}: as
   * {@link #fromEnvironment()}, but only the variables and properties of the target's scheme
   * ({@code HTTPS_PROXY} and {@code https.proxyHost} for {@code https://}, {@code HTTP_PROXY}
   * and {@code http.proxyHost} for {@code http://}), as curl does; empty when the target is one
   * of the non-proxy hosts.
   *
   * @param target the API's base URL
   * @return the proxy, or empty when none applies
   * @throws IllegalArgumentException as {@link #fromEnvironment()}
   */
  public static Optional<ProxyOptions> fromEnvironment(URI target) {
    Objects.requireNonNull(target, "target must not be null");
    return fromEnvironment(System::getenv, target);
  }

  /** As {@link #fromEnvironment(URI)}, the variables read from {@code env}. */
  static Optional<ProxyOptions> fromEnvironment(UnaryOperator<String> env, URI target) {
    return fromEnvironment(env, System::getProperty, target.getScheme())
        .filter(proxy -> proxy.appliesTo(target));
  }

  static Optional<ProxyOptions> fromEnvironment(UnaryOperator<String> env,
      UnaryOperator<String> properties, String targetScheme) {
    List<String> schemes = "http".equalsIgnoreCase(targetScheme) ? List.of("http")
        : "https".equalsIgnoreCase(targetScheme) ? List.of("https") : List.of("https", "http");
    for (String scheme : schemes) {
      for (String name : List.of(scheme.toUpperCase(Locale.ROOT) + "_PROXY", scheme + "_proxy")) {
        if (name.equals("HTTP_PROXY") && env.apply("REQUEST_METHOD") != null) {
          // Under CGI, HTTP_PROXY holds a request's Proxy header: an attacker's proxy (httpoxy).
          continue;
        }
        String value = env.apply(name);
        if (value != null && !value.isBlank()) {
          String noProxy = firstSet(env, "NO_PROXY", "no_proxy");
          return Optional.of(fromVariable(name, value.strip(),
              noProxy == null ? List.of() : Arrays.asList(noProxy.split(","))));
        }
      }
    }
    for (String scheme : schemes) {
      String host = properties.apply(scheme + ".proxyHost");
      if (host != null && !host.isBlank()) {
        String port = properties.apply(scheme + ".proxyPort");
        String nonProxy = properties.apply("http.nonProxyHosts");
        String url = "http://" + host.strip() + ":"
            + (port == null || port.isBlank() ? defaultPort(scheme) : port.strip());
        return Optional.of(fromVariable(scheme + ".proxyHost", url,
            nonProxy == null ? List.of() : Arrays.asList(nonProxy.split("\\|"))));
      }
    }
    return Optional.empty();
  }

  private static String defaultPort(String prefix) {
    return "https".equals(prefix) ? "443" : "80";
  }

  private static @Nullable String firstSet(UnaryOperator<String> env, String... names) {
    for (String name : names) {
      String value = env.apply(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static ProxyOptions fromVariable(String name, String value, List<String> nonProxy) {
    String url = value.contains("://") ? value : "http://" + value;
    try {
      Builder builder = builder().url(url);
      List<String> hosts = new ArrayList<>();
      for (String host : nonProxy) {
        if (!host.isBlank()) {
          hosts.add(host.strip());
        }
      }
      return builder.nonProxyHosts(hosts).build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " does not name a usable proxy: "
          + e.getMessage(), e);
    }
  }

  /**
   * Returns the proxy's URL, {@code http://host:port}, without credentials.
   *
   * @return the proxy's URL
   */
  public URI url() {
    return url;
  }

  /**
   * Returns the proxy's host name or address.
   *
   * @return the proxy's host
   */
  public String host() {
    return url.getHost();
  }

  /**
   * Returns the proxy's port.
   *
   * @return the proxy's port
   */
  public int port() {
    return url.getPort();
  }

  /**
   * Returns the user name sent to the proxy, if credentials are set.
   *
   * @return the user name, or empty
   */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /**
   * Returns a copy of the password sent to the proxy: a secret, for a transport to use, never to
   * show.
   *
   * @return a copy of the password, empty when no credentials are set
   */
  public char[] password() {
    return password == null ? new char[0] : password.clone();
  }

  /**
   * Returns whether credentials are set.
   *
   * @return whether credentials are set
   */
  public boolean hasCredentials() {
    return username != null;
  }

  /**
   * Returns the hosts reached without the proxy, as given.
   *
   * @return the non-proxy host patterns, immutable
   */
  public List<String> nonProxyHosts() {
    return nonProxyHosts;
  }

  /**
   * Returns whether a request to {@code target} goes through the proxy: true unless its host
   * matches one of the {@linkplain #nonProxyHosts() non-proxy hosts}. A pattern matches a host
   * exactly, ignoring case and any port in the pattern; {@code *.example.com} and
   * {@code .example.com} match every host under {@code example.com}; {@code example.com}
   * matches itself and every host under it (as {@code NO_PROXY} is read by curl); a lone
   * {@code *} matches every host; a {@code *} at the start or end of a pattern matches any
   * text there (as {@code http.nonProxyHosts} is read by Java).
   *
   * @param target the request's URI
   * @return whether the request goes through the proxy
   */
  public boolean appliesTo(URI target) {
    String host = target.getHost();
    if (host == null) {
      return true;
    }
    host = stripBrackets(host.toLowerCase(Locale.ROOT));
    for (String pattern : nonProxyHosts) {
      if (matches(normalizePattern(pattern), host)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(String pattern, String host) {
    if (pattern.isEmpty()) {
      return false;
    }
    if (pattern.equals("*")) {
      return true;
    }
    if (pattern.startsWith("*.") || pattern.startsWith(".")) {
      String suffix = pattern.substring(pattern.indexOf('.'));
      return host.endsWith(suffix) || host.equals(suffix.substring(1));
    }
    if (pattern.startsWith("*")) {
      return host.endsWith(pattern.substring(1));
    }
    if (pattern.endsWith("*")) {
      return host.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    return host.equals(pattern) || host.endsWith("." + pattern);
  }

  private static String normalizePattern(String pattern) {
    String p = pattern.strip().toLowerCase(Locale.ROOT);
    if (p.startsWith("[")) {
      int end = p.indexOf(']');
      return end < 0 ? p : p.substring(1, end);
    }
    int colon = p.lastIndexOf(':');
    if (colon > 0 && p.indexOf(':') == colon && p.substring(colon + 1).chars()
        .allMatch(Character::isDigit)) {
      return p.substring(0, colon);
    }
    return p;
  }

  private static String stripBrackets(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1)
        : host;
  }

  /** Shows the URL, the user name and the non-proxy hosts; never the password. */
  @Override
  public String toString() {
    return "ProxyOptions{url=" + url + (username == null ? "" : ", username=" + username
        + ", password=****") + ", nonProxyHosts=" + nonProxyHosts + '}';
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ProxyOptions that && url.equals(that.url)
        && Objects.equals(username, that.username) && Arrays.equals(password, that.password)
        && nonProxyHosts.equals(that.nonProxyHosts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(url, username, nonProxyHosts);
  }

  /** Builds {@link ProxyOptions}. Not thread-safe. */
  public static final class Builder {
    private @Nullable URI url;
    private @Nullable String username;
    private char @Nullable [] password;
    private boolean explicitCredentials;
    private List<String> nonProxyHosts = List.of();

    private Builder() {
    }

    /**
     * Sets the proxy's URL: {@code http://host:port} (port 80 when left out). Credentials in
     * the URL's user part ({@code http://user:pass@host:3128}, percent-encoded) are used unless
     * {@link #credentials(String, String)} sets others. Required.
     *
     * @param url the proxy's URL
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if it is not an {@code http://} URL with a host and no
     *     path, query or fragment
     */
    public Builder url(String url) {
      Objects.requireNonNull(url, "proxy url must not be null");
      URI parsed;
      try {
        parsed = new URI(url.strip());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("proxy url is not a URL: " + e.getReason(), e);
      }
      String scheme = parsed.getScheme();
      if (scheme == null || !scheme.equalsIgnoreCase("http")) {
        throw new IllegalArgumentException("proxy url must start with http:// (a proxy spoken"
            + " to in plain HTTP, which tunnels https:// requests with CONNECT), was "
            + (scheme == null ? "a URL without a scheme" : scheme + "://"));
      }
      if (parsed.getHost() == null) {
        throw new IllegalArgumentException("proxy url must name a host, such as"
            + " http://proxy.example:3128");
      }
      if (parsed.getRawPath() != null && !parsed.getRawPath().isEmpty()
          && !parsed.getRawPath().equals("/") || parsed.getRawQuery() != null
          || parsed.getRawFragment() != null) {
        throw new IllegalArgumentException("proxy url must have no path, query or fragment,"
            + " such as http://proxy.example:3128");
      }
      int port = parsed.getPort() < 0 ? 80 : parsed.getPort();
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("proxy url's port must be between 1 and 65535, was "
            + port);
      }
      this.url = URI.create("http://" + parsed.getRawAuthority()
          .substring(parsed.getRawAuthority().indexOf('@') + 1).replaceFirst(":\\d*$", "")
          + ":" + port);
      String userInfo = parsed.getRawUserInfo();
      if (!explicitCredentials) {
        // An earlier URL's credentials must not outlive it.
        this.username = null;
        this.password = null;
        if (userInfo != null) {
          int colon = userInfo.indexOf(':');
          String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
          String pass = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
          setCredentials(user, pass);
        }
      }
      return this;
    }

    private static String decode(String text) {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * Sets the Basic credentials the proxy asks for. Default: none.
     *
     * @param username the user name; not blank, without {@code :}
     * @param password the password; may be empty, never shown
     * @return this builder
     * @throws NullPointerException if either is null
     * @throws IllegalArgumentException if the user name is blank or holds {@code :}
     */
    public Builder credentials(String username, String password) {
      setCredentials(username, password);
      this.explicitCredentials = true;
      return this;
    }

    private void setCredentials(String username, String password) {
      Objects.requireNonNull(username, "proxy username must not be null");
      Objects.requireNonNull(password, "proxy password must not be null");
      if (username.isBlank()) {
        throw new IllegalArgumentException("proxy username must not be blank");
      }
      if (username.indexOf(':') >= 0) {
        throw new IllegalArgumentException("proxy username must not contain ':', which Basic"
            + " authentication uses to end the user name");
      }
      this.username = username;
      this.password = password.toCharArray();
    }

    /**
     * Sets the hosts reached without the proxy; see {@link ProxyOptions#appliesTo(URI)} for the
     * patterns. Replaces earlier ones. Default: none.
     *
     * @param hosts host names, addresses or patterns
     * @return this builder
     * @throws NullPointerException if the array or a pattern is null
     * @throws IllegalArgumentException if a pattern is blank
     */
    public Builder nonProxyHosts(String... hosts) {
      Objects.requireNonNull(hosts, "nonProxyHosts must not be null");
      return nonProxyHosts(Arrays.asList(hosts));
    }

    /**
     * Sets the hosts reached without the proxy; see {@link ProxyOptions#appliesTo(URI)}.
     * Replaces earlier ones. Default: none.
     *
     * @param hosts host names, addresses or patterns
     * @return this builder
     * @throws NullPointerException if the collection or a pattern is null
     * @throws IllegalArgumentException if a pattern is blank
     */
    public Builder nonProxyHosts(Collection<String> hosts) {
      Objects.requireNonNull(hosts, "nonProxyHosts must not be null");
      List<String> copy = new ArrayList<>();
      int index = 0;
      for (String host : hosts) {
        Objects.requireNonNull(host, "nonProxyHosts[" + index + "] must not be null");
        if (host.isBlank()) {
          throw new IllegalArgumentException("nonProxyHosts[" + index + "] must not be blank");
        }
        copy.add(host.strip());
        index++;
      }
      this.nonProxyHosts = copy;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalStateException if no URL was set
     */
    public ProxyOptions build() {
      if (url == null) {
        throw new IllegalStateException("proxy url must be set, such as"
            + " http://proxy.example:3128");
      }
      return new ProxyOptions(this, url);
    }
  }
}
