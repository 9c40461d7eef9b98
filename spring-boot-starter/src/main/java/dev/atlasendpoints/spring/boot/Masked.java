package dev.atlasendpoints.spring.boot;

import java.net.URI;

/** How the starter shows secrets: never. */
final class Masked {

  private Masked() {}

  /** {@code null} or {@code "******"}: whether a secret is set, never what it is. */
  static String of(String secret) {
    return secret == null ? null : "******";
  }

  /** A URL without its user info (a Redis URL may carry a password). */
  static String url(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = URI.create(url);
      return uri.getRawUserInfo() == null ? url : url.replace(uri.getRawUserInfo() + "@", "******@");
    } catch (IllegalArgumentException e) {
      return "******";
    }
  }
}
