package dev.atlasendpoints.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.RateLimit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The targets, against a bucket of capacity 10 refilled at 5 per second, 16 callers making
 * 200 creates through the default stack (retry and rate limit with their defaults).
 */
class AdaptiveRateTargetsTest {

  static final int CAPACITY = 10;
  static final int REFILL_PER_SECOND = 5;
  static final int CALLERS = 16;
  static final int CREATES = 200;

  /** What a run produced: when each create succeeded (nanoTime, sorted), failures, and Atlas's 429s. */
  record Run(List<Long> successNanos, int failures, long tooManyRequests) {

    /** Successes after the first burst (the bucket's capacity) per second, up to the last one. */
    double rateAfterFirstBurst() {
      long from = successNanos.get(CAPACITY - 1);
      long to = successNanos.get(successNanos.size() - 1);
      return (successNanos.size() - CAPACITY) / ((to - from) / 1e9);
    }
  }

  static Run run(AtlasSimulator.Builder simulator, RateLimitSettings limits) throws Exception {
    try (Harness h = new Harness(simulator.rateLimit(new RateLimit(CAPACITY, REFILL_PER_SECOND, 1)),
        RetryLayer.of(RetrySettings.defaults()), RateLimitLayer.of(limits))) {
      List<Long> successes = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger next = new AtomicInteger();
      AtomicInteger failures = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
      try {
        List<Future<?>> callers = new ArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
          callers.add(pool.submit(() -> {
            for (int i = next.getAndIncrement(); i < CREATES; i = next.getAndIncrement()) {
              try {
                h.create("call-" + i);
                successes.add(System.nanoTime());
              } catch (RuntimeException gaveUp) {
                failures.incrementAndGet();
              }
            }
          }));
        }
        for (Future<?> caller : callers) {
          caller.get();
        }
      } finally {
        pool.shutdownNow();
      }
      List<Long> sorted = new ArrayList<>(successes);
      Collections.sort(sorted);
      return new Run(sorted, failures.get(), h.simulator.counters().rateLimited());
    }
  }

  @Test
  void bare429s_costTimeNotFailures_andTheRateConvergesOnTheRefill() throws Exception {
    Run run = run(AtlasSimulator.builder().bareRateLimitAnswers(true), RateLimitSettings.defaults());

    System.out.printf("bare: %d ok, %d failed, %d 429s, %.2f/s after the first burst%n", run.successNanos().size(),
        run.failures(), run.tooManyRequests(), run.rateAfterFirstBurst());
    assertThat(run.successNanos()).hasSize(CREATES);
    assertThat(run.tooManyRequests()).isLessThanOrEqualTo(2L * CALLERS);
    assertThat(run.rateAfterFirstBurst()).isGreaterThanOrEqualTo(0.90 * REFILL_PER_SECOND);
  }

  @Test
  void stated429s_areFollowedAtTheStatedRate() throws Exception {
    Run run = run(AtlasSimulator.builder(), RateLimitSettings.defaults());

    System.out.printf("stated: %d ok, %d failed, %d 429s, %.2f/s after the first burst%n", run.successNanos().size(),
        run.failures(), run.tooManyRequests(), run.rateAfterFirstBurst());
    assertThat(run.successNanos()).hasSize(CREATES);
    assertThat(run.tooManyRequests()).isLessThanOrEqualTo(CALLERS);
    assertThat(run.rateAfterFirstBurst()).isGreaterThanOrEqualTo(0.95 * REFILL_PER_SECOND);
  }
}
