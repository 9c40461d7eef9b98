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
    // Taken inside compute, which eviction also uses per key: a sweep cannot forget a queue between
    // a caller finding it and marking it in use (two queues for one key would each send a burst).
    SendQueue queue = byKey.compute(key, (k, existing) -> (existing != null ? existing : create.apply(k))
        .acquire(nowNanos));
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
      byKey.keySet().forEach(key -> evictIfIdleSince(key, nowNanos - idleNanos, nowNanos));
      int excess = byKey.size() - maxBuckets * 9 / 10; // down to 90%, so that sweeps stay rare
      if (byKey.size() > maxBuckets && excess > 0) {
        byKey.entrySet().stream()
            .filter(entry -> entry.getValue().evictable(nowNanos, nowNanos))
            .sorted(Comparator.comparingLong(entry -> entry.getValue().lastUsedNanos() - nowNanos))
            .limit(excess)
            .map(Map.Entry::getKey)
            .toList()
            .forEach(key -> evictIfIdleSince(key, nowNanos, nowNanos));
      }
    } finally {
      sweeping.set(false);
    }
  }

  /** Forgets the queue of {@code key} if it is still evictable, checked atomically with {@link #acquire}. */
  private void evictIfIdleSince(String key, long beforeNanos, long nowNanos) {
    byKey.computeIfPresent(key, (k, queue) -> queue.evictable(beforeNanos, nowNanos) ? null : queue);
  }
}
