package dev.atlasendpoints.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.RateLimit;
import dev.atlasendpoints.simulator.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The client-side buckets, and what they learn from Atlas's answers. */
class RateLimitLayerTest {

  private static final RetrySettings RETRY = RetrySettings.builder().maxAttempts(10)
      .initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(200)).build();

  @Test
  void afterA429_callersOfThatBucketWait_soAtlasSends429sBoundedByCallers_notByAttempts() throws Exception {
    int callers = 6;
    int callsEach = 4;
    try (Harness h = new Harness(AtlasSimulator.builder().rateLimit(new RateLimit(4, 4, 1)),
        RetryLayer.of(RETRY), RateLimitLayer.of(RateLimitSettings.defaults()))) {

      Harness.concurrently(callers, callsEach, i -> h.create("call-" + i));

      assertThat(h.createdComments()).hasSize(callers * callsEach).doesNotHaveDuplicates();
      assertThat(h.simulator.counters().rateLimited()).isLessThanOrEqualTo(callers);
      assertNoRetryArrivedBeforeItsRetryAfter(h);
    }
  }

  @Test
  void withoutTheLayer_theSameLoadCollectsFarMore429s() throws Exception {
    try (Harness h = new Harness(AtlasSimulator.builder().rateLimit(new RateLimit(4, 4, 1)), RetryLayer.of(RETRY))) {

      Harness.concurrently(6, 4, i -> {
        try {
          h.create("call-" + i);
        } catch (RuntimeException exhausted) {
          // without learning, some calls run out of attempts; the point here is the count of 429s
        }
      });

      assertThat(h.simulator.counters().rateLimited()).isGreaterThan(6);
    }
  }

  @Test
  void aCallerThatWouldWaitTooLong_isRefusedAtOnce_andNothingIsSent() {
    RateLimitSettings tight = RateLimitSettings.builder().defaultLimit(1, Duration.ofSeconds(30))
        .maxWait(Duration.ofMillis(100)).build();
    try (Harness h = new Harness(AtlasSimulator.builder(), RateLimitLayer.of(tight))) {
      h.create("first");
      long requestsBefore = h.simulator.counters().requests();
      long start = System.nanoTime();

      AtlasClientThrottledException e = catchThrowableOfType(AtlasClientThrottledException.class,
          () -> h.create("second"));

      assertThat(e.requestMayHaveBeenProcessed()).isFalse();
      assertThat(e.operationId()).isEqualTo("createServerlessPrivateEndpoint");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));
      assertThat(h.simulator.counters().requests()).isEqualTo(requestsBefore);
      assertThat(h.events.throttles).containsExactly(true);
    }
  }

  @Test
  void anEmptyRemainingHeader_pausesTheBucket_beforeAtlasAnswers429() {
    RateLimitSettings pausing = RateLimitSettings.builder().emptyBucketPause(Duration.ofMillis(1200)).build();
    try (Harness h = new Harness(AtlasSimulator.builder().rateLimit(new RateLimit(2, 2, 1)), RateLimitLayer.of(pausing))) {
      h.create("one");
      h.create("two"); // answered with RateLimit-Remaining: 0

      h.create("three");

      assertThat(h.simulator.counters().rateLimited()).isZero();
      // "three" waited for the pause (a call may also wait a few ms for the default pace: not counted here).
      assertThat(h.events.throttles).isNotEmpty().containsOnly(false);
      java.time.Instant two = h.simulator.requests().stream().filter(r -> r.body().contains("two"))
          .reduce((a, b) -> b).orElseThrow().receivedAt();
      java.time.Instant three = h.simulator.requests().stream().filter(r -> r.body().contains("three"))
          .findFirst().orElseThrow().receivedAt();
      assertThat(Duration.between(two, three)).isGreaterThanOrEqualTo(Duration.ofMillis(1100));
    }
  }

  @Test
  void missingHeaders_areTolerated() throws Exception {
    try (Harness h = new Harness(AtlasSimulator.builder().rateLimit(new RateLimit(3, 3, 1)).rateLimitHeaders(false),
        RetryLayer.of(RETRY), RateLimitLayer.of(RateLimitSettings.defaults()))) {

      Harness.concurrently(3, 3, i -> h.create("call-" + i));

      assertThat(h.createdComments()).hasSize(9).doesNotHaveDuplicates();
    }
  }

  @Test
  @SuppressWarnings("deprecation")
  void v1Operations_areLimitedToo_andLearnFromBare429s() throws Exception {
    int callers = 6;
    try (Harness h = new Harness(AtlasSimulator.builder().rateLimit(new RateLimit(4, 4, 1)).rateLimitV1(true),
        RetryLayer.of(RETRY), RateLimitLayer.of(RateLimitSettings.defaults()))) {

      Harness.concurrently(callers, 4, i -> h.api.createServerlessPrivateEndpointV1(Harness.PROJECT, "i1",
          new dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest().comment("call-" + i)));

      assertThat(h.createdComments()).hasSize(callers * 4).doesNotHaveDuplicates();
      assertThat(h.simulator.counters().rateLimited()).isLessThanOrEqualTo(2L * callers);
      assertNoRetryArrivedBeforeItsRetryAfter(h);
    }
  }

  @Test
  void withoutTheRetryLayer_aBare429_stillPausesAndLowersTheRate() {
    try (Harness h = new Harness(AtlasSimulator.builder().rateLimit(new RateLimit(2, 1, 1)).bareRateLimitAnswers(true),
        RateLimitLayer.of(RateLimitSettings.defaults()))) {
      h.create("call-1");
      h.create("call-2");

      catchThrowableOfType(dev.atlasendpoints.core.errors.AtlasRateLimitedException.class, () -> h.create("call-3"));

      assertThat(h.events.rates).first().isEqualTo(100.0);
      assertThat(h.events.rates).contains(0.0); // held at zero for Retry-After
      h.create("call-4"); // waits out the pause, then goes at the lowered rate
      assertThat(h.events.rates.get(h.events.rates.size() - 1)).isLessThan(100.0).isPositive();
      assertThat(h.simulator.counters().rateLimited()).isEqualTo(1);
    }
  }

  /** Every attempt of a call that got a 429 is followed by its next attempt no sooner than Retry-After. */
  static void assertNoRetryArrivedBeforeItsRetryAfter(Harness h) {
    Map<String, List<RecordedRequest>> attemptsByCall = h.simulator.requests().stream()
        .filter(r -> r.header("Authorization") != null && r.body().contains("call-"))
        .collect(Collectors.groupingBy(RecordedRequest::body));
    attemptsByCall.values().forEach(attempts -> {
      for (int i = 0; i + 1 < attempts.size(); i++) {
        if (attempts.get(i).status() == 429) {
          assertThat(Duration.between(attempts.get(i).receivedAt(), attempts.get(i + 1).receivedAt()))
              .as("wait after a 429 of %s", attempts.get(i).body())
              .isGreaterThanOrEqualTo(Duration.ofSeconds(1).minusMillis(50));
        }
      }
    });
  }
}
