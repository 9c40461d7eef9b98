package dev.atlasendpoints.simulator;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * One token bucket, refilled continuously at the rate of its {@link RateLimit}, which may change
 * while it runs (the refill since the last take is counted at the current rate). Thread-safe.
 */
final class TokenBucket {

  /** The outcome of taking one token. */
  record Take(boolean granted, long remaining, long retryAfterSeconds) {}

  private final Supplier<RateLimit> limits;
  private final Clock clock;
  private double tokens;
  private long lastRefillMillis;

  TokenBucket(Supplier<RateLimit> limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
    this.tokens = limits.get().capacity();
    this.lastRefillMillis = clock.millis();
  }

  synchronized Take take() {
    RateLimit limit = limits.get();
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
}
