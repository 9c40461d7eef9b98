package dev.atlasendpoints.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One bucket's line of callers: order, pauses, and the bound on waiting. */
class SendQueueTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private final List<Double> rates = new CopyOnWriteArrayList<>();

  private SendQueue queue(double perSecond, int burst) {
    return new SendQueue(new CubicSendRate(RateLimitSettings.Adaptive.defaults(), perSecond), burst, rates::add,
        System.nanoTime());
  }

  @Test
  void callers_areServedInTheOrderTheyArrived() throws Exception {
    SendQueue queue = queue(20, 1);
    List<Integer> served = new CopyOnWriteArrayList<>();
    List<Thread> callers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int caller = i;
      Thread thread = new Thread(() -> {
        try {
          queue.await(caller, System.nanoTime() + 10_000 * MS);
          served.add(caller);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      callers.add(thread);
      thread.start();
      Thread.sleep(15); // arrive in order, each before the one ahead is served (a slot every 50 ms)
    }
    for (Thread thread : callers) {
      thread.join();
    }

    assertThat(served).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void aCallSentAgain_keepsItsPlace_aheadOfCallsThatArrivedAfterIt() throws Exception {
    SendQueue queue = queue(20, 1);
    queue.await(5, System.nanoTime() + 1000 * MS); // spends the only token
    List<Long> served = new CopyOnWriteArrayList<>();
    List<Thread> callers = new ArrayList<>();
    for (long ticket : new long[] {9, 8, 2}) { // 2: a call that drew its ticket long ago, back after a 429
      Thread thread = caller(queue, ticket, served);
      callers.add(thread);
      thread.start();
    }
    for (Thread thread : callers) {
      thread.join();
    }

    assertThat(served).containsExactly(2L, 8L, 9L);
  }

  @Test
  void aCallerAsleepTowardsItsSlot_seesAPauseStartedMeanwhile() throws Exception {
    SendQueue queue = queue(2, 1);
    queue.await(0, System.nanoTime() + 1000 * MS); // spends the only token: the next slot is 500 ms away
    long[] servedAt = new long[1];
    Thread waiter = new Thread(() -> {
      try {
        queue.await(1, System.nanoTime() + 5000 * MS);
        servedAt[0] = System.nanoTime();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    waiter.start();
    Thread.sleep(100);
    long pauseEnd = System.nanoTime() + 1500 * MS;

    queue.pauseUntil(pauseEnd);
    queue.pauseUntil(pauseEnd - 1000 * MS); // a shorter Retry-After later does not shorten it
    waiter.join();

    assertThat(servedAt[0] - pauseEnd).isGreaterThanOrEqualTo(0);
    assertThat(rates).contains(0.0);
  }

  @Test
  void aSlotBeyondTheDeadline_isRefusedAtOnce() throws Exception {
    SendQueue queue = queue(1.0 / 30, 1);
    queue.await(0, System.nanoTime() + 100 * MS);
    long start = System.nanoTime();

    SendQueue.TooLong refused = catchThrowableOfType(SendQueue.TooLong.class,
        () -> queue.await(1, System.nanoTime() + 100 * MS));

    assertThat(System.nanoTime() - start).isLessThan(50 * MS);
    assertThat(refused.wouldWaitNanos).isGreaterThan(29_000 * MS);
  }

  @Test
  void aPauseAndASlot_togetherWaitNoLongerThanTheDeadline() throws Exception {
    SendQueue queue = queue(1, 1);
    queue.await(0, System.nanoTime() + 100 * MS); // the next slot is a second away
    queue.pauseUntil(System.nanoTime() + 300 * MS);
    long start = System.nanoTime();

    SendQueue.TooLong refused = catchThrowableOfType(SendQueue.TooLong.class,
        () -> queue.await(1, start + 600 * MS));

    assertThat(refused).isNotNull();
    assertThat(System.nanoTime() - start).isLessThan(600 * MS + 50 * MS);
  }

  @Test
  void aCallerArrivingAsTheHeadWakes_goesBehindIt_evenWithATokenThere() throws Exception {
    for (int attempt = 0; attempt < 3; attempt++) { // the race is the point: give it several chances
      // One token, then one every 250 ms: who was served first is recorded well before the next one goes.
      SendQueue queue = queue(4, 1);
      long pauseEnd = System.nanoTime() + 300 * MS;
      queue.pauseUntil(pauseEnd); // the head sleeps until the pause ends, the token waits for it
      List<Long> served = new CopyOnWriteArrayList<>();
      List<Thread> callers = new ArrayList<>();
      callers.add(caller(queue, 1, served));
      callers.get(0).start();
      long inLineBy = System.nanoTime() + 5_000 * MS; // the head is in line, asleep towards the pause's end
      while (callers.get(0).getState() != Thread.State.TIMED_WAITING && System.nanoTime() - inLineBy < 0) {
        Thread.onSpinWait();
      }
      assertThat(System.nanoTime()).as("the head is asleep in line before the pause ends").isLessThan(pauseEnd);
      for (long late = 100; late < 104; late++) {
        Thread thread = caller(queue, late, served, pauseEnd); // arrive the moment the token is there
        callers.add(thread);
        thread.start();
      }
      for (Thread thread : callers) {
        thread.join();
      }

      assertThat(served).first().isEqualTo(1L);
      assertThat(served).containsExactlyInAnyOrder(1L, 100L, 101L, 102L, 103L);
    }
  }

  @Test
  void manyCallersAtOnce_takeNoMoreThanTheBurstAndTheRate_eachServedOnce() throws Exception {
    long start = System.nanoTime(); // tokens accrue from the queue's creation: the bound holds from before it
    SendQueue queue = queue(200, 10);
    List<Long> served = new CopyOnWriteArrayList<>();
    List<Thread> callers = new ArrayList<>();
    for (int c = 0; c < 16; c++) {
      long first = c * 10L;
      Thread thread = new Thread(() -> {
        for (long ticket = first; ticket < first + 10; ticket++) {
          try {
            queue.await(ticket, System.nanoTime() + 10_000 * MS);
            served.add(ticket);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      });
      callers.add(thread);
      thread.start();
    }
    for (Thread thread : callers) {
      thread.join();
    }

    assertThat(served).hasSize(160).doesNotHaveDuplicates();
    // 10 at once, then 200 per second: the other 150 cannot have gone out in less than 750 ms.
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(750 * MS);
  }

  private static Thread caller(SendQueue queue, long ticket, List<Long> served) {
    return caller(queue, ticket, served, System.nanoTime());
  }

  /** A caller that arrives at {@code arriveAt} (spinning until then, to arrive on time) and records when served. */
  private static Thread caller(SendQueue queue, long ticket, List<Long> served, long arriveAt) {
    return new Thread(() -> {
      while (System.nanoTime() - arriveAt < 0) {
        Thread.onSpinWait();
      }
      try {
        queue.await(ticket, System.nanoTime() + 10_000 * MS);
        served.add(ticket);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
