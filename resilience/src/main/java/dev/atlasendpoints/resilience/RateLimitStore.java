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
 * one process, all adopt ({@link Bucket#adopt}); and a 429 that states no rate lowers the rate of the
 * whole fleet ({@link Bucket#throttled}), which then climbs back along one curve for all of them
 * ({@link Adaptation}, {@link Bucket#adapt}) instead of each process probing upwards on its own, which
 * made a fleet probe Atlas as many times faster as it has processes. When the store cannot answer in time the attempt
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
     * like {@link #pauseFor}, but says whether it was sent, so that the caller announces it again
     * later when not.
     *
     * @param stated the refill rate Atlas stated
     * @return whether it was sent to the store
     */
    boolean adopt(RateLimitSettings.Limit stated);

    /**
     * Atlas answered 429 without stating its rate to an attempt sent {@code sentAgo} ago, while the
     * fleet's bucket ran at {@code allowedRate}: the fleet's adaptive controller starts a new curve
     * from the lower of that rate and the fleet's measured sending rate ({@link Adaptation}), which
     * starts climbing when the {@code pause} the 429 asked for ends (a curve whose low start passed
     * during the pause would send at its old rate again at once) — unless a 429 was recorded after
     * this attempt was sent: then this one is the same overshoot, seen by another caller or process,
     * and the rate was lowered for it already. Best effort, like {@link #pauseFor}, but says whether
     * it was sent at all: when not (the store is known not to answer), the caller's own controller
     * takes the 429.
     *
     * @param sentAgo how long ago the throttled attempt's token was asked for, measured by this
     *     process (from the ask rather than the send: an attempt whose ask may have read the store
     *     before an earlier 429 was recorded then counts as the same overshoot)
     * @param allowedRate the rate this process was allowed when it sent, requests per second
     * @param pause the pause the 429 started ({@link #pauseFor} announces it separately)
     * @return whether it was sent to the store
     */
    boolean throttled(Duration sentAgo, double allowedRate, Duration pause);

    /**
     * Runs the fleet's bucket at {@code perSecond}, the rate the adaptive controller allows now;
     * every process computes it from the same {@link Adaptation}, and calls this when it changed.
     * At or above the configured limit, the bucket runs at the configured limit again. Best effort,
     * like {@link #pauseFor}, but says whether it was sent.
     *
     * @param perSecond requests per second, positive
     * @return whether it was sent to the store
     */
    boolean adapt(double perSecond);
  }

  /**
   * What the fleet's adaptive controller knows: the rate at its last 429 without a stated rate, how
   * long ago that was by the store's clock, and the rate the whole fleet takes tokens at (measured
   * by the store as {@code MeasuredRate} measures one process's). Every process computes the same
   * allowed rate from it, with the same CUBIC curve one process follows on its own.
   *
   * @param maxRateAtThrottle the rate the curve climbs back to, requests per second
   * @param sinceThrottle how long the curve has been climbing: since the pause after its 429 ended
   * @param sendingRate the fleet's measured sending rate, requests per second (0 until measured)
   */
  record Adaptation(double maxRateAtThrottle, Duration sinceThrottle, double sendingRate) {
    public Adaptation {
      Objects.requireNonNull(sinceThrottle, "sinceThrottle");
      if (!(maxRateAtThrottle >= 0) || !(sendingRate >= 0) || sinceThrottle.isNegative()
          || Double.isInfinite(maxRateAtThrottle) || Double.isInfinite(sendingRate)) {
        throw new IllegalArgumentException("rates are finite and not negative; sinceThrottle is not negative");
      }
    }
  }

  /**
   * What a store answered to {@link Bucket#take}, with what it knows of the fleet's bucket, which
   * the client adopts in its own picture too.
   *
   * @param outcome whether a token was taken
   * @param retryIn for {@link Outcome#WAIT}: how long until a token may be free (zero otherwise)
   * @param pausedFor how long a pause that is running still lasts, or {@code null}
   * @param learned the rate the fleet learned from Atlas, or {@code null}
   * @param adaptation the fleet's adaptive controller after a 429 that stated no rate, or {@code null}
   *     when none was recorded (or {@code learned} makes it moot)
   */
  record Grant(Outcome outcome, Duration retryIn, Duration pausedFor, RateLimitSettings.Limit learned,
      Adaptation adaptation) {

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
    public static Grant taken(RateLimitSettings.Limit learned, Adaptation adaptation) {
      return new Grant(Outcome.TAKEN, Duration.ZERO, null, learned, adaptation);
    }

    /** No token before {@code retryIn}; {@code pausedFor} when that is because of a pause. */
    public static Grant waitFor(Duration retryIn, Duration pausedFor, RateLimitSettings.Limit learned,
        Adaptation adaptation) {
      return new Grant(Outcome.WAIT, retryIn, pausedFor, learned, adaptation);
    }

    /** The store is answering, but the caller's time ran out first. */
    public static Grant outOfTime() {
      return new Grant(Outcome.OUT_OF_TIME, Duration.ZERO, null, null, null);
    }

    /** The store did not answer. */
    public static Grant unavailable() {
      return new Grant(Outcome.UNAVAILABLE, Duration.ZERO, null, null, null);
    }
  }
}
