package dev.atlasendpoints.core.internal.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code WWW-Authenticate} values (RFC 7235 section 4.1): one value may hold several
 * challenges, each a scheme followed by comma-separated {@code name=value} parameters whose values
 * are tokens or quoted strings with backslash escapes. Total: any input yields a list (possibly
 * empty), never an exception, and always terminates.
 */
final class AuthChallenges {

  /** One challenge: its scheme and its parameters, names in lower case. */
  record Challenge(String scheme, Map<String, String> parameters) {
    String parameter(String name) {
      return parameters.get(name);
    }
  }

  private final String text;
  private int pos;

  private AuthChallenges(String text) {
    this.text = text;
  }

  static List<Challenge> parse(List<String> headerValues) {
    List<Challenge> challenges = new ArrayList<>();
    for (String value : headerValues) {
      if (value != null) {
        challenges.addAll(new AuthChallenges(value).readAll());
      }
    }
    return challenges;
  }

  private List<Challenge> readAll() {
    List<Challenge> challenges = new ArrayList<>();
    while (pos < text.length()) {
      int start = pos;
      skip(" \t,");
      String scheme = token();
      if (scheme.isEmpty()) {
        pos = Math.max(pos, start + 1); // not a token: step over it
        continue;
      }
      challenges.add(new Challenge(scheme, readParameters()));
    }
    return challenges;
  }

  private Map<String, String> readParameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    while (pos < text.length()) {
      int mark = pos;
      skip(" \t,");
      String name = token();
      if (name.isEmpty()) {
        if (pos < text.length()) {
          pos++; // a stray character: step over it
        }
        continue;
      }
      skip(" \t");
      if (!peek('=')) {
        pos = mark; // a token without '=' is the scheme of the next challenge
        break;
      }
      pos++;
      skip(" \t");
      String value = peek('"') ? quoted() : token();
      if (value == null) {
        break; // unterminated quoted string: drop the rest
      }
      parameters.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
    }
    return Collections.unmodifiableMap(parameters);
  }

  private String token() {
    int start = pos;
    while (pos < text.length() && isTokenChar(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private String quoted() {
    StringBuilder value = new StringBuilder();
    pos++; // opening quote
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return value.toString();
      }
      if (c == '\\' && pos < text.length()) {
        c = text.charAt(pos++);
      }
      value.append(c);
    }
    return null;
  }

  private void skip(String characters) {
    while (pos < text.length() && characters.indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  /** RFC 7230 tchar. */
  private static boolean isTokenChar(char c) {
    return c < 127 && c > 32 && "()<>@,;:\\\"/[]?={} \t".indexOf(c) < 0;
  }
}
