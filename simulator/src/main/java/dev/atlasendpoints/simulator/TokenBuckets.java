package dev.atlasendpoints.simulator;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Token buckets of one {@link RateLimit}, one per key (a project, a client), each made full on first use. */
final class TokenBuckets {

  private final RateLimit limit;
  private final Clock clock;
  private final Map<String, TokenBucket> byKey = new ConcurrentHashMap<>();

  TokenBuckets(RateLimit limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  /** Takes one token from {@code key}'s bucket. */
  TokenBucket.Take take(String key) {
    return byKey.computeIfAbsent(key, k -> new TokenBucket(limit, clock)).take();
  }

  RateLimit limit() {
    return limit;
  }
}
