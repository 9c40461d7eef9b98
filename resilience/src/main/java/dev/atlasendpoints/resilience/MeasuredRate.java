package dev.atlasendpoints.resilience;

/**
 * The rate a bucket was answered at, smoothed over half-second windows as the AWS SDKs' adaptive
 * mode measures it: each time a window closes, the rate seen over the windows since the last close
 * counts for 80% of the estimate. Not thread-safe: its {@link CubicSendRate} guards it.
 */
final class MeasuredRate {

  static final double WINDOW_SECONDS = 0.5;
  private static final double SMOOTHING = 0.8;

  private double rate;
  private long count;
  private double windowStart = Double.NaN;

  /** Counts one answer at {@code nowSeconds}; returns the estimate. */
  double record(double nowSeconds) {
    double window = Math.floor(nowSeconds / WINDOW_SECONDS) * WINDOW_SECONDS;
    if (Double.isNaN(windowStart)) {
      windowStart = window;
    }
    count++;
    if (window > windowStart) {
      rate = SMOOTHING * (count / (window - windowStart)) + (1 - SMOOTHING) * rate;
      count = 0;
      windowStart = window;
    }
    return rate;
  }

  /** The estimate, 0 until a first window has closed. */
  double rate() {
    return rate;
  }
}
