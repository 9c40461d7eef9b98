package dev.atlasendpoints.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told, for tests: hand it to the simulator (and to the client under
 * test) to expire nonces and tokens or refill buckets without sleeping. Thread-safe.
 */
public final class ManualClock extends Clock {

  private final AtomicReference<Instant> now;

  /** A clock standing at 2026-11-29T00:00:00Z. */
  public ManualClock() {
    this(Instant.parse("2026-11-29T00:00:00Z"));
  }

  public ManualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** Moves the clock forward. */
  public void advance(Duration duration) {
    now.updateAndGet(instant -> instant.plus(duration));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
