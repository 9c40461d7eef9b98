package dev.atlasendpoints.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how the {@link RetryLayer} sends a request again. Immutable; start from
 * {@link #defaults()}.
 *
 * @param maxAttempts attempts per call, the first included
 * @param initialBackoff the backoff before the first retry when Atlas names no wait
 * @param maxBackoff the longest backoff between two attempts
 * @param multiplier growth of the backoff per attempt
 * @param maxTotalWait the most a call waits across all its retries; a retry that would exceed it is
 *     not made and the last failure goes to the caller
 * @param replayAmbiguousOutcomes whether to replay requests Atlas may have processed (5xx answers,
 *     timeouts and connections dropped after sending). Off by default: a replayed create can
 *     create a second resource
 * @param budget the shared allowance of retries that stops a failing service from being hammered
 * @param policy decides each retry from the outcome and these settings; default
 *     {@link StandardRetryPolicy}, whose table of outcomes is the SDK's retry rule
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
    Duration maxTotalWait, boolean replayAmbiguousOutcomes, RetryBudget.Settings budget, RetryPolicy policy) {

  public RetrySettings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxTotalWait, "maxTotalWait");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(policy, "policy");
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || multiplier < 1
        || maxTotalWait.isNegative()) {
      throw new IllegalArgumentException("backoffs must be non-negative, maxBackoff >= initialBackoff, multiplier >= 1");
    }
  }

  /** 4 attempts, backoff 200 ms doubling to 10 s with jitter, at most 60 s of waiting, no replays. */
  public static RetrySettings defaults() {
    return new RetrySettings(4, Duration.ofMillis(200), Duration.ofSeconds(10), 2.0, Duration.ofSeconds(60), false,
        RetryBudget.Settings.defaults(), StandardRetryPolicy.instance());
  }

  public static Builder builder() {
    return defaults().toBuilder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link RetrySettings}; unset values keep their defaults. */
  public static final class Builder {
    private int maxAttempts;
    private Duration initialBackoff;
    private Duration maxBackoff;
    private double multiplier;
    private Duration maxTotalWait;
    private boolean replayAmbiguousOutcomes;
    private RetryBudget.Settings budget;
    private RetryPolicy policy;

    private Builder(RetrySettings from) {
      maxAttempts = from.maxAttempts;
      initialBackoff = from.initialBackoff;
      maxBackoff = from.maxBackoff;
      multiplier = from.multiplier;
      maxTotalWait = from.maxTotalWait;
      replayAmbiguousOutcomes = from.replayAmbiguousOutcomes;
      budget = from.budget;
      policy = from.policy;
    }

    public Builder maxAttempts(int attempts) {
      this.maxAttempts = attempts;
      return this;
    }

    public Builder initialBackoff(Duration backoff) {
      this.initialBackoff = backoff;
      return this;
    }

    public Builder maxBackoff(Duration backoff) {
      this.maxBackoff = backoff;
      return this;
    }

    public Builder multiplier(double multiplier) {
      this.multiplier = multiplier;
      return this;
    }

    public Builder maxTotalWait(Duration wait) {
      this.maxTotalWait = wait;
      return this;
    }

    /**
     * Replays requests Atlas may already have processed. Only for operations you know to be safe
     * to repeat, or when you check for duplicates yourself.
     */
    public Builder replayAmbiguousOutcomes(boolean replay) {
      this.replayAmbiguousOutcomes = replay;
      return this;
    }

    public Builder budget(RetryBudget.Settings budget) {
      this.budget = budget;
      return this;
    }

    /** Replaces the SDK's retry rule ({@link StandardRetryPolicy}) with your own. */
    public Builder policy(RetryPolicy policy) {
      this.policy = policy;
      return this;
    }

    public RetrySettings build() {
      return new RetrySettings(maxAttempts, initialBackoff, maxBackoff, multiplier, maxTotalWait,
          replayAmbiguousOutcomes, budget, policy);
    }
  }
}
