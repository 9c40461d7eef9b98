package dev.atlasendpoints.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The directives of an {@code Authorization: Digest ...} header (RFC 7616 section 3.4), parsed
 * leniently: quoted or bare values, backslash escapes in quoted strings, names case-insensitive.
 */
final class DigestCredentials {

  private final Map<String, String> directives;

  private DigestCredentials(Map<String, String> directives) {
    this.directives = Collections.unmodifiableMap(directives);
  }

  /** Parses the header value, or returns empty when it is not a well-formed Digest header. */
  static Optional<DigestCredentials> parse(String header) {
    if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Digest ", 0, 7)) {
      return Optional.empty();
    }
    Map<String, String> directives = new LinkedHashMap<>();
    String text = header.substring(7);
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
        i++;
      }
      int eq = text.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String name = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      i = eq + 1;
      StringBuilder value = new StringBuilder();
      if (i < text.length() && text.charAt(i) == '"') {
        i++;
        while (i < text.length() && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && i + 1 < text.length()) {
            i++;
          }
          value.append(text.charAt(i++));
        }
        if (i >= text.length()) {
          return Optional.empty(); // unterminated quoted string
        }
        i++;
      } else {
        while (i < text.length() && text.charAt(i) != ',') {
          value.append(text.charAt(i++));
        }
      }
      if (name.isEmpty()) {
        return Optional.empty();
      }
      directives.put(name, value.toString().trim());
    }
    return directives.isEmpty() ? Optional.empty() : Optional.of(new DigestCredentials(directives));
  }

  String get(String name) {
    return directives.get(name);
  }
}
