package dev.atlasendpoints.simulator;

import java.time.Clock;

/** One token bucket, refilled continuously at the rate of its {@link RateLimit}. Thread-safe. */
final class TokenBucket {

  /** The outcome of taking one token. */
  record Take(boolean granted, long remaining, long retryAfterSeconds) {}

  private final RateLimit limit;
  private final Clock clock;
  private double tokens;
  private long lastRefillMillis;

  TokenBucket(RateLimit limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
    this.tokens = limit.capacity();
    this.lastRefillMillis = clock.millis();
  }

  synchronized Take take() {
    long now = clock.millis();
    double refill = (now - lastRefillMillis) / 1000.0 / limit.secondsPerToken();
    tokens = Math.min(limit.capacity(), tokens + refill);
    lastRefillMillis = now;
    if (tokens >= 1) {
      tokens -= 1;
      return new Take(true, (long) Math.floor(tokens), 0);
    }
    double secondsUntilOneToken = (1 - tokens) * limit.secondsPerToken();
    return new Take(false, 0, Math.max(1, (long) Math.ceil(secondsUntilOneToken)));
  }

  RateLimit limit() {
    return limit;
  }
}
