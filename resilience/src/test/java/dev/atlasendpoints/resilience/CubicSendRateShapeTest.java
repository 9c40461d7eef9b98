package dev.atlasendpoints.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The controller against a model of Atlas's bucket whose rate halves and later doubles back, in
 * virtual time (no sleeping): a client with callers always waiting sends whenever its rate allows,
 * pauses for {@code Retry-After} after a 429, and Atlas's bucket (capacity 10) answers bare 429s.
 * The same shape, live against the simulator, is {@code AdaptiveRateLoad} in the benchmarks.
 */
class CubicSendRateShapeTest {

  private static final double HALVED_AT = 30;
  private static final double DOUBLED_AT = 90;
  private static final double END = 150;

  private static double serverRate(double t) {
    return t >= HALVED_AT && t < DOUBLED_AT ? 2.5 : 5;
  }

  /** Successes and allowed-rate samples per second of virtual time. */
  private record Trace(int[] successes, int[] throttles, double[] allowed) {
    double successRate(double from, double to) {
      int sum = 0;
      for (int s = (int) from; s < (int) to; s++) {
        sum += successes[s];
      }
      return sum / (to - from);
    }

    int throttles(double from, double to) {
      int sum = 0;
      for (int s = (int) from; s < (int) to; s++) {
        sum += throttles[s];
      }
      return sum;
    }
  }

  private static Trace run() {
    CubicSendRate controller = new CubicSendRate(RateLimitSettings.Adaptive.defaults(), 100);
    int seconds = (int) END;
    Trace trace = new Trace(new int[seconds], new int[seconds], new double[seconds]);
    double tokens = 10;
    double refilledAt = 0;
    double t = 0;
    while (t < END) {
      tokens = Math.min(10, tokens + (t - refilledAt) * serverRate(t));
      refilledAt = t;
      trace.allowed()[(int) t] = controller.rate();
      if (tokens >= 1) {
        tokens -= 1;
        controller.onAccepted(t);
        trace.successes()[(int) t]++;
        t += 1 / controller.rate();
      } else {
        controller.onThrottled(t);
        trace.throttles()[(int) t]++;
        t += Math.max(1, Math.ceil((1 - tokens) / serverRate(t))); // Retry-After, in whole seconds
      }
    }
    return trace;
  }

  @Test
  void whenAtlasHalvesItsRate_theClientFollowsDownWithin10s() {
    Trace trace = run();

    System.out.printf("halved: %.2f/s accepted in [+10 s, +60 s), %d 429s; doubled: %.2f/s in [+30 s, +60 s)%n",
        trace.successRate(HALVED_AT + 10, DOUBLED_AT), trace.throttles(HALVED_AT + 10, DOUBLED_AT),
        trace.successRate(DOUBLED_AT + 30, END));
    assertThat(trace.successRate(HALVED_AT + 10, DOUBLED_AT)).isBetween(0.9 * 2.5, 1.05 * 2.5);
    assertThat(trace.throttles(HALVED_AT + 10, DOUBLED_AT)).as("one probe every few seconds at most")
        .isLessThanOrEqualTo(20);
  }

  @Test
  void whenAtlasDoublesItBack_theClientClimbsTo90PercentWithin30s() {
    Trace trace = run();

    assertThat(trace.successRate(DOUBLED_AT + 30, END)).isGreaterThanOrEqualTo(0.9 * 5);
    for (int second = (int) DOUBLED_AT + 30; second < END; second++) {
      assertThat(trace.allowed()[second]).as("allowed rate at %d s", second).isGreaterThanOrEqualTo(0.9 * 2.5);
    }
  }
}
