package dev.atlasendpoints.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A line of callers whose head also asks a shared bucket: what the store answers, and what happens
 * meanwhile, decide whether the call is sent, waits, or is refused; local limits stand in for the
 * store only when it does not answer.
 */
@Timeout(30)
class SharedSendQueueTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  /** A shared bucket answering as {@code answer} says, recording what it was told. */
  static final class FakeBucket implements RateLimitStore.Bucket {
    final List<Duration> pauses = new CopyOnWriteArrayList<>();
    final AtomicInteger takes = new AtomicInteger();
    final Function<Duration, RateLimitStore.Grant> answer;

    FakeBucket(Function<Duration, RateLimitStore.Grant> answer) {
      this.answer = answer;
    }

    @Override
    public RateLimitStore.Grant take(Duration timeout) {
      takes.incrementAndGet();
      return answer.apply(timeout);
    }

    @Override
    public void pauseFor(Duration wait) {
      pauses.add(wait);
    }

    final List<Double> adapted = new CopyOnWriteArrayList<>();
    final List<Duration> throttledSentAgo = new CopyOnWriteArrayList<>();
    final List<Double> throttledAllowed = new CopyOnWriteArrayList<>();
    volatile boolean reachable = true;

    final List<RateLimitSettings.Limit> adopted = new CopyOnWriteArrayList<>();

    @Override
    public boolean adopt(RateLimitSettings.Limit stated) {
      adopted.add(stated);
      return reachable;
    }

    @Override
    public boolean throttled(Duration sentAgo, double allowedRate, Duration pause) {
      throttledSentAgo.add(sentAgo);
      throttledAllowed.add(allowedRate);
      return reachable;
    }

    @Override
    public boolean adapt(double perSecond) {
      adapted.add(perSecond);
      return reachable;
    }
  }

  private final AtomicInteger fallbacks = new AtomicInteger();

  private SendQueue queue(RateLimitStore.Bucket shared) {
    return new SendQueue(new CubicSendRate(RateLimitSettings.Adaptive.defaults(), 100), 100, rate -> {}, shared,
        fallbacks::incrementAndGet, System.nanoTime());
  }

  @Test
  void aStoreThatDoesNotAnswer_letsTheCallGoOnLocalLimits_andSaysSo() throws Exception {
    SendQueue queue = queue(new FakeBucket(timeout -> RateLimitStore.Grant.unavailable()));

    queue.await(0, System.nanoTime() + 1000 * MS);

    assertThat(fallbacks).hasValue(1);
  }

  @Test
  void theFallbackListener_runsOutsideTheQueuesLock() throws Exception {
    AtomicReference<SendQueue> self = new AtomicReference<>();
    AtomicReference<Boolean> otherThreadGotIn = new AtomicReference<>(false);
    SendQueue queue = new SendQueue(new CubicSendRate(RateLimitSettings.Adaptive.defaults(), 100), 100, rate -> {},
        new FakeBucket(timeout -> RateLimitStore.Grant.unavailable()), () -> { // e.g. a metrics registry's lock
          Thread other = new Thread(() -> self.get().allowedRate(System.nanoTime()));
          other.start();
          try {
            other.join(5000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          otherThreadGotIn.set(!other.isAlive());
        }, System.nanoTime());
    self.set(queue);

    queue.await(0, System.nanoTime() + 1000 * MS);

    assertThat(otherThreadGotIn.get()).isTrue();
  }

  @Test
  void aCallerWhoseTimeRanOutAtTheStore_isRefused_notSentOnLocalLimits() {
    SendQueue queue = queue(new FakeBucket(timeout -> RateLimitStore.Grant.outOfTime()));

    assertThat(catchThrowableOfType(SendQueue.TooLong.class, () -> queue.await(0, System.nanoTime() + 1000 * MS)))
        .isNotNull();
    assertThat(fallbacks).as("the store is healthy: no fallback").hasValue(0);
  }

  @Test
  void aCallerWithNoTimeLeftAtTheHead_isRefused_withoutAskingTheStore() {
    FakeBucket store = new FakeBucket(timeout -> RateLimitStore.Grant.taken(null, null));
    SendQueue queue = queue(store);

    assertThat(catchThrowableOfType(SendQueue.TooLong.class, () -> queue.await(0, System.nanoTime() - 1)))
        .isNotNull();
    assertThat(fallbacks).hasValue(0);
    assertThat(store.takes).hasValue(0);
  }

  @Test
  void aCallerInterruptedWhileTheStoreAnswers_isNotSent() throws Exception {
    CountDownLatch asking = new CountDownLatch(1);
    SendQueue queue = queue(new FakeBucket(timeout -> { // as RedisBucket: an interrupted wait keeps the flag
      asking.countDown();
      try {
        Thread.sleep(timeout.toMillis());
        return RateLimitStore.Grant.taken(null, null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return RateLimitStore.Grant.unavailable();
      }
    }));
    AtomicReference<Throwable> ended = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        queue.await(0, System.nanoTime() + 20_000 * MS);
        ended.set(new AssertionError("sent"));
      } catch (Throwable e) {
        ended.set(e);
      }
    });
    caller.start();
    asking.await();

    caller.interrupt();
    caller.join();

    assertThat(ended.get()).isInstanceOf(InterruptedException.class);
    assertThat(fallbacks).hasValue(0);
  }

  @Test
  void aPauseArrivingWhileTheStoreAnswers_holdsTheCall() {
    AtomicReference<SendQueue> self = new AtomicReference<>();
    SendQueue queue = queue(new FakeBucket(timeout -> { // another caller's 429 lands meanwhile
      self.get().pauseUntil(System.nanoTime() + 60_000 * MS);
      return RateLimitStore.Grant.taken(null, null);
    }));
    self.set(queue);

    SendQueue.TooLong refused = catchThrowableOfType(SendQueue.TooLong.class,
        () -> queue.await(0, System.nanoTime() + 1000 * MS));

    assertThat(refused).as("sent during a pause").isNotNull();
    assertThat(refused.wouldWaitNanos).isGreaterThan(50_000 * MS);
  }

  @Test
  void aFleetPauseReadBack_isCappedAsARetryAfterIs() {
    Duration hour = Duration.ofHours(1); // e.g. written by a process whose clock is an hour ahead
    SendQueue queue = queue(new FakeBucket(timeout -> RateLimitStore.Grant.waitFor(hour, hour, null, null)));

    SendQueue.TooLong refused = catchThrowableOfType(SendQueue.TooLong.class,
        () -> queue.await(0, System.nanoTime() + 1000 * MS));

    assertThat(Duration.ofNanos(refused.wouldWaitNanos)).isGreaterThan(RateLimitingClient.MAX_PAUSE.minusMinutes(1))
        .isLessThanOrEqualTo(RateLimitingClient.MAX_PAUSE);
  }

  @Test
  void aPauseIsAnnouncedAsADuration_measuredByTheStore() {
    FakeBucket store = new FakeBucket(timeout -> RateLimitStore.Grant.taken(null, null));
    SendQueue queue = queue(store);

    queue.pauseUntil(System.nanoTime() + 30_000 * MS);

    assertThat(store.pauses).singleElement().satisfies(wait ->
        assertThat(wait).isGreaterThan(Duration.ofSeconds(29)).isLessThanOrEqualTo(Duration.ofSeconds(30)));
  }

  @Test
  void aBareThrottle_ofAnAttemptSentWithASharedToken_lowersTheFleetsRate_notThisQueuesOwn() throws Exception {
    FakeBucket store = new FakeBucket(timeout -> RateLimitStore.Grant.taken(null, null));
    SendQueue queue = queue(store);
    long before = System.nanoTime();
    long askedAt = queue.await(0, before + 1000 * MS);
    assertThat(askedAt).as("sent with a shared token, asked for then").isBetween(before, System.nanoTime());

    queue.onUnstatedThrottle(askedAt + 40 * MS, askedAt, Duration.ofSeconds(1));

    assertThat(store.throttledSentAgo).containsExactly(Duration.ofMillis(40));
    assertThat(store.throttledAllowed).containsExactly(100.0);
    assertThat(queue.allowedRate(System.nanoTime())).as("the fleet's curve decides, from the next take")
        .isEqualTo(100.0);
  }

  @Test
  void aBareThrottle_ofAnAttemptSentOnLocalLimits_lowersThisQueuesOwnRate() throws Exception {
    FakeBucket store = new FakeBucket(timeout -> RateLimitStore.Grant.unavailable());
    SendQueue queue = queue(store);
    long askedAt = queue.await(0, System.nanoTime() + 1000 * MS);
    assertThat(askedAt).as("sent on local limits").isEqualTo(SendQueue.LOCAL_LIMITS);

    queue.onUnstatedThrottle(System.nanoTime(), askedAt, Duration.ofSeconds(1));

    assertThat(store.throttledSentAgo).as("Redis did not take part in this attempt").isEmpty();
    assertThat(queue.allowedRate(System.nanoTime())).isLessThan(100.0);
  }

  @Test
  void aBareThrottleTheStoreCannotTakeNow_lowersThisQueuesOwnRate_ratherThanNobodys() throws Exception {
    FakeBucket store = new FakeBucket(timeout -> RateLimitStore.Grant.taken(null, null));
    SendQueue queue = queue(store);
    long askedAt = queue.await(0, System.nanoTime() + 1000 * MS);
    store.reachable = false; // Redis went away between the take and the 429

    queue.onUnstatedThrottle(System.nanoTime(), askedAt, Duration.ofSeconds(1));

    assertThat(store.throttledSentAgo).hasSize(1);
    assertThat(queue.allowedRate(System.nanoTime())).isLessThan(100.0);
  }

  @Test
  void whenTheFleetsCurveIsGone_theSharedBucketGoesBackToTheLimit_andThisQueueCarriesOnAlongTheCurve()
      throws Exception {
    AtomicReference<RateLimitStore.Adaptation> fleet = new AtomicReference<>(
        new RateLimitStore.Adaptation(10, Duration.ZERO, 2)); // capped at twice a sending rate of 2
    FakeBucket store = new FakeBucket(timeout -> RateLimitStore.Grant.taken(null, fleet.get()));
    SendQueue queue = queue(store);
    queue.await(0, System.nanoTime() + 1000 * MS);
    assertThat(queue.allowedRate(System.nanoTime())).isCloseTo(4.0, within(1e-9));

    fleet.set(null); // the curve's key expired
    queue.await(1, System.nanoTime() + 1000 * MS);
    assertThat(store.adapted).last().as("the configured limit again").isEqualTo(100.0);
    for (int i = 0; i < 40; i++) { // this process's own answers now move it, at 20 per second
      queue.onAnswer(false, System.nanoTime() + i * 50 * MS);
    }
    assertThat(queue.allowedRate(System.nanoTime())).as("not held at the fleet's last rate").isGreaterThan(4.0);
  }

  @Test
  void theQueueFollowsTheFleetsCurve_andRunsTheSharedBucketAtIt_whenItMoves() throws Exception {
    AtomicReference<RateLimitStore.Adaptation> fleet = new AtomicReference<>(
        new RateLimitStore.Adaptation(10, Duration.ZERO, 20));
    FakeBucket store = new FakeBucket(timeout -> RateLimitStore.Grant.taken(null, fleet.get()));
    SendQueue queue = queue(store);

    queue.await(0, System.nanoTime() + 1000 * MS);
    assertThat(queue.allowedRate(System.nanoTime())).as("β·Wmax at the start of the curve").isCloseTo(7.0, within(1e-9));
    assertThat(store.adapted).singleElement().satisfies(rate -> assertThat(rate).isCloseTo(7.0, within(1e-9)));

    fleet.set(new RateLimitStore.Adaptation(10, Duration.ofMillis(10), 20)); // barely moved: no new write
    queue.await(1, System.nanoTime() + 1000 * MS);
    assertThat(store.adapted).hasSize(1);

    double regain = Math.cbrt(10 * 0.3 / 0.4); // K: back at Wmax
    fleet.set(new RateLimitStore.Adaptation(10, Duration.ofNanos((long) ((regain + 1) * 1e9)), 20));
    queue.await(2, System.nanoTime() + 1000 * MS);
    assertThat(store.adapted).hasSize(2).last().satisfies(rate -> assertThat(rate).isCloseTo(10.4, within(1e-3)));
  }

  @Test
  void aStatedRateTheFleetDoesNotKnow_isAnnouncedAgain_untilItDoes() throws Exception {
    RateLimitSettings.Limit stated = new RateLimitSettings.Limit(50, Duration.ofSeconds(1));
    AtomicReference<RateLimitStore.Grant> answer = new AtomicReference<>(RateLimitStore.Grant.unavailable());
    FakeBucket store = new FakeBucket(timeout -> answer.get());
    SendQueue queue = queue(store);
    queue.onStatedRate(stated); // e.g. during an outage: the store drops it

    queue.await(0, System.nanoTime() + 1000 * MS);
    assertThat(store.adopted).as("not re-sent while the store does not answer").hasSize(1);
    answer.set(RateLimitStore.Grant.taken(null, null)); // Redis is back, without the rate
    queue.await(1, System.nanoTime() + 1000 * MS);
    assertThat(store.adopted).hasSize(2).last().isEqualTo(stated);
    queue.await(2, System.nanoTime() + 1000 * MS);
    answer.set(RateLimitStore.Grant.taken(stated, null)); // the fleet has it now
    queue.await(3, System.nanoTime() + 1000 * MS);
    assertThat(store.adopted).as("announced once after the outage, not on every take: the key may expire")
        .hasSize(2);
  }

  @Test
  void aCurveGoneDuringAnOutage_stillPutsTheSharedBucketBackToTheLimit() throws Exception {
    AtomicReference<RateLimitStore.Grant> answer = new AtomicReference<>(RateLimitStore.Grant.taken(null,
        new RateLimitStore.Adaptation(10, Duration.ZERO, 20)));
    FakeBucket store = new FakeBucket(timeout -> answer.get());
    SendQueue queue = queue(store);
    queue.await(0, System.nanoTime() + 1000 * MS);
    answer.set(RateLimitStore.Grant.unavailable()); // Redis goes away...
    queue.await(1, System.nanoTime() + 1000 * MS);
    answer.set(RateLimitStore.Grant.taken(null, null)); // ...and comes back without the curve (a restart)

    queue.await(2, System.nanoTime() + 1000 * MS);

    assertThat(store.adapted).last().as("not left at the curve's 7 per second").isEqualTo(100.0);
  }

  @Test
  void aStatedRateThatCouldNotBeSent_isAnnouncedByTheNextAnsweredTake() throws Exception {
    RateLimitSettings.Limit stated = new RateLimitSettings.Limit(50, Duration.ofSeconds(1));
    FakeBucket store = new FakeBucket(timeout -> RateLimitStore.Grant.taken(null, null));
    SendQueue queue = queue(store);
    store.reachable = false; // taken for down (e.g. recovering): the write is dropped
    queue.onStatedRate(stated);
    store.reachable = true;

    queue.await(0, System.nanoTime() + 1000 * MS);

    assertThat(store.adopted).containsExactly(stated, stated);
  }

  @Test
  void aStatedRate_isNotSecondGuessedByTheFleetsCurve() throws Exception {
    FakeBucket store = new FakeBucket(timeout -> RateLimitStore.Grant.taken(null,
        new RateLimitStore.Adaptation(50, Duration.ofSeconds(100), 100)));
    SendQueue queue = queue(store);
    queue.onStatedRate(new RateLimitSettings.Limit(2, Duration.ofSeconds(1)));

    long askedAt = queue.await(0, System.nanoTime() + 1000 * MS);
    queue.onUnstatedThrottle(System.nanoTime(), askedAt, Duration.ofSeconds(1));

    assertThat(queue.allowedRate(System.nanoTime())).isEqualTo(2.0);
    assertThat(store.adapted).isEmpty();
    assertThat(store.throttledSentAgo).isEmpty();
  }

  @Test
  void aSharedStoreWithoutTimeToAskIt_isRefusedAtBuild() {
    RateLimitSettings.Builder noWait = RateLimitSettings.builder()
        .sharedThrough((key, limit) -> new FakeBucket(timeout -> RateLimitStore.Grant.taken(null, null)))
        .maxWait(Duration.ZERO);

    assertThatThrownBy(noWait::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxWait");
  }
}
