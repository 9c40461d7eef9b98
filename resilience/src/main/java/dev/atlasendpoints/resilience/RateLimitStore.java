package dev.atlasendpoints.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the {@link RateLimitLayer} keeps, per bucket (endpoint set and project), what every process
 * sending on one API key must agree on: the token bucket, the pause after a 429, and the rate Atlas
 * stated. Atlas limits per project and organisation, not per process, so a fleet of processes with
 * one limiter each multiplies every limit by the size of the fleet.
 *
 * <p>Without a store (the default) all of it lives in each client's memory, in its queues, exactly
 * as before stores existed. With one ({@link RateLimitSettings.Builder#sharedThrough}), each
 * client still orders its own callers and keeps its own picture of the bucket, and in addition:
 * the caller at the head of a queue takes its token from {@link Bucket#take}; a 429 or an empty
 * bucket seen by one process pauses all of them ({@link Bucket#pauseFor}); a rate Atlas states to
 * one process, all adopt ({@link Bucket#adopt}). When the store cannot answer in time the attempt
 * goes out under the client's own limits, and listeners hear
 * {@code ClientEventListener.onSharedLimitsFallback}.
 *
 * <p>Implementations are thread-safe, never throw from these methods, and return within the time
 * they are given. Times cross the store as durations, never as instants: processes' clocks differ,
 * so a pause is measured from when the store receives it, by the store's own clock, and read back as
 * how long it still runs. {@code atlas-ratelimit-redis} provides one over Redis.
 */
public interface RateLimitStore {

  /**
   * The shared state of one bucket; called once per bucket a client keeps (again after the client
   * forgot an idle bucket).
   *
   * @param key the endpoint set and project, e.g. {@code /api/atlas/v2/groups/{groupId}/privateEndpoint@5f4e…}
   * @param configured the limit a bucket nobody has learned anything about starts at
   * @return the bucket's shared state
   */
  Bucket bucket(String key, RateLimitSettings.Limit configured);

  /** The shared state of one bucket. */
  interface Bucket {

    /**
     * Takes one token for an attempt about to be sent, unless the fleet's bucket is paused or
     * empty.
     *
     * @param timeout the longest this may take (the caller's remaining wait); when the store cannot
     *     answer within it, the answer is {@link Grant#outOfTime()} if the store is answering but
     *     {@code timeout} was too short for it, else {@link Grant#unavailable()}
     * @return what the store answered
     */
    Grant take(Duration timeout);

    /**
     * Pauses the fleet's bucket for {@code wait} from when the store receives it; a pause only ever
     * moves later. Best effort: it may return before the store has it, and a store that cannot be
     * reached drops it.
     *
     * @param wait how long sending waits, counted by the store's clock
     */
    void pauseFor(Duration wait);

    /**
     * Makes {@code stated} the rate of the fleet's bucket (Atlas stated it in a 429). Best effort,
     * like {@link #pauseUntil}.
     *
     * @param stated the refill rate Atlas stated
     */
    void adopt(RateLimitSettings.Limit stated);
  }

  /**
   * What a store answered to {@link Bucket#take}, with what it knows of the fleet's bucket, which
   * the client adopts in its own picture too.
   *
   * @param outcome whether a token was taken
   * @param retryIn for {@link Outcome#WAIT}: how long until a token may be free (zero otherwise)
   * @param pausedFor how long a pause that is running still lasts, or {@code null}
   * @param learned the rate the fleet learned from Atlas, or {@code null}
   */
  record Grant(Outcome outcome, Duration retryIn, Duration pausedFor, RateLimitSettings.Limit learned) {

    /** Whether a token was taken. */
    public enum Outcome {
      /** A token was taken: send. */
      TAKEN,
      /** No token yet (paused, or the bucket is empty): ask again after {@code retryIn}. */
      WAIT,
      /**
       * The store is answering, but not within the caller's remaining wait: the caller is refused
       * as any caller out of time is; local limits do not stand in for the store.
       */
      OUT_OF_TIME,
      /** The store failed or did not answer within its own timeout: send under the client's own limits. */
      UNAVAILABLE
    }

    public Grant {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(retryIn, "retryIn");
      if (retryIn.isNegative() || pausedFor != null && pausedFor.isNegative()) {
        throw new IllegalArgumentException("retryIn and pausedFor must not be negative");
      }
    }

    /** A token was taken. */
    public static Grant taken(RateLimitSettings.Limit learned) {
      return new Grant(Outcome.TAKEN, Duration.ZERO, null, learned);
    }

    /** No token before {@code retryIn}; {@code pausedFor} when that is because of a pause. */
    public static Grant waitFor(Duration retryIn, Duration pausedFor, RateLimitSettings.Limit learned) {
      return new Grant(Outcome.WAIT, retryIn, pausedFor, learned);
    }

    /** The store is answering, but the caller's time ran out first. */
    public static Grant outOfTime() {
      return new Grant(Outcome.OUT_OF_TIME, Duration.ZERO, null, null);
    }

    /** The store did not answer. */
    public static Grant unavailable() {
      return new Grant(Outcome.UNAVAILABLE, Duration.ZERO, null, null);
    }
  }
}
