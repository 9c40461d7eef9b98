package dev.atlasendpoints.simulator;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets of one {@link RateLimit}, one per key (a project, a client), each made full on first
 * use. The limit can be changed while the simulator runs; every bucket follows from its next take.
 */
final class TokenBuckets {

  private volatile RateLimit limit;
  private final Clock clock;
  private final Map<String, TokenBucket> byKey = new ConcurrentHashMap<>();

  TokenBuckets(RateLimit limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  /** Takes one token from {@code key}'s bucket. */
  TokenBucket.Take take(String key) {
    return byKey.computeIfAbsent(key, k -> new TokenBucket(this::limit, clock)).take();
  }

  RateLimit limit() {
    return limit;
  }

  void changeLimit(RateLimit changed) {
    this.limit = java.util.Objects.requireNonNull(changed, "limit");
  }
}
