package dev.atlasendpoints.resilience;

import dev.atlasendpoints.core.ClientEventListener;
import dev.atlasendpoints.core.ClientLayer;
import dev.atlasendpoints.core.LayerContext;
import dev.atlasendpoints.core.LayerPosition;
import feign.Client;
import java.time.Clock;
import java.util.Objects;

/**
 * Sends a request again only when Atlas cannot have acted on it, with Resilience4j's Retry.
 *
 * <p>Retried: 429 answers (nothing was done; waits at least {@code Retry-After}), and connections
 * that failed before the request was sent. Not retried unless
 * {@link RetrySettings#replayAmbiguousOutcomes()}: 5xx answers, timeouts and connections dropped
 * after sending — Atlas may have created the resource, so the caller gets
 * {@code AtlasServerException} or {@code AtlasAmbiguousOutcomeException} and decides. Each attempt
 * passes through authentication again; discarded answers are closed.
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
  public Client wrap(Client delegate) {
    return wrap(delegate, new LayerContext(new ClientEventListener() {}));
  }

  @Override
  public Client wrap(Client delegate, LayerContext context) {
    return new RetryingClient(delegate, settings, new RetryBudget(settings.budget()), context.events(), clock);
  }

  public RetrySettings settings() {
    return settings;
  }
}
