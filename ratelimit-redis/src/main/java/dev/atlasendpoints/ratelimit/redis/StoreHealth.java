package dev.atlasendpoints.ratelimit.redis;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether Redis is answering: after a failure, callers stop asking it for {@code retryNanos} (they
 * use their own limits, without waiting on Redis at all), then one asks again. An outage is logged
 * once when it starts and once when it ends; logs name the URL without credentials and the
 * exception's class, never its message.
 */
final class StoreHealth {

  private static final System.Logger LOG = System.getLogger("dev.atlasendpoints.ratelimit.redis");

  private final String where;
  private final long retryNanos;
  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicLong outages = new AtomicLong();
  private volatile long askAgainAtNanos;

  StoreHealth(String where, long retryNanos) {
    this.where = where;
    this.retryNanos = retryNanos;
  }

  /** Whether Redis may be asked now: it is up, or it was down long enough to try again. */
  boolean mayAsk(long nowNanos) {
    return !down.get() || nowNanos - askAgainAtNanos >= 0;
  }

  /** Redis failed or did not answer in time. */
  void failed(long nowNanos, Throwable cause) {
    askAgainAtNanos = nowNanos + retryNanos;
    if (down.compareAndSet(false, true)) {
      outages.incrementAndGet();
      LOG.log(Level.WARNING, "shared rate limits at " + where + " unavailable (" + describe(cause)
          + "): each process uses its own limits until Redis answers again");
    }
  }

  /** Redis answered. */
  void answered() {
    if (down.get() && down.compareAndSet(true, false)) {
      LOG.log(Level.INFO, "shared rate limits at " + where + " answering again: limits are shared again");
    }
  }

  /** How many outages began so far. */
  long outages() {
    return outages.get();
  }

  private static String describe(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == cause ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + " caused by " + root.getClass().getSimpleName();
  }
}
