package dev.atlasendpoints.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import org.junit.jupiter.api.Test;

/** When Redis counts as down and up again: hysteresis, one probe at a time, late answers ignored. */
class StoreHealthTest {

  private static final long RETRY = 1_000;
  private static final RuntimeException SLOW = new RedisCommandTimeoutException("slow");
  private static final RuntimeException REFUSED = new RedisConnectionException("refused");

  private final StoreHealth health = new StoreHealth("redis://test:6379", RETRY, 0);

  @Test
  void oneSlowAnswer_isNoOutage_severalInARowAre() {
    health.failed(10, SLOW);
    health.answered(11);
    health.failed(20, SLOW);
    health.failed(21, SLOW);
    assertThat(health.outages()).isZero();
    assertThat(health.mayAsk(22)).isTrue();

    health.failed(23, SLOW);
    assertThat(health.outages()).isEqualTo(1);
    assertThat(health.mayAsk(24)).isFalse();
  }

  @Test
  void afterTheRetryInterval_onlyOneCallerAsksAgain() {
    health.failed(10, REFUSED);

    assertThat(health.mayAsk(10 + RETRY - 1)).isFalse();
    assertThat(health.mayAsk(10 + RETRY)).isTrue();
    assertThat(health.mayAsk(10 + RETRY)).as("the probe is taken").isFalse();
    assertThat(health.mayAsk(10 + RETRY + 1)).isFalse();
  }

  @Test
  void flapping_isOneOutage_untilSeveralAnswersInARow() {
    health.failed(10, REFUSED);
    for (int i = 0; i < 5; i++) { // answers once, fails again: still the same outage
      long t = 10 + (i + 1) * RETRY * 2;
      assertThat(health.mayAsk(t)).isTrue();
      health.answered(t);
      health.failed(t + 1, REFUSED);
    }
    assertThat(health.outages()).isEqualTo(1);
    assertThat(health.up()).isFalse();

    long t = 100 * RETRY;
    for (int i = 0; i < StoreHealth.ANSWERS_TO_RECOVER; i++) {
      assertThat(health.mayAsk(t + i)).as("recovering: the next caller asks at once").isTrue();
      health.answered(t + i);
    }
    assertThat(health.up()).isTrue();
    health.failed(t + 10, REFUSED);
    assertThat(health.outages()).isEqualTo(2);
  }

  @Test
  void anAnswerToAQuestionAskedBeforeTheFailure_countsForNothing() {
    health.failed(100, REFUSED);
    for (int i = 0; i < StoreHealth.ANSWERS_TO_RECOVER + 2; i++) {
      health.answered(50); // asked at 50, before the failure at 100: late, says nothing about now
    }

    assertThat(health.up()).isFalse();
  }
}
