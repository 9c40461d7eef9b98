package dev.atlasendpoints.resilience;

import dev.atlasendpoints.core.ClientLayer;
import dev.atlasendpoints.core.LayerContext;
import dev.atlasendpoints.core.LayerPosition;
import feign.Client;
import java.time.Clock;
import java.util.Objects;

/**
 * Sends a request again when its {@link RetrySettings#policy()} says so; by default
 * ({@link StandardRetryPolicy}) only when Atlas cannot have acted on it, or when it is a read.
 *
 * <p>Each attempt passes through authentication and the rate limiter again; discarded answers are
 * closed; retries are drawn from a {@link RetryBudget} shared by every call of the client, and
 * reported to the client's listeners.
 */
public final class RetryLayer implements ClientLayer {

  private final RetrySettings settings;
  private final Clock clock;

  private RetryLayer(RetrySettings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public static RetryLayer of(RetrySettings settings) {
    return new RetryLayer(settings, Clock.systemUTC());
  }

  /** With the clock that {@code Retry-After} dates are measured against. */
  public static RetryLayer of(RetrySettings settings, Clock clock) {
    return new RetryLayer(settings, clock);
  }

  @Override
  public LayerPosition position() {
    return LayerPosition.RETRY;
  }

  @Override
  public String name() {
    return "atlas-retry";
  }

  @Override
  public Client wrap(Client next, LayerContext context) {
    return new RetryingClient(next, settings, new RetryBudget(settings.budget()), context, clock);
  }
}
