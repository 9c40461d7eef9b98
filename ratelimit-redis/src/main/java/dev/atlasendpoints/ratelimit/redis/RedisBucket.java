package dev.atlasendpoints.ratelimit.redis;

import dev.atlasendpoints.resilience.RateLimitSettings;
import dev.atlasendpoints.resilience.RateLimitStore;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.lettuce.core.GetExArgs;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One bucket's shared state in Redis, under three keys that share a hash tag:
 * <ul>
 *   <li>{@code PREFIX:{KEY}:bucket}: Bucket4j's token bucket (compare-and-swap through Lua), at the
 *       learned rate once there is one, else at the configured limit; it expires once it would be
 *       full again plus the idle time;</li>
 *   <li>{@code PREFIX:{KEY}:pause}: the pause after a 429, as the key's own time to live: set with
 *       {@code SET NX PX wait}, else moved with {@code PEXPIRE wait GT}, so it only ever moves later
 *       and disappears when it ends. Only durations cross the wire ({@code PX}, {@code PTTL}):
 *       Redis's clock alone measures the pause, so hosts whose clocks differ agree on it;</li>
 *   <li>{@code PREFIX:{KEY}:rate}: the refill rate Atlas stated ({@code permits:periodNanos}),
 *       which every process adopts; its expiry is renewed by each read, so it goes when the
 *       bucket is idle.</li>
 * </ul>
 * A take costs two round trips: the pause, the rate and Bucket4j's state are read together
 * (pipelined), then Bucket4j's compare-and-swap script writes the state (more only under contention).
 */
final class RedisBucket implements RateLimitStore.Bucket {

  /** Sets the pause to end in ARGV[1] ms by Redis's clock, or moves it later; never earlier. */
  private static final String PAUSE_SCRIPT = "if not redis.call('set', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then "
      + "redis.call('pexpire', KEYS[1], ARGV[1], 'GT') end return 1";

  private final RedisSharedLimits store;
  private final byte[] bucketKey;
  private final byte[] pauseKey;
  private final byte[] rateKey;
  private final RateLimitSettings.Limit configured;
  /** The rate the fleet had learned at the last take: a bucket created anew in Redis starts at it. */
  private volatile RateLimitSettings.Limit lastLearned;

  RedisBucket(RedisSharedLimits store, String prefix, String key, RateLimitSettings.Limit configured) {
    this.store = store;
    // Braces are Redis Cluster hash tags: the bucket's own key goes between them, its braces replaced.
    String tagged = prefix + ":{" + key.replace('{', '(').replace('}', ')') + "}:";
    this.bucketKey = (tagged + "bucket").getBytes(StandardCharsets.UTF_8);
    this.pauseKey = (tagged + "pause").getBytes(StandardCharsets.UTF_8);
    this.rateKey = (tagged + "rate").getBytes(StandardCharsets.UTF_8);
    this.configured = configured;
  }

