package dev.atlasendpoints.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The controller's arithmetic, on times the test hands in: no clock, no sleeping. */
class CubicSendRateTest {

  private static final RateLimitSettings.Adaptive AWS = RateLimitSettings.Adaptive.defaults();

  /** Sends {@code perSecond} accepted requests a second from {@code from} for {@code seconds}; returns the end. */
  private static double acceptedAt(CubicSendRate rate, double perSecond, double from, double seconds) {
    long n = Math.round(seconds * perSecond);
    for (long i = 0; i < n; i++) {
      rate.onAccepted(from + i / perSecond);
    }
    return from + n / perSecond;
  }

  @Test
  void untilAtlasThrottles_theConfiguredLimitHolds() {
    CubicSendRate rate = new CubicSendRate(AWS, 100);

    acceptedAt(rate, 50, 0, 3);

    assertThat(rate.rate()).isEqualTo(100);
  }

  @Test
  void aThrottle_dropsTheRateToBetaTimesTheMeasuredRate() {
    CubicSendRate rate = new CubicSendRate(AWS, 100);
    double t = acceptedAt(rate, 10, 0, 5);

    rate.onThrottled(t);

    assertThat(rate.measuredRate()).isCloseTo(10, within(0.5));
    assertThat(rate.rate()).isCloseTo(0.7 * rate.measuredRate(), within(1e-9));
  }

  @Test
  void afterAThrottle_theRateRegainsItsFormerMaximumAfterK_thenGrowsCubically() {
    CubicSendRate rate = new CubicSendRate(AWS, 100);
    double t = acceptedAt(rate, 10, 0, 5);
    rate.onThrottled(t);
    double wMax = rate.rate() / 0.7;
    double k = Math.cbrt(wMax * 0.3 / 0.4);

    acceptedAt(rate, 10, t, k); // Atlas goes on accepting what the client sends
    rate.onAccepted(t + k);
    double atK = rate.rate();
    acceptedAt(rate, 10, t + k, 1);
    rate.onAccepted(t + k + 1);

    assertThat(atK).isCloseTo(wMax, within(1e-6));
    assertThat(rate.rate()).isCloseTo(wMax + 0.4, within(1e-6)); // C·1³ above Wmax
  }

  @Test
  void growth_isCappedAtTwiceTheMeasuredRate_andAtTheConfiguredLimit() {
    CubicSendRate rate = new CubicSendRate(AWS, 12);
    double t = acceptedAt(rate, 10, 0, 5);
    rate.onThrottled(t);

    double later = acceptedAt(rate, 10, t, 60); // a minute on the cubic term alone would be ~86,000 per second
    rate.onAccepted(later);

    assertThat(rate.rate()).isEqualTo(12);

    rate.onThrottled(later);
    acceptedAt(rate, 3, later, 30); // sending only 3 a second: the cap is 2 × 3
    assertThat(rate.rate()).isLessThan(12).isLessThanOrEqualTo(2 * rate.measuredRate() + 1e-9);
  }

  @Test
  void aThrottleBeforeAnyWindowHasClosed_startsFromTheFloor_notFromABurst() {
    CubicSendRate rate = new CubicSendRate(AWS, 100);
    for (int i = 0; i < 16; i++) {
      rate.onAccepted(0.001 * i);
    }

    rate.onThrottled(0.02);

    assertThat(rate.rate()).isEqualTo(AWS.minRate());
  }

  @Test
  void betaScaleAndFloor_areConfigurable() {
    CubicSendRate rate = new CubicSendRate(new RateLimitSettings.Adaptive(true, 0.5, 1.0, 3), 100);
    double t = acceptedAt(rate, 10, 0, 5);

    rate.onThrottled(t);
    double halved = rate.rate();
    double measured = rate.measuredRate();
    rate.onThrottled(t + 0.5);

    assertThat(halved).isCloseTo(0.5 * measured, within(1e-9));
    assertThat(rate.rate()).isEqualTo(3);
  }

  @Test
  void aStatedRate_takesPrecedence_overThrottlesAndSuccesses() {
    CubicSendRate rate = new CubicSendRate(AWS, 100);
    rate.onStated(5);

    double t = acceptedAt(rate, 5, 0, 5);
    rate.onThrottled(t);
    rate.onAccepted(t + 10);

    assertThat(rate.rate()).isEqualTo(5);
  }

  @Test
  void switchedOff_aThrottleChangesNothing() {
    CubicSendRate rate = new CubicSendRate(RateLimitSettings.Adaptive.off(), 100);
    double t = acceptedAt(rate, 10, 0, 5);

    rate.onThrottled(t);

    assertThat(rate.rate()).isEqualTo(100);
  }

  @Test
  void theMeasuredRate_isSmoothedOverHalfSecondWindows() {
    MeasuredRate measured = new MeasuredRate();
    for (int i = 0; i < 20; i++) {
      measured.record(i / 10.0); // 10 a second for 2 s
    }
    double steady = measured.rate();
    measured.record(4.0); // one more after 2 s of silence: 5 answers since the window that closed at 1.5 s

    assertThat(steady).isCloseTo(10, within(0.1));
    assertThat(measured.rate()).isCloseTo(0.8 * (5 / 2.5) + 0.2 * steady, within(1e-9));
  }
}
