package dev.atlasendpoints.core;

import feign.Client;
import java.util.Objects;

/**
 * The SPI through which modules add behaviour to every HTTP exchange: a {@link Client} decorator
 * with a declared {@link LayerPosition}. {@link #wrap} is called once per built client; if the
 * decorator it returns is {@link AutoCloseable}, closing the client closes it.
 *
 * <p>A layer sees every physical attempt below its position, with statuses and headers, and the
 * SDK's typed exceptions ({@code AtlasCommunicationException} and its subtypes) instead of raw
 * {@code IOException}s. The {@link LayerContext} tells which operation and project each request
 * belongs to and where to report events, so a layer never parses a request to learn what it is.
 *
 * <p>Layers see requests as they are sent: below {@code AUTHENTICATION} that includes credentials
 * (digest responses, bearer tokens, and the Basic credentials and token of the service account's
 * own token requests, which pass through {@code EXCHANGE} too). Never log headers or bodies.
 *
 * <p>A layer that changes a request builds a new one ({@code Request.create(...)}); it must not
 * change {@code request.requestTemplate()}: that template is shared, read-only, by every request of
 * the same API method (it only tells {@link LayerContext#call} which operation a request belongs to).
 */
public interface ClientLayer {

  /** Where this layer sits. */
  LayerPosition position();

  /** A stable name, used to order layers that share a position and to refuse duplicates. */
  default String name() {
    return getClass().getName();
  }

  /**
   * Decorates {@code next}, the next layer inward.
   *
   * @param next the client to hand requests on to
   * @param context what the client tells every layer: each request's {@link AtlasCall} and the
   *     event sink
   */
  Client wrap(Client next, LayerContext context);

  /**
   * A layer from its parts, for layers that need no class of their own:
   * {@code ClientLayer.of(LayerPosition.EXCHANGE, "exchange-timer", (next, context) -> (request, options) -> ...)}.
   */
  static ClientLayer of(LayerPosition position, String name, Wrapper wrapper) {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(wrapper, "wrapper");
    return new ClientLayer() {
      @Override
      public LayerPosition position() {
        return position;
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public Client wrap(Client next, LayerContext context) {
        return wrapper.wrap(next, context);
      }

      @Override
      public String toString() {
        return "ClientLayer[" + position + ":" + name + "]";
      }
    };
  }

  /** What {@link #wrap} does, for {@link #of}. */
  @FunctionalInterface
  interface Wrapper {
    Client wrap(Client next, LayerContext context);
  }
}
