package dev.atlasendpoints.core.internal;

import dev.atlasendpoints.core.ClientEventListener;
import dev.atlasendpoints.core.ClientLayer;
import dev.atlasendpoints.core.LayerContext;
import feign.Client;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Composes layers around the transport in {@code LayerPosition} order, whatever order they were
 * added in. Each build wraps a fresh stack around the same transport, so nothing is wrapped twice.
 */
public final class LayerStack {

  /** What composing produced: the outermost client and the decorators that need closing. */
  public record Composed(Client client, List<AutoCloseable> closeables) {}

  private LayerStack() {}

  public static List<ClientLayer> ordered(List<ClientLayer> layers) {
    List<ClientLayer> ordered = new ArrayList<>(layers);
    ordered.sort(Comparator.comparing(ClientLayer::position).thenComparing(ClientLayer::name));
    return List.copyOf(ordered);
  }

  /**
   * Wraps {@code innermost} in {@code layers}, innermost position first.
   *
   * @param listeners every listener registered on the builder, told of every layer's events
   */
  public static Composed compose(Client innermost, List<ClientLayer> layers, List<ClientEventListener> listeners) {
    List<ClientLayer> ordered = ordered(layers);
    LayerContext context = new PipelineContext(new ListenerFanOut(listeners));
    List<AutoCloseable> closeables = new ArrayList<>();
    Client client = innermost;
    for (int i = ordered.size() - 1; i >= 0; i--) {
      client = ordered.get(i).wrap(client, context);
      if (client instanceof AutoCloseable closeable) {
        closeables.add(closeable);
      }
    }
    // Closed outermost first: an inner layer (an EXCHANGE timer, say) may still carry what an outer
    // one sends while closing, such as the revocation of the service account's token.
    java.util.Collections.reverse(closeables);
    return new Composed(client, List.copyOf(closeables));
  }
}
