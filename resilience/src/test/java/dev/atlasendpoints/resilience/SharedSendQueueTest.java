package dev.atlasendpoints.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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

    @Override
    public void adopt(RateLimitSettings.Limit stated) {}
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
    FakeBucket store = new FakeBucket(timeout -> RateLimitStore.Grant.taken(null));
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
        return RateLimitStore.Grant.taken(null);
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
      return RateLimitStore.Grant.taken(null);
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
    SendQueue queue = queue(new FakeBucket(timeout -> RateLimitStore.Grant.waitFor(hour, hour, null)));

    SendQueue.TooLong refused = catchThrowableOfType(SendQueue.TooLong.class,
        () -> queue.await(0, System.nanoTime() + 1000 * MS));

    assertThat(Duration.ofNanos(refused.wouldWaitNanos)).isGreaterThan(RateLimitingClient.MAX_PAUSE.minusMinutes(1))
        .isLessThanOrEqualTo(RateLimitingClient.MAX_PAUSE);
  }

  @Test
  void aPauseIsAnnouncedAsADuration_measuredByTheStore() {
    FakeBucket store = new FakeBucket(timeout -> RateLimitStore.Grant.taken(null));
    SendQueue queue = queue(store);

    queue.pauseUntil(System.nanoTime() + 30_000 * MS);

    assertThat(store.pauses).singleElement().satisfies(wait ->
        assertThat(wait).isGreaterThan(Duration.ofSeconds(29)).isLessThanOrEqualTo(Duration.ofSeconds(30)));
  }

  @Test
  void aSharedStoreWithoutTimeToAskIt_isRefusedAtBuild() {
    RateLimitSettings.Builder noWait = RateLimitSettings.builder()
        .sharedThrough((key, limit) -> new FakeBucket(timeout -> RateLimitStore.Grant.taken(null)))
        .maxWait(Duration.ZERO);

    assertThatThrownBy(noWait::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxWait");
  }
}
