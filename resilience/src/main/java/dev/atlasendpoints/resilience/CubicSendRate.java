package dev.atlasendpoints.resilience;

/**
 * The rate one bucket may send at, in requests per second: the configured limit until Atlas
 * throttles; then, when Atlas states its refill rate, that rate; otherwise the CUBIC controller of
 * the AWS SDKs' adaptive retry mode, which needs only "throttled" and "accepted" (see
 * {@link RateLimitSettings.Adaptive}). A pure function of the answers and their times: no clock, no
 * locks (its {@link SendQueue} guards it), so it is table-tested without sleeping.
 *
 * <p>Differences from the SDKs, for what went wrong there: the rate is capped by the configured
 * limit (a CUBIC curve left alone grows without bound while nothing throttles); the first 429
 * before any window has closed starts from the floor rather than from a burst's instantaneous rate,
 * which would be far above Atlas's; and a stated rate is never second-guessed.
 */
final class CubicSendRate {

  private final RateLimitSettings.Adaptive adaptive;
  private final double ceiling;
  private final MeasuredRate measured = new MeasuredRate();
  private double rate;
  private double maxRateAtThrottle;
  private double lastThrottleSeconds;
  private double secondsToRegainMax;
  private boolean adapting;
  private boolean followingFleet;
  private boolean stated;

  CubicSendRate(RateLimitSettings.Adaptive adaptive, double configured) {
    this.adaptive = adaptive;
    this.ceiling = configured;
    this.rate = configured;
  }

  /** The allowed rate, requests per second. */
  double rate() {
    return rate;
  }

  /** Whether the rate is one Atlas stated. */
  boolean stated() {
    return stated;
  }

  /** The configured limit, the most the controller allows. */
  double ceilingRate() {
    return ceiling;
  }

  double measuredRate() {
    return measured.rate();
  }

  /** Atlas accepted a request at {@code nowSeconds}: the rate climbs back along the cubic curve. */
  void onAccepted(double nowSeconds) {
    double sending = measured.record(nowSeconds);
    if (stated || !adapting || followingFleet) {
      return;
    }
    rate = clamp(Math.min(curve(maxRateAtThrottle, nowSeconds - lastThrottleSeconds, secondsToRegainMax), 2 * sending));
  }

  /**
   * Follows the fleet's controller instead of its own (limits shared through a {@link RateLimitStore}):
   * the rate {@code sinceThrottle} seconds into the curve that started at the fleet's last 429 from
   * {@code maxRateAtThrottle}, capped at twice the fleet's sending rate as {@link #onAccepted} caps
   * one process's. A stated rate still takes precedence. The curve is kept as this process's own, so
   * that when the fleet's is gone ({@link #stopFollowingFleet}) this process carries on along it.
   *
   * @return the rate now allowed
   */
  double followFleet(double nowSeconds, double maxRateAtThrottle, double sinceThrottle, double fleetSending) {
    if (stated) {
      return rate;
    }
    followingFleet = true;
    adapting = true;
    this.maxRateAtThrottle = maxRateAtThrottle;
    secondsToRegainMax = secondsToRegain(maxRateAtThrottle);
    lastThrottleSeconds = nowSeconds - sinceThrottle;
    rate = clamp(Math.min(curve(maxRateAtThrottle, sinceThrottle, secondsToRegainMax), 2 * fleetSending));
    return rate;
  }

  /** Whether the rate follows the fleet's curve ({@link #followFleet}). */
  boolean followingFleet() {
    return followingFleet;
  }

  /**
   * The fleet's curve is gone (its 429 long past) or cannot be read (the store does not answer):
   * this process carries on along the last one it followed, measured by its own answers, as if it
   * had been its own.
   */
  void stopFollowingFleet() {
    followingFleet = false;
  }

  /** CUBIC's K: how long the curve from a 429 at {@code maxRate} takes to climb back to it. */
  private double secondsToRegain(double maxRate) {
    return Math.cbrt(maxRate * (1 - adaptive.beta()) / adaptive.scale());
  }

  /**
   * CUBIC's curve: {@code scale·(t − K)³ + Wmax}, {@code t} seconds after a 429 at {@code Wmax};
   * {@code β·Wmax} at {@code t = 0}, {@code Wmax} again at {@code t = K}.
   */
  private double curve(double maxRate, double sinceThrottle, double secondsToRegain) {
    double t = sinceThrottle - secondsToRegain;
    return adaptive.scale() * t * t * t + maxRate;
  }

  /** Whether unstated 429s lower the rate at all ({@link RateLimitSettings.Adaptive#enabled}). */
  boolean adapts() {
    return adaptive.enabled();
  }

  /** Atlas throttled a request at {@code nowSeconds} without stating its rate. */
  void onThrottled(double nowSeconds) {
    double sending = measured.record(nowSeconds);
    if (stated || !adaptive.enabled()) {
      return;
    }
    double base = adapting ? Math.min(sending, rate) : sending;
    maxRateAtThrottle = base;
    secondsToRegainMax = secondsToRegain(base);
    lastThrottleSeconds = nowSeconds;
    rate = clamp(adaptive.beta() * base);
    adapting = true;
  }

  /** Atlas stated its refill rate: it takes precedence over anything measured. */
  void onStated(double perSecond) {
    rate = perSecond;
    stated = true;
  }

  private double clamp(double candidate) {
    return Math.max(adaptive.minRate(), Math.min(ceiling, candidate));
  }
}
