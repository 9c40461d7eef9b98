package dev.atlasendpoints.core.internal.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The projects on which the current token was refused although fresh from Atlas: a rights problem,
 * not a bad token, so a 401 there ends the call instead of replacing the token again (which would
 * spend a token request, and soon the account's limit, on every such call). A denial lasts
 * {@link #REMEMBERED} and belongs to one token: forgotten when the token changes, so a token revoked
 * elsewhere is replaced again soon. Bounded.
 */
final class DeniedProjects {

  static final Duration REMEMBERED = Duration.ofMinutes(5);
  private static final int MAX_PROJECTS = 1_000;

  private record Denials(String token, Map<String, Instant> projects) {}

  private final java.util.concurrent.atomic.AtomicReference<Denials> denials =
      new java.util.concurrent.atomic.AtomicReference<>(new Denials("", Map.of()));

  void add(String token, String projectId, Instant now) {
    Denials forToken = denials.updateAndGet(existing -> existing.token().equals(token) ? existing
        : new Denials(token, new ConcurrentHashMap<>()));
    if (forToken.projects().size() < MAX_PROJECTS) {
      forToken.projects().put(keyOf(projectId), now.plus(REMEMBERED));
    }
  }

  boolean contains(String token, String projectId, Instant now) {
    Denials forToken = denials.get();
    Instant until = forToken.token().equals(token) ? forToken.projects().get(keyOf(projectId)) : null;
    return until != null && now.isBefore(until);
  }

  private static String keyOf(String projectId) {
    return projectId == null ? "" : projectId;
  }
}
