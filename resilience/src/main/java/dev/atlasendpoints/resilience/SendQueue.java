package dev.atlasendpoints.resilience;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleConsumer;

/**
 * One bucket's line of callers: a token bucket at the rate its {@link CubicSendRate} allows, held
 * at zero while a {@code Retry-After} pause lasts, serving calls in the order they arrived: each
 * waits with a ticket, and a call sent again after a 429 keeps its ticket, so it goes before calls
 * that arrived after it instead of joining the back of the line and meeting the next 429 again.
 *
 * <p>Written here instead of with Resilience4j's {@code RateLimiter}, which this replaced: its
 * permits are reserved at a fixed period when a caller arrives, so a caller already asleep towards
 * its slot cannot see a pause or a lower rate decided after it lined up, a changed refill period
 * needs a new limiter, under which earlier and later callers race, and it has no notion of order.
 * Here only the caller holding the lowest ticket waits for a token, on a condition that every
 * pause, rate change and departure signals, so it recomputes its slot at once.
 *
 * <p>With a {@link RateLimitStore.Bucket} shared with other processes, the head of the line, once
 * its own picture of the bucket allows it, also takes a token from the shared bucket (outside the
 * lock, so answers are handled meanwhile), and adopts the pause and the rate the fleet knows of;
 * its own pauses and stated rates are announced to the fleet. A 429 that states no rate lowers the
 * fleet's rate rather than this queue's own: the queue then follows the fleet's curve
 * ({@link CubicSendRate#followFleet}) and runs the shared bucket at it. When the store does not
 * answer, the call goes out under this queue's own limits (and a 429 to it adapts this queue's own
 * rate); when the caller's own time runs out first, it is refused as any caller out of time is.
 */
final class SendQueue {

  /** Why a caller did not get a slot by its deadline: how long a slot was still away, in nanoseconds. */
  static final class TooLong extends Exception {
    private static final long serialVersionUID = 1L;
    final transient long wouldWaitNanos;

    TooLong(long wouldWaitNanos) {
      super(null, null, false, false);
      this.wouldWaitNanos = wouldWaitNanos;
    }
  }

  /** {@link #await}'s answer for a call that did not take a token from the shared bucket. */
  static final long LOCAL_LIMITS = Long.MIN_VALUE;

  private final java.util.TreeSet<Long> line = new java.util.TreeSet<>();
  private final ReentrantLock state = new ReentrantLock();
  private final Condition changed = state.newCondition();
  private final CubicSendRate controller;
  private final double configuredBurst;
  private final DoubleConsumer onRateChange;
  private final RateLimitStore.Bucket shared;
  private final Runnable onFallback;
  private final AtomicInteger users = new AtomicInteger();
  private double tokens;
  private long refilledAtNanos;
  private long pausedUntilNanos;
  private double reportedRate = Double.NaN;
  /** The refill rate Atlas last stated to this process or the fleet, or {@code null}. */
  private RateLimitSettings.Limit stated;
  /**
   * Whether the store did not answer since {@link #stated} was learned: it may have dropped the
   * announcement, or lost its keys (a restart), so the next answer without it announces it again.
   */
  private boolean statedMayBeLost;
  /** The rate this queue last asked the shared bucket to run at ({@link RateLimitStore.Bucket#adapt}). */
  private double adaptedSharedRate = Double.NaN;
  private volatile long lastUsedNanos;

  SendQueue(CubicSendRate controller, int configuredBurst, DoubleConsumer onRateChange, long nowNanos) {
    this(controller, configuredBurst, onRateChange, null, () -> {}, nowNanos);
  }

  /**
   * @param shared the bucket shared with other processes, or {@code null} for none
   * @param onFallback told each time the shared bucket did not answer and local limits applied
   */
  SendQueue(CubicSendRate controller, int configuredBurst, DoubleConsumer onRateChange,
      RateLimitStore.Bucket shared, Runnable onFallback, long nowNanos) {
    this.shared = shared;
    this.onFallback = onFallback;
    this.controller = controller;
    this.configuredBurst = configuredBurst;
    this.onRateChange = onRateChange;
    this.tokens = configuredBurst;
    this.refilledAtNanos = nowNanos;
    this.pausedUntilNanos = nowNanos;
    this.lastUsedNanos = nowNanos;
    publish(controller.rate()); // the bucket's first rate, reported before anyone waits on it
  }

