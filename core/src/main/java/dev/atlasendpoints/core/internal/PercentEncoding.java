package dev.atlasendpoints.core.internal;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of a path segment or query value (RFC 3986): everything but the unreserved
 * characters is encoded, slashes included, so that a value (an Azure resource id, say) stays one
 * path segment and cannot reach into the path or the query.
 */
final class PercentEncoding {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  /** Appends {@code value} to {@code out}, encoded. */
  static void append(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isUnreserved(c)) {
        out.append(c);
      } else {
        appendEncoded(out, value.substring(i));
        return;
      }
    }
  }

  private static void appendEncoded(StringBuilder out, String rest) {
    for (byte b : rest.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && isUnreserved(c)) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }
}
