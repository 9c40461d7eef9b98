package dev.atlasendpoints.provisioning;

import dev.atlasendpoints.core.errors.AtlasException;
import dev.atlasendpoints.core.errors.AtlasInterruptedException;
import dev.atlasendpoints.core.errors.AtlasNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Polls one resource until its status is done, failed, or the time is up. Reads go through the
 * client (so retries and rate limiting apply to each); a read that still failed transiently, or a
 * 404 within the grace period, just means "ask again later". An interrupt ends the wait.
 */
final class Waiter {

  private static final System.Logger LOG = System.getLogger(Waiter.class.getName());
  private static final Duration MAX_TIMEOUT = Duration.ofDays(30);

  private final Function<ResourceRef, ResourceState> reader;
  private final ProvisioningSettings settings;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final ProvisioningListener listener;

  Waiter(Function<ResourceRef, ResourceState> reader, ProvisioningSettings settings, Clock clock, Sleeper sleeper,
      DoubleSupplier random, ProvisioningListener listener) {
    this.reader = reader;
    this.settings = settings;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
    this.listener = listener;
  }

  ResourceState await(ResourceRef ref, Duration timeout, Consumer<StateChange> progress) {
    Objects.requireNonNull(ref, "ref");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative");
    }
    Instant start = clock.instant();
    // Capped so that a huge timeout cannot overflow Instant.
    Instant deadline = start.plus(timeout.compareTo(MAX_TIMEOUT) < 0 ? timeout : MAX_TIMEOUT);
    String lastStatus = null;
    for (int polls = 0; ; polls++) {
      ResourceState state = readOrNull(ref, start);
      Duration elapsed = Duration.between(start, clock.instant());
      if (state != null) {
        if (!Objects.equals(state.status(), lastStatus)) {
          StateChange change = new StateChange(ref, lastStatus, state.status(), elapsed);
          notify(() -> progress.accept(change), "progress callback", ref);
          notify(() -> listener.onStateChange(change), "ProvisioningListener.onStateChange", ref);
          lastStatus = state.status();
        }
        Phase phase = StatusTable.phase(ref, state);
        if (phase == Phase.DONE) {
          notify(() -> listener.onAvailable(ref, elapsed), "ProvisioningListener.onAvailable", ref);
          return state;
        }
        if (phase == Phase.FAILED) {
          throw new AtlasProvisioningFailedException(ref, state.status(), state.errorMessage());
        }
      }
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        throw new AtlasWaitTimeoutException(ref, lastStatus, elapsed);
      }
      Duration pause = PollBackoff.pause(settings, polls, random);
      // The last read falls on the deadline, so that a resource done just in time is seen done.
      sleep(pause.compareTo(left) < 0 ? pause : left);
    }
  }

  /** A callback must never break the wait: its failure is logged (class name only) and the wait goes on. */
  private static void notify(Runnable callback, String what, ResourceRef ref) {
    try {
      callback.run();
    } catch (RuntimeException failed) {
      LOG.log(System.Logger.Level.WARNING, what + " failed for a " + ref.kind() + ": " + failed.getClass().getName());
    }
  }

  private ResourceState readOrNull(ResourceRef ref, Instant start) {
    if (Thread.currentThread().isInterrupted()) {
      throw new AtlasInterruptedException(null, "waiting for a " + ref.kind(), false);
    }
    try {
      return reader.apply(ref);
    } catch (AtlasNotFoundException notFound) {
      if (Duration.between(start, clock.instant()).compareTo(settings.notFoundGrace()) > 0) {
        throw notFound;
      }
      return null;
    } catch (AtlasException failure) {
      if (!FailureKind.of(failure).transientForRead()) {
        throw failure;
      }
      return null;
    }
  }

  private void sleep(Duration pause) {
    try {
      sleeper.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AtlasInterruptedException(null, "waiting between reads", false);
    }
  }
}