  /**
   * Waits for this call's turn and a token, until {@code deadlineNanos} at the latest.
   *
   * @param ticket the call's place in line: lower tickets go first
   * @return when the call's token was asked of the shared bucket ({@link System#nanoTime}), or
   *     {@link #LOCAL_LIMITS} when it went out on this queue's own limits (no store, or it did not answer)
   * @throws TooLong when the slot (or the end of a pause) is beyond the deadline, known at once at
   *     the head of the line, or when the call's turn has not come by the deadline
   */
  long await(long ticket, long deadlineNanos) throws InterruptedException, TooLong {
    long askedSharedAt = LOCAL_LIMITS;
    boolean sentOnLocalLimits = false;
    state.lockInterruptibly();
    try {
      if (shared == null && line.isEmpty() && takeAtOnce()) {
        return LOCAL_LIMITS; // nobody to keep order with, nobody waiting to wake: the line need not be joined
      }
      line.add(ticket);
      while (true) {
        long now = System.nanoTime();
        long wakeAt = deadlineNanos;
        if (line.first() == ticket) {
          long slot = slotAt(now);
          RateLimitStore.Grant.Outcome sharedOutcome = null;
          if (slot - now <= 0 && shared != null) {
            askedSharedAt = System.nanoTime();
            RateLimitStore.Grant grant = askShared(deadlineNanos);
            now = System.nanoTime();
            slot = adopt(grant, now);
            sharedOutcome = grant.outcome();
            if (pausedUntilNanos - slot > 0) {
              slot = pausedUntilNanos; // a pause arrived while the store answered: it holds this call too
            }
          }
          if (slot - now <= 0) {
            tokens -= 1;
            sentOnLocalLimits = sharedOutcome == RateLimitStore.Grant.Outcome.UNAVAILABLE;
            return sharedOutcome == RateLimitStore.Grant.Outcome.TAKEN ? askedSharedAt : LOCAL_LIMITS;
          }
          if (slot - deadlineNanos > 0) {
            throw new TooLong(slot - now);
          }
          wakeAt = slot;
        } else if (deadlineNanos - now <= 0) {
          throw new TooLong(1); // still not at the head: how far the slot is, nobody knows yet
        }
        changed.awaitNanos(wakeAt - now); // a pause, a rate change or a departure wakes it early
      }
    } finally {
      if (line.remove(ticket)) {
        changed.signalAll(); // the next in line is now the head
      }
      state.unlock();
      if (sentOnLocalLimits) {
        onFallback.run(); // a listener runs outside the lock: it may be slow, it may call back
      }
    }
  }

  /**
   * Takes a token if one is there now and no pause runs: what the head of an empty line would do at
   * once, without adding to the line and removing from it again. Holds {@link #state}.
   */
  private boolean takeAtOnce() {
    long now = System.nanoTime();
    if (slotAt(now) - now > 0) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /**
   * Asks the shared bucket for a token without holding {@link #state} while the store answers.
   * Holds {@link #state} when called and when it returns.
   *
   * @throws TooLong when the caller's time ran out before or while the store answered: refused as
   *     any caller out of time, not sent on local limits while the store is healthy
   * @throws InterruptedException when the caller was interrupted meanwhile: it must not send
   */
  private RateLimitStore.Grant askShared(long deadlineNanos) throws InterruptedException, TooLong {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      throw new TooLong(1); // no time left to ask the fleet: how far its slot is, nobody knows
    }
    RateLimitStore.Grant grant;
    state.unlock();
    try {
      grant = shared.take(Duration.ofNanos(remaining));
    } finally {
      state.lock();
    }
    if (Thread.interrupted()) { // a store interrupted while answering keeps the flag: this call ends here
      throw new InterruptedException();
    }
    if (grant.outcome() == RateLimitStore.Grant.Outcome.OUT_OF_TIME) {
      throw new TooLong(1);
    }
    return grant;
  }

