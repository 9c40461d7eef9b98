package dev.atlasendpoints.core;

/**
 * Where a {@link ClientLayer} sits in the client's pipeline, outermost first. The client composes
 * layers in this order whatever order they were added in:
 *
 * <pre>
 *   CALL            one sample per API method call (e.g. the metrics call timer)
 *   RETRY           decides whether to send again (resilience)
 *   RATE_LIMIT      waits for the client-side bucket (resilience)
 *   AUTHENTICATION  digest or bearer; owned by core, answers challenges
 *   EXCHANGE        one sample per HTTP exchange, 401 challenges included (metrics)
 *   (transport)     the feign.Client that talks HTTP
 * </pre>
 *
 * Layers at the same position are ordered by {@link ClientLayer#name()}. {@code EXCHANGE} layers see
 * every request as sent, credentials included (and the service account's token requests): never
 * log their headers or bodies.
 */
public enum LayerPosition {
  CALL,
  RETRY,
  RATE_LIMIT,
  AUTHENTICATION,
  EXCHANGE
}
