package dev.atlasendpoints.ratelimit.redis;

import io.lettuce.core.RedisURI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code redis://} or {@code rediss://} URL, checked, with a description that never holds the
 * credentials (for toString, logs and messages).
 *
 * <p>Parsed here rather than with {@link java.net.URI}, which has no host for names with an
 * underscore ({@code redis_1}, common in Compose and Kubernetes) and splits a password holding
 * {@code @}, {@code #} or {@code /} in the wrong place, so a password could end up as the host and in
 * the description. Here the credentials are everything before the last {@code @}.
 */
final class RedisUrl {

  /** host (a name, IPv4, or [IPv6]), then an optional port and database. */
  private static final Pattern ADDRESS =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+)(?::(\\d{1,5}))?(?:/(\\d{0,5}))?/?");

  private final RedisURI uri;
  private final String redacted;

  private RedisUrl(RedisURI uri, String redacted) {
    this.uri = uri;
    this.redacted = redacted;
  }

  /**
   * Parses {@code url}.
   *
   * @throws IllegalArgumentException when it is not a {@code redis://} or {@code rediss://} URL with
   *     one host; the message never repeats the URL, which may hold a password
   */
  static RedisUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("a Redis URL is required (redis://[:password@]host:port or rediss://…)");
    }
    String text = url.trim();
    int separator = text.indexOf("://");
    String scheme = separator < 0 ? "" : text.substring(0, separator).toLowerCase(Locale.ROOT);
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      throw new IllegalArgumentException("a Redis URL starts with redis:// or rediss:// (its text is not repeated: "
          + "it may hold a password)");
    }
    String rest = text.substring(separator + 3);
    int at = rest.lastIndexOf('@');
    String userInfo = at < 0 ? null : rest.substring(0, at);
    Matcher address = ADDRESS.matcher(rest.substring(at + 1));
    if (!address.matches()) {
      throw new IllegalArgumentException("a Redis URL needs one host, and at most a port and a database number, "
          + "e.g. redis://redis_1:6379/0 (its text is not repeated: it may hold a password)");
    }
    String host = address.group(1);
    int port = address.group(2) == null ? RedisURI.DEFAULT_REDIS_PORT : Integer.parseInt(address.group(2));
    int database = address.group(3) == null || address.group(3).isEmpty() ? 0 : Integer.parseInt(address.group(3));
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("a Redis URL's port is between 1 and 65535");
    }
    RedisURI.Builder builder = RedisURI.Builder.redis(host.startsWith("[") ? host.substring(1, host.length() - 1) : host,
        port).withSsl(scheme.equals("rediss")).withDatabase(database);
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? "" : decode(userInfo.substring(0, colon));
      char[] password = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1)).toCharArray();
      if (password.length > 0) {
        if (user.isEmpty()) {
          builder.withPassword(password);
        } else {
          builder.withAuthentication(user, password);
        }
      }
    }
    String redacted = scheme + "://" + (userInfo != null ? "***@" : "") + host + ":" + port
        + (database == 0 ? "" : "/" + database);
    return new RedisUrl(builder.build(), redacted);
  }

  /** Percent-decoding ({@code p%40ss} is {@code p@ss}); a {@code +} stays a plus. */
  private static String decode(String encoded) {
    try {
      return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      throw new IllegalArgumentException("a Redis URL's credentials have a malformed %-escape (not repeated)");
    }
  }

  RedisURI uri() {
    return uri;
  }

  /** The URL without its credentials. */
  @Override
  public String toString() {
    return redacted;
  }
}
