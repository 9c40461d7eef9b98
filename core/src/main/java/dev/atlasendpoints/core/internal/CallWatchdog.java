package dev.atlasendpoints.core.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Bounds every exchange of the default transport from the caller's side: a call still inside
 * {@code HttpClient.send} a little after its deadline, or when the client is closed, is interrupted
 * ({@code send} then cancels the exchange and closes its connection).
 *
 * <p>The JDK's own timeouts are not enough on their own: for an idempotent request on a kept-alive
 * connection that the server closes unanswered, the JDK resends it by itself with a fresh timeout
 * (so a read could take twice its deadline), and once the client's executor is shut down its
 * selector thread dies and no timeout fires at all. {@code sendAsync(...).get(deadline)} would bound
 * the call as well, but completes on {@code CompletableFuture}'s default pool, a new thread per
 * exchange on small machines.
 *
 * <p>One thread per client scans the calls in flight at a fixed tick and ends the overdue ones; a
 * call only enters and leaves a concurrent set. (It used to schedule and cancel a timer per call on a
 * {@code ScheduledThreadPoolExecutor}: a lock shared by every caller, taken twice per call, on which
 * 64 callers queued.) So a call normally ends within {@link #MARGIN_MILLIS} plus one tick after its
 * deadline (the scan's own time and a busy machine's scheduling add to it); the tick is a tenth of
 * the client's read timeout, between {@link #MIN_TICK_MILLIS} and {@link #MAX_TICK_MILLIS}.
 */
final class CallWatchdog implements AutoCloseable {

  /** Lets the JDK's own timeouts, which cancel the exchange more gently, end a call first. */
  private static final long MARGIN_MILLIS = 100;

  static final long MIN_TICK_MILLIS = 10;
  static final long MAX_TICK_MILLIS = 200;

  /** How a watched call ended. */
  enum Ending { ANSWERED, TIMED_OUT, CLIENT_CLOSED }

  private final ScheduledThreadPoolExecutor timer;
  private final Set<Watch> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** @param readTimeout the client's read timeout, which sets how often the calls are looked at */
  CallWatchdog(Duration readTimeout) {
    timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "atlas-call-watchdog");
      thread.setDaemon(true);
      return thread;
    });
    long tick = tickMillis(readTimeout);
    timer.scheduleWithFixedDelay(this::endOverdue, tick, tick, TimeUnit.MILLISECONDS);
  }

  /** A tenth of the read timeout, within {@link #MIN_TICK_MILLIS} and {@link #MAX_TICK_MILLIS}. */
  static long tickMillis(Duration readTimeout) {
    return Math.max(MIN_TICK_MILLIS, Math.min(MAX_TICK_MILLIS, readTimeout.toMillis() / 10));
  }

  /**
   * Watches the calling thread until {@link Watch#finish()}.
   *
   * @throws RequestNotSentException when the client is closed
   */
  Watch start(long deadlineMillis) throws RequestNotSentException {
    if (closed) {
      throw new RequestNotSentException("the client is closed");
    }
    Watch watch = new Watch(Thread.currentThread(),
        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMillis + MARGIN_MILLIS));
    inFlight.add(watch);
    if (closed) { // closed meanwhile: close() may have looked at the calls before this one was in
      watch.finish();
      throw new RequestNotSentException("the client is closed");
    }
    return watch;
  }

  private void endOverdue() {
    try {
      long now = System.nanoTime();
      for (Watch watch : inFlight) {
        if (now - watch.deadlineNanos >= 0) {
          watch.end(Ending.TIMED_OUT);
        }
      }
    } catch (Throwable unexpected) { // NOPMD: a periodic task that throws is never run again, and every call bounded by it would outlive its deadline
      System.getLogger(CallWatchdog.class.getName()).log(System.Logger.Level.ERROR,
          "the call watchdog's scan failed; it runs again at its next tick", unexpected);
    }
  }

  /** Ends every call in flight (each with {@link Ending#CLIENT_CLOSED}) and refuses new ones. */
  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    inFlight.forEach(watch -> watch.end(Ending.CLIENT_CLOSED));
  }

  /** One call being watched. */
  final class Watch {
    private final Thread caller;
    private final long deadlineNanos;
    /** Guarded by {@code this}: the interrupt happens under the same lock, so it never outlives the call. */
    private Ending ending;

    private Watch(Thread caller, long deadlineNanos) {
      this.caller = caller;
      this.deadlineNanos = deadlineNanos;
    }

    private synchronized void end(Ending why) {
      if (ending == null) {
        ending = why;
        caller.interrupt();
      }
    }

    /**
     * Stops watching; to be called by the watched thread once it is out of {@code send}. When the
     * watchdog interrupted the call, clears that interrupt so it does not leak into the caller's code.
     */
    Ending finish() {
      inFlight.remove(this);
      synchronized (this) {
        if (ending == null) {
          ending = Ending.ANSWERED;
        } else if (ending != Ending.ANSWERED) {
          Thread.interrupted();
        }
        return ending;
      }
    }
  }
}
