package dev.atlasendpoints.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The client-side token buckets of the {@link RateLimitLayer}. Immutable; start from
 * {@link #defaults()}.
 *
 * @param defaultLimit the bucket of every endpoint set and project without an override
 * @param overrides buckets by endpoint set (e.g. {@code /api/atlas/v2/groups/{groupId}/privateEndpoint})
 * @param maxWait the longest a caller waits for a slot; a longer wait fails at once with
 *     {@link AtlasClientThrottledException}
 * @param learnFromService whether to follow the service's signals: after a 429 every caller of that
 *     bucket waits out {@code Retry-After} and adopts the refill rate the answer states, or, when it
 *     states none, lowers its rate as {@code adaptive} says; a {@code RateLimit-Remaining} of 0
 *     pauses the bucket before it answers 429
 * @param emptyBucketPause how long a {@code RateLimit-Remaining: 0} pauses a bucket
 * @param adaptive how a bucket adapts its rate to 429s that do not state Atlas's refill rate
 * @param idleEviction how long a bucket may go unused before it is forgotten
 * @param maxBuckets the most buckets kept; beyond it the longest-idle unused ones are forgotten first
 * @param sharedStore where buckets are shared with other processes on the same API key (see
 *     {@link RateLimitStore}); empty: each client keeps its buckets in its own memory
 */
public record RateLimitSettings(Limit defaultLimit, Map<String, Limit> overrides, Duration maxWait,
    boolean learnFromService, Duration emptyBucketPause, Adaptive adaptive, Duration idleEviction, int maxBuckets,
    Optional<RateLimitStore> sharedStore) {

  /**
   * A bucket: {@code permits} requests per {@code period}.
   *
   * @param permits requests per period
   * @param period the refill period
   */
  public record Limit(int permits, Duration period) {
    public Limit {
      Objects.requireNonNull(period, "period");
      if (permits < 1 || period.isZero() || period.isNegative()) {
        throw new IllegalArgumentException("a limit needs at least one permit per positive period");
      }
    }

    /** The limit as requests per second. */
    public double perSecond() {
      return permits / (period.toNanos() / 1e9);
    }
  }

  /**
   * The send-rate controller of AWS SDKs' adaptive retry mode (CUBIC), for 429s that carry only
   * "throttled": on a 429 a bucket's rate drops to {@code beta} × the rate it was measured sending
   * at; on each success it grows along {@code scale·(t − K)³ + Wmax} (Wmax the rate at the last
   * 429, K the time to climb back to it), never above twice the measured rate nor above the
   * configured limit, never below {@code minRate}. A refill rate Atlas states takes precedence.
   *
   * @param enabled whether unstated 429s adapt the rate (otherwise they only pause the bucket)
   * @param beta the fraction of the measured rate kept after a 429, in (0, 1)
   * @param scale CUBIC's scale constant C, in requests per second per second³
   * @param minRate the floor, in requests per second
   */
  public record Adaptive(boolean enabled, double beta, double scale, double minRate) {
    public Adaptive {
      if (!(beta > 0 && beta < 1) || !(scale > 0) || !(minRate > 0) || Double.isInfinite(scale)
          || Double.isInfinite(minRate)) {
        throw new IllegalArgumentException("beta must be in (0, 1); scale and minRate must be positive and finite");
      }
    }

    /** AWS's constants: β 0.7, C 0.4, floor 0.5 requests per second. */
    public static Adaptive defaults() {
      return new Adaptive(true, 0.7, 0.4, 0.5);
    }

    /** No adaptation: an unstated 429 only pauses its bucket for {@code Retry-After}. */
    public static Adaptive off() {
      return new Adaptive(false, 0.7, 0.4, 0.5);
    }
  }

  public RateLimitSettings {
    Objects.requireNonNull(adaptive, "adaptive");
    Objects.requireNonNull(idleEviction, "idleEviction");
    if (maxBuckets < 1 || idleEviction.isNegative() || idleEviction.isZero()) {
      throw new IllegalArgumentException("maxBuckets and idleEviction must be positive");
    }
    Objects.requireNonNull(defaultLimit, "defaultLimit");
    Objects.requireNonNull(maxWait, "maxWait");
    Objects.requireNonNull(emptyBucketPause, "emptyBucketPause");
    Objects.requireNonNull(sharedStore, "sharedStore");
    overrides = Map.copyOf(overrides);
    if (maxWait.isNegative() || emptyBucketPause.isNegative()) {
      throw new IllegalArgumentException("waits must not be negative");
    }
    if (maxWait.isZero() && sharedStore.isPresent()) {
      throw new IllegalArgumentException("a shared store needs a positive maxWait: asking it takes a round trip");
    }
  }

  /**
   * 100 requests per second per bucket, at most 30 s of waiting, learning from the service and
   * adapting to unstated 429s with AWS's constants; buckets idle for 10 minutes are forgotten, and
   * at most 10,000 are kept; nothing is shared with other processes.
   */
  public static RateLimitSettings defaults() {
    return new RateLimitSettings(new Limit(100, Duration.ofSeconds(1)), Map.of(), Duration.ofSeconds(30), true,
        Duration.ofSeconds(1), Adaptive.defaults(), Duration.ofMinutes(10), 10_000, Optional.empty());
  }

  public static Builder builder() {
    return defaults().toBuilder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The bucket for an endpoint set. */
  Limit limitFor(String endpointSet) {
    return overrides.getOrDefault(endpointSet, defaultLimit);
  }

  /** Builds {@link RateLimitSettings}; unset values keep their defaults. */
  public static final class Builder {
    private Limit defaultLimit;
    private final java.util.HashMap<String, Limit> overrides;
    private Duration maxWait;
    private boolean learnFromService;
    private Duration emptyBucketPause;
    private Adaptive adaptive;
    private Duration idleEviction;
    private int maxBuckets;
    private Optional<RateLimitStore> sharedStore;

    private Builder(RateLimitSettings from) {
      defaultLimit = from.defaultLimit;
      overrides = new java.util.HashMap<>(from.overrides);
      maxWait = from.maxWait;
      learnFromService = from.learnFromService;
      emptyBucketPause = from.emptyBucketPause;
      adaptive = from.adaptive;
      idleEviction = from.idleEviction;
      maxBuckets = from.maxBuckets;
      sharedStore = from.sharedStore;
    }

    public Builder defaultLimit(int permits, Duration period) {
      this.defaultLimit = new Limit(permits, period);
      return this;
    }

    public Builder override(String endpointSet, int permits, Duration period) {
      overrides.put(endpointSet, new Limit(permits, period));
      return this;
    }

    public Builder maxWait(Duration wait) {
      this.maxWait = wait;
      return this;
    }

    public Builder learnFromService(boolean learn) {
      this.learnFromService = learn;
      return this;
    }

    public Builder emptyBucketPause(Duration pause) {
      this.emptyBucketPause = pause;
      return this;
    }

    public Builder adaptive(Adaptive adaptive) {
      this.adaptive = adaptive;
      return this;
    }

    public Builder idleEviction(Duration idle) {
      this.idleEviction = idle;
      return this;
    }

    public Builder maxBuckets(int max) {
      this.maxBuckets = max;
      return this;
    }

    /**
     * Shares every bucket with the other processes that use {@code store} (e.g. atlas-ratelimit-redis's
     * {@code RedisSharedLimits}), so that a fleet on one API key stays within Atlas's limits together.
     */
    public Builder sharedThrough(RateLimitStore store) {
      this.sharedStore = Optional.of(Objects.requireNonNull(store, "store"));
      return this;
    }

    /** Keeps every bucket in this client's memory only (the default). */
    public Builder unshared() {
      this.sharedStore = Optional.empty();
      return this;
    }

    public RateLimitSettings build() {
      return new RateLimitSettings(defaultLimit, overrides, maxWait, learnFromService, emptyBucketPause, adaptive,
          idleEviction, maxBuckets, sharedStore);
    }
  }
}