  /**
   * Adopts what the shared bucket knows (a running pause is capped at {@link RateLimitingClient#MAX_PAUSE},
   * as a {@code Retry-After} is, so one faulty process cannot hold the fleet longer) and returns when
   * this call may send: at once when a token was taken or the store did not answer (local limits
   * then apply), else when to ask again. Holds {@link #state}.
   */
  private long adopt(RateLimitStore.Grant grant, long now) {
    if (grant.outcome() == RateLimitStore.Grant.Outcome.UNAVAILABLE) {
      statedMayBeLost = stated != null;
      controller.stopFollowingFleet(); // the fleet's curve cannot be read: carry on along it alone
    } else if (grant.learned() != null) {
      stated = grant.learned();
      statedMayBeLost = false;
      adoptLocally(grant.learned().perSecond());
    } else if (statedMayBeLost) {
      statedMayBeLost = !shared.adopt(stated); // the fleet lost (or never got) it: best effort, no wait
    } else if (grant.adaptation() != null) {
      followFleet(grant.adaptation(), now);
    } else if (controller.followingFleet() || !Double.isNaN(adaptedSharedRate)) {
      leaveFleetCurve(); // also after an outage that ended this queue's following: the bucket still runs slow
    }
    if (grant.pausedFor() != null) {
      pauseLocally(now + cappedNanos(grant.pausedFor()));
    }
    return grant.outcome() == RateLimitStore.Grant.Outcome.WAIT ? now + Math.max(1, cappedNanos(grant.retryIn())) : now;
  }

  /**
   * Takes the fleet's adaptive rate as this queue's, and runs the shared bucket at it when it moved
   * by more than 5% since this queue last said so (every process computes the same rate, so the
   * bucket follows the curve in steps rather than on every take). Holds {@link #state}.
   */
  private void followFleet(RateLimitStore.Adaptation fleet, long now) {
    double before = controller.rate();
    double rate = controller.followFleet(now / 1e9, fleet.maxRateAtThrottle(), fleet.sinceThrottle().toNanos() / 1e9,
        fleet.sendingRate());
    if (controller.stated()) {
      return; // a rate Atlas stated is never second-guessed
    }
    if ((Double.isNaN(adaptedSharedRate) || Math.abs(rate - adaptedSharedRate) > 0.05 * Math.max(rate, adaptedSharedRate))
        && shared.adapt(rate)) { // best effort and asynchronous: nothing waits on the store under the lock
      adaptedSharedRate = rate; // only once sent: a dropped write is tried again on the next take
    }
    if (rate != before) {
      tokens = Math.min(tokens, burst(rate));
      changed.signalAll();
    }
  }

  /**
   * The fleet's curve is gone (its 429 is long past): the shared bucket goes back to the configured
   * limit, and this queue carries on along the curve it followed. Holds {@link #state}.
   */
  private void leaveFleetCurve() {
    controller.stopFollowingFleet();
    if (controller.stated()) {
      adaptedSharedRate = Double.NaN;
      return; // the bucket runs at the stated rate: not the configured limit
    }
    if (shared.adapt(controller.ceilingRate())) { // the configured limit again: best effort, no wait
      adaptedSharedRate = Double.NaN;
    }
  }

  private static long cappedNanos(Duration wait) {
    return RateLimitingClient.capped(wait).toNanos();
  }

  /** When the next token may be taken; refills the bucket up to {@code now} first. Holds {@link #state}. */
  private long slotAt(long now) {
    if (pausedUntilNanos - now > 0) {
      publish(0);
      return pausedUntilNanos;
    }
    double rate = controller.rate();
    publish(rate);
    refill(now);
    return tokens >= 1 ? now : now + (long) Math.ceil((1 - tokens) / rate * 1e9);
  }

  /** Adds the tokens accrued since the last refill; none accrue during a pause. Holds {@link #state}. */
  private void refill(long now) {
    if (now - refilledAtNanos > 0) {
      double rate = controller.rate();
      tokens = Math.min(burst(rate), tokens + (now - refilledAtNanos) / 1e9 * rate);
      refilledAtNanos = now;
    }
  }

  /**
   * How many tokens may pile up: the configured limit's permits; one second's worth once adapting,
   * as in the AWS SDKs; none beyond the next one at a rate Atlas stated, which is paced evenly.
   */
  private double burst(double rate) {
    if (controller.stated()) {
      return 1;
    }
    return rate >= controller.ceilingRate() ? configuredBurst : Math.max(1, rate);
  }

  /** Atlas answered; {@code throttled} is a 429 without a stated rate. */
  void onAnswer(boolean throttled, long nowNanos) {
    state.lock();
    try {
      refill(nowNanos);
      if (throttled) {
        controller.onThrottled(nowNanos / 1e9);
        tokens = Math.min(tokens, 0); // Atlas's bucket is empty: so is the picture of it
      } else {
        controller.onAccepted(nowNanos / 1e9);
      }
      changed.signalAll();
    } finally {
      state.unlock();
    }
  }

