package dev.atlasendpoints.core.internal.auth;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The projects on which the current token was refused although fresh from Atlas: a rights problem,
 * not a bad token, so a 401 there ends the call instead of replacing the token again (which would
 * spend a token request, and soon the account's limit, on every such call). Forgotten when the
 * token changes; bounded.
 */
final class DeniedProjects {

  private static final int MAX_PROJECTS = 1_000;

  private record Denials(String token, Set<String> projects) {}

  private volatile Denials denials = new Denials("", Set.of());

  void add(String token, String projectId) {
    Denials now = denials;
    if (!now.token().equals(token)) {
      now = new Denials(token, ConcurrentHashMap.newKeySet());
      denials = now;
    }
    if (now.projects().size() < MAX_PROJECTS) {
      now.projects().add(keyOf(projectId));
    }
  }

  boolean contains(String token, String projectId) {
    Denials now = denials;
    return now.token().equals(token) && now.projects().contains(keyOf(projectId));
  }

  private static String keyOf(String projectId) {
    return projectId == null ? "" : projectId;
  }
}
