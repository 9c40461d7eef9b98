package dev.atlasendpoints.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The token side of service accounts: issues expiring bearer tokens (at most
 * {@code maxActiveTokens} live ones per account), authenticates them, revokes them, and limits how
 * often each client may ask.
 */
final class ServiceAccountTokens {

  /** The outcome of a token request. */
  sealed interface Issue permits Issued, InvalidClient, TokenLimitReached, Throttled {}

  record Issued(String accessToken, long expiresInSeconds) implements Issue {}

  record InvalidClient() implements Issue {}

  record TokenLimitReached() implements Issue {}

  record Throttled(long retryAfterSeconds) implements Issue {}

  private record ActiveToken(ServiceAccount account, Instant expiresAt) {}

  private final Map<String, ServiceAccount> accounts;
  private final Duration lifetime;
  private final int maxActiveTokens;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, ActiveToken> tokens = new ConcurrentHashMap<>();
  private final TokenBuckets tokenRequestsByClient;

  ServiceAccountTokens(List<ServiceAccount> accounts, Duration lifetime, int maxActiveTokens,
      RateLimit tokenRequestLimit, Clock clock) {
    this.accounts = accounts.stream()
        .collect(Collectors.toUnmodifiableMap(ServiceAccount::clientId, Function.identity()));
    this.lifetime = lifetime;
    this.maxActiveTokens = maxActiveTokens;
    this.tokenRequestsByClient = new TokenBuckets(tokenRequestLimit, clock);
    this.clock = clock;
  }

  synchronized Issue issue(String clientId, String clientSecret) {
    TokenBucket.Take take = tokenRequestsByClient.take(String.valueOf(clientId));
    if (!take.granted()) {
      return new Throttled(take.retryAfterSeconds());
    }
    ServiceAccount account = accounts.get(clientId);
    if (account == null || !constantTimeEquals(account.clientSecret(), clientSecret)) {
      return new InvalidClient();
    }
    Instant now = clock.instant();
    tokens.values().removeIf(t -> !t.expiresAt().isAfter(now));
    long active = tokens.values().stream().filter(t -> t.account().equals(account)).count();
    if (active >= maxActiveTokens) {
      return new TokenLimitReached();
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    tokens.put(token, new ActiveToken(account, now.plus(lifetime)));
    return new Issued(token, lifetime.toSeconds());
  }

  Optional<Caller> authenticate(String bearerToken) {
    ActiveToken token = tokens.get(bearerToken);
    if (token == null || !token.expiresAt().isAfter(clock.instant())) {
      return Optional.empty();
    }
    ServiceAccount account = token.account();
    return Optional.of(new Caller(account.clientId(), account::mayAccess));
  }

  /** Revokes a token of the given client; false when the client's credentials are wrong. */
  boolean revoke(String clientId, String clientSecret, String token) {
    ServiceAccount account = accounts.get(clientId);
    if (account == null || !constantTimeEquals(account.clientSecret(), clientSecret)) {
      return false;
    }
    tokens.computeIfPresent(String.valueOf(token), (t, active) -> active.account().equals(account) ? null : active);
    return true;
  }

  /** Live tokens of one account, for tests. */
  long activeTokens(String clientId) {
    Instant now = clock.instant();
    return tokens.values().stream()
        .filter(t -> t.account().clientId().equals(clientId) && t.expiresAt().isAfter(now))
        .count();
  }

  private static boolean constantTimeEquals(String expected, String actual) {
    return actual != null && java.security.MessageDigest.isEqual(
        expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        actual.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

}