  /**
   * Atlas answered 429 without stating its rate to an attempt sent at {@code sentAtNanos}. With a
   * shared bucket that the attempt took its token from, the fleet's controller lowers the fleet's
   * rate (this queue follows it from the next take); otherwise this queue's own controller does.
   *
   * @param sentAtNanos when the attempt's token was asked for ({@link #await}'s answer), or
   *     {@link #LOCAL_LIMITS} when the attempt went out on this queue's own limits
   * @param pause the pause the 429 started, after which the fleet's curve starts climbing
   */
  void onUnstatedThrottle(long nowNanos, long sentAtNanos, Duration pause) {
    if (shared == null || sentAtNanos == LOCAL_LIMITS || !controller.adapts()) {
      onAnswer(true, nowNanos);
      return;
    }
    double allowed;
    boolean rateWasStated;
    state.lock();
    try {
      refill(nowNanos);
      tokens = Math.min(tokens, 0); // Atlas's bucket is empty: so is the picture of it
      allowed = controller.rate();
      rateWasStated = controller.stated();
      changed.signalAll();
    } finally {
      state.unlock();
    }
    // A stated rate is never second-guessed, here as in this process's own controller; a store that
    // cannot take the 429 now leaves it to this queue's own controller, rather than to nobody.
    if (!rateWasStated && !shared.throttled(Duration.ofNanos(Math.max(0, nowNanos - sentAtNanos)), allowed, pause)) {
      onAnswer(true, nowNanos);
    }
  }

  /** Atlas stated its refill rate: adopted here, and announced to the fleet when shared. */
  void onStatedRate(RateLimitSettings.Limit stated) {
    adoptLocally(stated.perSecond());
    if (shared != null) {
      boolean sent = shared.adopt(stated);
      state.lock();
      try {
        this.stated = stated;
        statedMayBeLost = !sent; // announced again by the next take the store answers
      } finally {
        state.unlock();
      }
    }
  }

  private void adoptLocally(double perSecond) {
    state.lock();
    try {
      if (controller.stated() && controller.rate() == perSecond) {
        return; // already known: nothing changes, nobody needs waking
      }
      controller.onStated(perSecond);
      tokens = Math.min(tokens, 1);
      changed.signalAll();
    } finally {
      state.unlock();
    }
  }

  /**
   * Holds the rate at zero until {@code untilNanos}; a pause only ever moves later. Announced to the
   * fleet when shared.
   */
  void pauseUntil(long untilNanos) {
    pauseLocally(untilNanos);
    long wait = untilNanos - System.nanoTime();
    if (shared != null && wait > 0) {
      shared.pauseFor(Duration.ofNanos(wait)); // relative: the store's clock measures it, not this host's
    }
  }

  private void pauseLocally(long untilNanos) {
    state.lock();
    try {
      if (untilNanos - pausedUntilNanos > 0) {
        refill(System.nanoTime());
        pausedUntilNanos = untilNanos;
        refilledAtNanos = untilNanos; // the rate is zero until then: nothing accrues
        publish(0);
        changed.signalAll(); // a caller asleep towards its slot must see the pause now
      }
    } finally {
      state.unlock();
    }
  }

  private void publish(double rate) {
    if (Double.isNaN(reportedRate) || Math.abs(rate - reportedRate) > 0.01 * Math.max(rate, reportedRate)
        || (rate == 0) != (reportedRate == 0)) {
      reportedRate = rate;
      onRateChange.accept(rate);
    }
  }

  /** The rate now allowed, 0 during a pause. */
  double allowedRate(long nowNanos) {
    state.lock();
    try {
      return pausedUntilNanos - nowNanos > 0 ? 0 : controller.rate();
    } finally {
      state.unlock();
    }
  }

  /** Marks a caller as using this queue; {@link #release} when its answer is handled. */
  SendQueue acquire(long nowNanos) {
    users.incrementAndGet();
    lastUsedNanos = nowNanos;
    return this;
  }

  void release() {
    users.decrementAndGet();
  }

  /**
   * Whether it can be forgotten: no caller is using it, it has not been used since
   * {@code beforeNanos}, and no pause Atlas asked for is still running (a fresh queue would send
   * its full burst into it).
   */
  boolean evictable(long beforeNanos, long nowNanos) {
    if (users.get() != 0 || lastUsedNanos - beforeNanos > 0) {
      return false;
    }
    state.lock();
    try {
      return pausedUntilNanos - nowNanos <= 0;
    } finally {
      state.unlock();
    }
  }

  long lastUsedNanos() {
    return lastUsedNanos;
  }
}
