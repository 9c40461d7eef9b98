package dev.atlasendpoints.resilience;

import dev.atlasendpoints.core.ClientLayer;
import dev.atlasendpoints.core.LayerContext;
import dev.atlasendpoints.core.LayerPosition;
import feign.Client;
import java.time.Clock;
import java.util.Objects;

/**
 * Client-side rate limiting keyed like Atlas's own buckets: by endpoint set and project, for every
 * operation. Each bucket serves its callers in order at a rate it learns from the service (see
 * {@link RateLimitSettings#learnFromService()}): the refill rate a 429 states, or, when a 429
 * states nothing, a CUBIC controller ({@link RateLimitSettings.Adaptive}), so that callers of a
 * throttled bucket wait instead of each collecting its own 429.
 */
public final class RateLimitLayer implements ClientLayer {

  private final RateLimitSettings settings;
  private final Clock clock;

  private RateLimitLayer(RateLimitSettings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public static RateLimitLayer of(RateLimitSettings settings) {
    return new RateLimitLayer(settings, Clock.systemUTC());
  }

  public static RateLimitLayer of(RateLimitSettings settings, Clock clock) {
    return new RateLimitLayer(settings, clock);
  }

  @Override
  public LayerPosition position() {
    return LayerPosition.RATE_LIMIT;
  }

  @Override
  public String name() {
    return "atlas-rate-limit";
  }

  @Override
  public Client wrap(Client next, LayerContext context) {
    return new RateLimitingClient(next, settings, context, clock);
  }
}
