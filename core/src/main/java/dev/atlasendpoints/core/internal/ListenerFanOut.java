package dev.atlasendpoints.core.internal;

import dev.atlasendpoints.core.AtlasOperation;
import dev.atlasendpoints.core.ClientEventListener;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Hands each event to every listener; a listener that throws is logged, never felt by the call. */
final class ListenerFanOut implements ClientEventListener {

  private static final System.Logger LOG = System.getLogger("dev.atlasendpoints.core.events");
  private final List<ClientEventListener> listeners;

  ListenerFanOut(List<ClientEventListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void onRetry(AtlasOperation operation, int attempt, Duration wait, String reason) {
    each(listener -> listener.onRetry(operation, attempt, wait, reason));
  }

  @Override
  public void onClientThrottle(AtlasOperation operation, Duration waited, boolean refused) {
    each(listener -> listener.onClientThrottle(operation, waited, refused));
  }

  @Override
  public void onRateChange(String endpointSet, double permitsPerSecond) {
    each(listener -> listener.onRateChange(endpointSet, permitsPerSecond));
  }

  @Override
  public void onSharedLimitsFallback(String endpointSet) {
    each(listener -> listener.onSharedLimitsFallback(endpointSet));
  }

  private void each(Consumer<ClientEventListener> event) {
    for (ClientEventListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a client event listener failed: " + e.getClass().getName());
      }
    }
  }
}
