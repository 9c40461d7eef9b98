package dev.atlasendpoints.core;

import feign.Client;

/**
 * The SPI through which modules add behaviour to every HTTP exchange: a {@link Client} decorator
 * with a declared {@link LayerPosition}. {@link #wrap} is called once per built client; if the
 * decorator it returns is {@link AutoCloseable}, closing the client closes it.
 *
 * <p>A layer sees every physical attempt below its position, with statuses and headers, and the
 * SDK's typed exceptions ({@code AtlasCommunicationException} and its subtypes) instead of raw
 * {@code IOException}s. {@link AtlasOperation#of(feign.Request)} tells which operation a request
 * belongs to.
 */
public interface ClientLayer {

  /** Where this layer sits. */
  LayerPosition position();

  /** A stable name, used to order layers that share a position and to refuse duplicates. */
  default String name() {
    return getClass().getName();
  }

  /** Decorates {@code delegate}, the next layer inward. */
  Client wrap(Client delegate);

  /** Decorates {@code delegate}, with access to the client's event listeners. */
  default Client wrap(Client delegate, LayerContext context) {
    return wrap(delegate);
  }
}
