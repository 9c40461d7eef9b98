package dev.atlasendpoints.ratelimit.redis;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether Redis is answering, with hysteresis so that an outage is logged once when it starts and
 * once when it ends, however Redis flaps meanwhile:
 * <ul>
 *   <li>Redis is down after a hard failure (refused, disconnected, an error), or after
 *       {@link #SLOW_IN_A_ROW} slow answers in a row: one slow take (contention, a pause of the
 *       machine) is that caller's fallback, not an outage;</li>
 *   <li>while down, callers use their own limits without waiting on Redis; once every
 *       {@code retryNanos} a single caller asks it again (the others do not wait on it);</li>
 *   <li>it is up again after {@link #ANSWERS_TO_RECOVER} answers in a row; an answer to a question
 *       asked before the last failure counts for nothing.</li>
 * </ul>
 * Logs name the URL without credentials and the exception's class, never its message.
 */
final class StoreHealth {

  /** Slow answers in a row that make an outage. */
  static final int SLOW_IN_A_ROW = 3;
  /** Answers in a row that end an outage. */
  static final int ANSWERS_TO_RECOVER = 3;

  private static final System.Logger LOG = System.getLogger("dev.atlasendpoints.ratelimit.redis");

  private final String where;
  private final long retryNanos;
  private final AtomicLong outages = new AtomicLong();
  private final AtomicInteger slowInARow = new AtomicInteger();
  private final AtomicInteger answersInARow = new AtomicInteger();
  /** When a caller may next ask a Redis that is down; claimed by one caller at a time. */
  private final AtomicLong askAgainAtNanos = new AtomicLong();
  private volatile boolean down;
  private volatile long lastFailureNanos;

  StoreHealth(String where, long retryNanos, long nowNanos) {
    this.where = where;
    this.retryNanos = retryNanos;
    this.lastFailureNanos = nowNanos;
  }

  /**
   * Whether Redis may be asked now: it is up, or it is down and this caller is the one that asks it
   * again (at most one per {@code retryNanos}, or the next after an answer while recovering).
   */
  boolean mayAsk(long nowNanos) {
    if (!down) {
      return true;
    }
    long at = askAgainAtNanos.get();
    return nowNanos - at >= 0 && askAgainAtNanos.compareAndSet(at, nowNanos + retryNanos);
  }

  /** Whether Redis is taken to be answering (writes are dropped, not attempted, while it is not). */
  boolean up() {
    return !down;
  }

  /**
   * Redis failed: a timeout counts as {@link #slow}; anything else (refused, disconnected, an error)
   * starts an outage now.
   */
  void failed(long nowNanos, Throwable cause) {
    if (isTimeout(cause)) {
      slow(nowNanos, cause);
      return;
    }
    lastFailureNanos = nowNanos;
    answersInARow.set(0);
    askAgainAtNanos.set(nowNanos + retryNanos);
    goDown(cause);
  }

  /** Redis did not answer within the command timeout: an outage after {@link #SLOW_IN_A_ROW} in a row. */
  void slow(long nowNanos, Throwable cause) {
    lastFailureNanos = nowNanos;
    answersInARow.set(0);
    if (down) {
      askAgainAtNanos.set(nowNanos + retryNanos);
    } else if (slowInARow.incrementAndGet() >= SLOW_IN_A_ROW) {
      askAgainAtNanos.set(nowNanos + retryNanos);
      goDown(cause);
    }
  }

  /** Redis answered a question asked at {@code askedAtNanos}. */
  void answered(long askedAtNanos) {
    if (askedAtNanos - lastFailureNanos < 0) {
      return; // asked before the last failure: says nothing about Redis now
    }
    slowInARow.set(0);
    if (down) {
      askAgainAtNanos.set(askedAtNanos); // recovering: the next caller may ask at once
      if (answersInARow.incrementAndGet() >= ANSWERS_TO_RECOVER) {
        synchronized (this) {
          if (down) {
            down = false;
            LOG.log(Level.INFO, "shared rate limits at " + where + " answering again: limits are shared again");
          }
        }
      }
    }
  }

  /** How many outages began so far. */
  long outages() {
    return outages.get();
  }

  private synchronized void goDown(Throwable cause) {
    slowInARow.set(0);
    if (!down) {
      down = true;
      outages.incrementAndGet();
      LOG.log(Level.WARNING, "shared rate limits at " + where + " unavailable (" + describe(cause)
          + "): each process uses its own limits until Redis answers again");
    }
  }

  private static boolean isTimeout(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.util.concurrent.TimeoutException || t instanceof io.lettuce.core.RedisCommandTimeoutException
          || t instanceof io.github.bucket4j.TimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable cause) {
    if (cause instanceof RedisSharedLimits.ServerNotReady) {
      return cause.getMessage();
    }
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == cause ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + " caused by " + root.getClass().getSimpleName();
  }
}
