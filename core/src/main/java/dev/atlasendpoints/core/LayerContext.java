package dev.atlasendpoints.core;

/**
 * What the client hands a layer when it wraps: the listeners to report events to.
 *
 * @param events reports to every registered {@link ClientEventListener}; never throws
 */
public record LayerContext(ClientEventListener events) {}
