package dev.atlasendpoints.core;

import java.time.Duration;

/**
 * Events layers report and others observe, so that layers stay independent of each other: the
 * resilience layers report retries and client-side waits, the metrics module counts them, and
 * neither module depends on the other. Listeners are registered on the client builder
 * ({@code AtlasClient.Builder.listener}) and hear every layer's events whichever layers are
 * present; layers report through {@link LayerContext#events()}. Listeners must be fast and must
 * not throw.
 */
public interface ClientEventListener {

  /**
   * An attempt failed and will be sent again.
   *
   * @param operation the operation
   * @param attempt the attempt that failed, from 1
   * @param wait how long the retry waits first
   * @param reason a bounded reason: a status such as {@code 429} or an exception's simple class name
   */
  default void onRetry(AtlasOperation operation, int attempt, Duration wait, String reason) {}

  /**
   * The client-side rate limiter held an attempt back, or refused it.
   *
   * @param operation the operation
   * @param waited how long the attempt waited
   * @param refused whether it was refused (the caller got an exception) rather than delayed
   */
  default void onClientThrottle(AtlasOperation operation, Duration waited, boolean refused) {}

  /**
   * The client-side rate limiter changed the rate it allows a bucket to send at: it learned a rate
   * Atlas stated, or adapted to Atlas's throttling. Reported per endpoint set (never per project, so
   * that observers stay bounded); with several projects it is the latest change of any of them.
   *
   * @param endpointSet the endpoint set ({@link AtlasOperation#endpointSet()})
   * @param permitsPerSecond the requests per second now allowed; 0 while a {@code Retry-After} pause lasts
   */
  default void onRateChange(String endpointSet, double permitsPerSecond) {}

  /**
   * A rate limiter that shares its limits with other processes (e.g. through Redis) could not reach
   * its store in time, so an attempt went out under this process's own limits instead. Reported per
   * attempt, per endpoint set.
   *
   * @param endpointSet the endpoint set ({@link AtlasOperation#endpointSet()})
   */
  default void onSharedLimitsFallback(String endpointSet) {}
}
