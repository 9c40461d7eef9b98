package dev.atlasendpoints.provisioning;

import java.time.Duration;
import java.util.Objects;

/**
 * How provisioning polls and how often it tries to settle a create. Immutable; validated when built.
 *
 * @param pollInitialInterval the first pause between two reads of a resource being waited for
 * @param pollMaxInterval the longest pause between two reads
 * @param pollMultiplier how much each pause grows over the one before
 * @param jitter the share of each pause drawn at random (0 to 1), so that many waiters spread out
 * @param notFoundGrace how long a 404 is read as "not visible yet" after a wait starts (eventual consistency)
 * @param maxCreateAttempts how many times an ensure reads, and creates if absent, before it gives up
 * @param createRetryBackoff the pause before trying again after a create or read failed on the way
 */
public record ProvisioningSettings(Duration pollInitialInterval, Duration pollMaxInterval, double pollMultiplier,
    double jitter, Duration notFoundGrace, int maxCreateAttempts, Duration createRetryBackoff) {

  public ProvisioningSettings {
    requirePositive(pollInitialInterval, "pollInitialInterval");
    requirePositive(pollMaxInterval, "pollMaxInterval");
    if (pollMaxInterval.compareTo(pollInitialInterval) < 0) {
      throw new IllegalArgumentException("pollMaxInterval must not be shorter than pollInitialInterval");
    }
    if (!(pollMultiplier >= 1.0)) {
      throw new IllegalArgumentException("pollMultiplier must be at least 1");
    }
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1");
    }
    Objects.requireNonNull(notFoundGrace, "notFoundGrace");
    if (notFoundGrace.isNegative()) {
      throw new IllegalArgumentException("notFoundGrace must not be negative");
    }
    if (maxCreateAttempts < 1) {
      throw new IllegalArgumentException("maxCreateAttempts must be at least 1");
    }
    Objects.requireNonNull(createRetryBackoff, "createRetryBackoff");
    if (createRetryBackoff.isNegative()) {
      throw new IllegalArgumentException("createRetryBackoff must not be negative");
    }
  }

  /** 1 s growing by 1.3 up to 30 s with 20 % jitter, 404s tolerated for 30 s, 10 tries per ensure, 200 ms between. */
  public static ProvisioningSettings defaults() {
    return new ProvisioningSettings(Duration.ofSeconds(1), Duration.ofSeconds(30), 1.3, 0.2,
        Duration.ofSeconds(30), 10, Duration.ofMillis(200));
  }

  public static Builder builder() {
    return defaults().toBuilder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  /** Builds {@link ProvisioningSettings}; starts from the defaults. */
  public static final class Builder {
    private Duration pollInitialInterval;
    private Duration pollMaxInterval;
    private double pollMultiplier;
    private double jitter;
    private Duration notFoundGrace;
    private int maxCreateAttempts;
    private Duration createRetryBackoff;

    private Builder(ProvisioningSettings from) {
      pollInitialInterval = from.pollInitialInterval;
      pollMaxInterval = from.pollMaxInterval;
      pollMultiplier = from.pollMultiplier;
      jitter = from.jitter;
      notFoundGrace = from.notFoundGrace;
      maxCreateAttempts = from.maxCreateAttempts;
      createRetryBackoff = from.createRetryBackoff;
    }

    public Builder pollInitialInterval(Duration interval) {
      pollInitialInterval = interval;
      return this;
    }

    public Builder pollMaxInterval(Duration interval) {
      pollMaxInterval = interval;
      return this;
    }

    public Builder pollMultiplier(double multiplier) {
      pollMultiplier = multiplier;
      return this;
    }

    public Builder jitter(double share) {
      jitter = share;
      return this;
    }

    public Builder notFoundGrace(Duration grace) {
      notFoundGrace = grace;
      return this;
    }

    public Builder maxCreateAttempts(int attempts) {
      maxCreateAttempts = attempts;
      return this;
    }

    public Builder createRetryBackoff(Duration backoff) {
      createRetryBackoff = backoff;
      return this;
    }

    public ProvisioningSettings build() {
      return new ProvisioningSettings(pollInitialInterval, pollMaxInterval, pollMultiplier, jitter, notFoundGrace,
          maxCreateAttempts, createRetryBackoff);
    }
  }
}