  @Override
  public RateLimitStore.Grant take(Duration timeout) {
    long start = System.nanoTime();
    if (timeout.isNegative() || timeout.isZero()) {
      return RateLimitStore.Grant.outOfTime();
    }
    RedisSharedLimits.Connected redis = store.connectedIfAnswering(start);
    if (redis == null) {
      return RateLimitStore.Grant.unavailable();
    }
    boolean callersTime = timeout.compareTo(store.commandTimeout()) < 0;
    long deadline = start + (callersTime ? timeout : store.commandTimeout()).toNanos();
    try {
      // All three reads leave at once (one round trip), Bucket4j's compare-and-swap follows (a second).
      // During a pause the token taken is wasted, which costs nothing: Atlas's bucket is empty anyway.
      Future<Long> pause = redis.commands().pttl(pauseKey); // -2 without a pause
      Future<byte[]> rate = redis.commands().getex(rateKey, GetExArgs.Builder.px(store.idleExpiry()));
      RateLimitSettings.Limit known = lastLearned;
      Future<ConsumptionProbe> token = tokens(redis, known != null ? known : configured).tryConsumeAndReturnRemaining(1);
      long pausedForMillis = await(pause, deadline);
      RateLimitSettings.Limit learned = decode(await(rate, deadline));
      lastLearned = learned;
      ConsumptionProbe probe = await(token, deadline);
      store.health().answered(start);
      if (pausedForMillis > 0) {
        Duration paused = Duration.ofMillis(pausedForMillis);
        return RateLimitStore.Grant.waitFor(paused, paused, learned);
      }
      return probe.isConsumed() ? RateLimitStore.Grant.taken(learned)
          : RateLimitStore.Grant.waitFor(Duration.ofNanos(probe.getNanosToWaitForRefill()), null, learned);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the caller's wait sees it and ends typed, without sending
      return RateLimitStore.Grant.unavailable();
    } catch (TimeoutException e) {
      if (callersTime) {
        return RateLimitStore.Grant.outOfTime(); // the caller was short of time, not Redis slow
      }
      store.health().failed(System.nanoTime(), e);
      return RateLimitStore.Grant.unavailable();
    } catch (ExecutionException | RuntimeException e) {
      store.health().failed(System.nanoTime(), e);
      return RateLimitStore.Grant.unavailable();
    }
  }

  @Override
  public void pauseFor(Duration wait) {
    RedisSharedLimits.Connected redis = store.connectedIfUp();
    long millis = Math.max(1, wait.toMillis());
    if (redis != null) {
      watch(redis.commands().eval(PAUSE_SCRIPT, ScriptOutputType.INTEGER, new byte[][] {pauseKey},
          Long.toString(millis).getBytes(StandardCharsets.UTF_8)).toCompletableFuture());
    }
  }

  /** Stores the rate for every process to read, and replaces the token bucket's configuration with it. */
  @Override
  public void adopt(RateLimitSettings.Limit stated) {
    RedisSharedLimits.Connected redis = store.connectedIfUp();
    if (redis != null) {
      watch(redis.commands().set(rateKey, encode(stated), SetArgs.Builder.px(store.idleExpiry()))
          .toCompletableFuture());
      watch(tokens(redis, stated).replaceConfiguration(configuration(stated), TokensInheritanceStrategy.AS_IS));
    }
  }

  private AsyncBucketProxy tokens(RedisSharedLimits.Connected redis, RateLimitSettings.Limit limit) {
    return redis.buckets().builder().build(bucketKey, () -> CompletableFuture.completedFuture(configuration(limit)));
  }

  /** {@code permits} per {@code period}, refilled continuously, holding at most {@code permits}. */
  static BucketConfiguration configuration(RateLimitSettings.Limit limit) {
    return BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(limit.permits()).refillGreedy(limit.permits(), limit.period()).build())
        .build();
  }

  static byte[] encode(RateLimitSettings.Limit limit) {
    return (limit.permits() + ":" + limit.period().toNanos()).getBytes(StandardCharsets.UTF_8);
  }

  /** The stored rate, or {@code null} when there is none or it is not one this module wrote. */
  static RateLimitSettings.Limit decode(byte[] stored) {
    if (stored == null) {
      return null;
    }
    String[] parts = new String(stored, StandardCharsets.UTF_8).split(":");
    try {
      return parts.length == 2 ? new RateLimitSettings.Limit(Integer.parseInt(parts[0]),
          Duration.ofNanos(Long.parseLong(parts[1]))) : null;
    } catch (IllegalArgumentException foreign) {
      return null;
    }
  }

  private void watch(CompletableFuture<?> write) {
    write.orTimeout(store.commandTimeout().toNanos(), TimeUnit.NANOSECONDS).whenComplete((ignored, failure) -> {
      if (failure != null) {
        store.health().failed(System.nanoTime(), failure);
      }
    });
  }

  private static <T> T await(Future<T> future, long deadlineNanos)
      throws InterruptedException, ExecutionException, TimeoutException {
    return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
  }
}
