package dev.atlasendpoints.resilience;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The {@link SendQueue}s of one client by key (endpoint set and project), bounded: a queue unused
 * for {@code idleEviction} is forgotten, and beyond {@code maxBuckets} the longest-idle unused ones
 * go first, so a long-lived multi-tenant client keeps at most {@code maxBuckets} queues plus those
 * its callers are using at that moment. A forgotten bucket starts again from the configured limit,
 * which is what a bucket idle that long would do at Atlas too: it has refilled.
 */
final class SendQueues {

  private final Map<String, SendQueue> byKey = new ConcurrentHashMap<>();
  private final long idleNanos;
  private final int maxBuckets;
  private final AtomicBoolean sweeping = new AtomicBoolean();
  private volatile long lastSweepNanos;

  SendQueues(long idleNanos, int maxBuckets, long nowNanos) {
    this.idleNanos = idleNanos;
    this.maxBuckets = maxBuckets;
    this.lastSweepNanos = nowNanos;
  }

  /** The queue of {@code key}, made by {@code create} when there is none, marked as in use. */
  SendQueue acquire(String key, Function<String, SendQueue> create, long nowNanos) {
    SendQueue queue = byKey.computeIfAbsent(key, create).acquire(nowNanos);
    if (byKey.size() > maxBuckets || nowNanos - lastSweepNanos > idleNanos / 4) {
      sweep(nowNanos);
    }
    return queue;
  }

  int size() {
    return byKey.size();
  }

  /** Forgets idle queues; one caller sweeps at a time, the others go on. */
  private void sweep(long nowNanos) {
    if (!sweeping.compareAndSet(false, true)) {
      return;
    }
    try {
      lastSweepNanos = nowNanos;
      byKey.entrySet().removeIf(entry -> entry.getValue().idleSince(nowNanos - idleNanos));
      int excess = byKey.size() - maxBuckets * 9 / 10; // down to 90%, so that sweeps stay rare
      if (byKey.size() > maxBuckets && excess > 0) {
        byKey.entrySet().stream()
            .filter(entry -> entry.getValue().idleSince(nowNanos))
            .sorted(Comparator.comparingLong(entry -> entry.getValue().lastUsedNanos() - nowNanos))
            .limit(excess)
            .toList()
            .forEach(entry -> byKey.remove(entry.getKey(), entry.getValue()));
      }
    } finally {
      sweeping.set(false);
    }
  }
}
