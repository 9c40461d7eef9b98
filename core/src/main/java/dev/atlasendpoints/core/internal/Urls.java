package dev.atlasendpoints.core.internal;

/**
 * The parts of an absolute request URL that the pipeline needs on every call, found by scanning
 * rather than by building a {@code java.net.URI} each time. Feign hands the pipeline URLs it built
 * from a base URL the builder validated, so they are absolute and well formed.
 */
public final class Urls {

  private Urls() {}

  /** {@code scheme://authority}. */
  public static String origin(String url) {
    int authority = url.indexOf("://");
    int path = authority < 0 ? -1 : url.indexOf('/', authority + 3);
    return path < 0 ? url : url.substring(0, path);
  }

  /** The request-target: path and query, as sent on the request line. */
  public static String requestTarget(String url) {
    int authority = url.indexOf("://");
    int path = authority < 0 ? 0 : url.indexOf('/', authority + 3);
    int fragment = url.indexOf('#');
    String target = path < 0 ? "/" : url.substring(path, fragment < 0 ? url.length() : fragment);
    return target.isEmpty() ? "/" : target;
  }

  /** Whether the query holds {@code name=value} (exact, case-insensitive). */
  public static boolean hasQueryParameter(String url, String name, String value) {
    int query = url.indexOf('?');
    if (query < 0) {
      return false;
    }
    String wanted = name + "=" + value;
    for (String pair : url.substring(query + 1).split("&")) {
      if (pair.equalsIgnoreCase(wanted)) {
        return true;
      }
    }
    return false;
  }
}
