package dev.atlasendpoints.spring.boot;

/** How the starter shows secrets: never. */
final class Masked {

  private static final String MASK = "******";

  private Masked() {}

  /** {@code null} or {@code "******"}: whether a secret is set, never what it is. */
  static String of(String secret) {
    return secret == null ? null : MASK;
  }

  /**
   * A URL without its user info (a Redis URL may carry a password). Not parsed as a
   * {@link java.net.URI}: URLs it refuses or misreads (an underscore in the host, an unescaped
   * {@code @} or {@code #} in the password, several {@code host:port} pairs) must be masked too. So
   * everything between {@code ://} and the last {@code @} is masked; a path or query holding an
   * {@code @} is masked with it, which is the safe side.
   */
  static String url(String url) {
    if (url == null) {
      return null;
    }
    int scheme = url.indexOf("://");
    int userInfoStart = scheme < 0 ? 0 : scheme + 3;
    int at = url.lastIndexOf('@');
    return at < userInfoStart ? url : url.substring(0, userInfoStart) + MASK + url.substring(at);
  }
}
