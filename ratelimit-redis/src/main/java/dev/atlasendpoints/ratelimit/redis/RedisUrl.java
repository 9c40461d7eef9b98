package dev.atlasendpoints.ratelimit.redis;

import io.lettuce.core.RedisURI;
import java.net.URI;
import java.util.Locale;

/**
 * A {@code redis://} or {@code rediss://} URL, checked, with a description that never holds the
 * credentials (for toString, logs and messages).
 */
final class RedisUrl {

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
   *     a host; the message never repeats the URL, which may hold a password
   */
  static RedisUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("a Redis URL is required (redis://[:password@]host:port or rediss://…)");
    }
    URI parsed;
    try {
      parsed = URI.create(url.trim());
    } catch (IllegalArgumentException notAUri) {
      throw new IllegalArgumentException("not a valid Redis URL (its text is not repeated: it may hold a password)");
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      throw new IllegalArgumentException("a Redis URL starts with redis:// or rediss://, not " + (scheme.isEmpty()
          ? "nothing" : scheme + "://"));
    }
    if (parsed.getHost() == null || parsed.getHost().isEmpty()) {
      throw new IllegalArgumentException("a Redis URL needs a host, e.g. redis://127.0.0.1:6379");
    }
    RedisURI redisUri;
    try {
      redisUri = RedisURI.create(parsed);
    } catch (RuntimeException unusable) {
      throw new IllegalArgumentException("not a usable Redis URL (its text is not repeated: it may hold a password)");
    }
    String database = redisUri.getDatabase() == 0 ? "" : "/" + redisUri.getDatabase();
    String redacted = scheme + "://" + (parsed.getRawUserInfo() != null ? "***@" : "") + parsed.getHost() + ":"
        + redisUri.getPort() + database;
    return new RedisUrl(redisUri, redacted);
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
