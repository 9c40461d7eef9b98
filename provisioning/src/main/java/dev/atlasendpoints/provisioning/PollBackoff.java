package dev.atlasendpoints.provisioning;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The pause before the next read of a resource being waited for: exponential from the initial
 * interval, capped, with part of it drawn at random. A pure function of its inputs.
 */
final class PollBackoff {

  private PollBackoff() {}

  /**
   * @param pollsSoFar how many pauses came before this one (0 for the first)
   * @param random a value in [0, 1)
   */
  static Duration pause(ProvisioningSettings settings, int pollsSoFar, DoubleSupplier random) {
    double initial = settings.pollInitialInterval().toMillis();
    double cap = settings.pollMaxInterval().toMillis();
    double grown = Math.min(cap, initial * Math.pow(settings.pollMultiplier(), Math.min(pollsSoFar, 64)));
    // Jitter only shortens a pause, so that the cap holds and waiters that started together spread out.
    double jittered = grown * (1.0 - settings.jitter() * random.getAsDouble());
    return Duration.ofMillis(Math.max(1L, Math.round(jittered)));
  }
}
