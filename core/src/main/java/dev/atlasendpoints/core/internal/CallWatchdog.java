package dev.atlasendpoints.core.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
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
 * selector thread dies and no timeout fires at all. One timer thread per client, one
 * schedule/cancel per call: {@code sendAsync(...).get(deadline)} would bound the call as well, but
 * completes on {@code CompletableFuture}'s default pool, a new thread per exchange on small machines.
 */
final class CallWatchdog implements AutoCloseable {

  /** Lets the JDK's own timeouts, which cancel the exchange more gently, end a call first. */
  private static final long MARGIN_MILLIS = 100;

  /** The standing tick's period: shorter than a call's deadline, in practice (see the constructor). */
  private static final long TICK_MILLIS = 1000;

  /** How a watched call ended. */
  enum Ending { ANSWERED, TIMED_OUT, CLIENT_CLOSED }

  private final ScheduledThreadPoolExecutor timer;
  private final Set<Watch> inFlight = ConcurrentHashMap.newKeySet();

  CallWatchdog() {
    timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "atlas-call-watchdog");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true); // a cancelled timer leaves the queue at once: no garbage per call
    // A standing tick keeps the timer's queue from ever being empty: a call's timer (seconds away) is
    // then never the earliest, and scheduling it does not wake the timer thread. Without it every call
    // at one caller found the queue empty and woke that thread: a context switch per call.
    timer.scheduleAtFixedRate(() -> { }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Watches the calling thread until {@link Watch#finish()}.
   *
   * @throws RequestNotSentException when the client is closed
   */
  Watch start(long deadlineMillis) throws RequestNotSentException {
    Watch watch = new Watch(Thread.currentThread());
    inFlight.add(watch);
    try {
      watch.expiry = timer.schedule(() -> watch.end(Ending.TIMED_OUT), deadlineMillis + MARGIN_MILLIS,
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      watch.finish();
      throw new RequestNotSentException("the client is closed");
    }
    return watch;
  }

  /** Ends every call in flight (each with {@link Ending#CLIENT_CLOSED}) and refuses new ones. */
  @Override
  public void close() {
    timer.shutdownNow();
    inFlight.forEach(watch -> watch.end(Ending.CLIENT_CLOSED));
  }

  /** One call being watched. */
  final class Watch {
    private final Thread caller;
    private volatile ScheduledFuture<?> expiry;
    /** Guarded by {@code this}: the interrupt happens under the same lock, so it never outlives the call. */
    private Ending ending;

    private Watch(Thread caller) {
      this.caller = caller;
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
      ScheduledFuture<?> timer = expiry;
      if (timer != null) {
        timer.cancel(false);
      }
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
