package dev.atlasendpoints.ratelimit.redis;

import dev.atlasendpoints.resilience.RateLimitSettings;
import dev.atlasendpoints.resilience.RateLimitStore;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One bucket's shared state in Redis, under seven keys that share a hash tag:
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
 *   <li>{@code PREFIX:{KEY}:curve}: the fleet's adaptive controller after a 429 that stated no rate
 *       (a hash): the rate its curve climbs back to ({@code w}), the pause before it climbs
 *       ({@code p}, ms), and, as the key's time to live counted down from {@link #CURVE_SPAN} plus the
 *       pause, how long ago it started, by Redis's clock. Set by the first 429 of an overshoot only: a
 *       429 to an attempt sent before the curve started is the same overshoot. After
 *       {@link #CURVE_SPAN} the curve is far above any limit, and the key is gone.</li>
 *   <li>{@code PREFIX:{KEY}:sending}: the rate the fleet takes tokens at, measured by Redis's clock
 *       (a hash: the window, its count, the estimate); the controller starts a curve from it, and caps
 *       the curve at twice it.</li>
 *   <li>{@code PREFIX:{KEY}:start}: the fleet's slow start ({@link RedisSharedLimits.Builder#slowStart}),
 *       a hash: when the fleet first took from a bucket new to Redis ({@code b}, Redis's clock, µs; -1
 *       once the slow start is over) and when its next attempt may go ({@code n}, µs); its expiry is
 *       renewed by each read;</li>
 *   <li>{@code PREFIX:{KEY}:resume}: set with each pause, to expire {@link #RESUME_WITHIN} after it; the
 *       first take after the pause deletes it and empties the token bucket of what it refilled
 *       meanwhile.</li>
 * </ul>
 * A take costs two round trips: one script reads the pause, the rate, the curve and the sending
 * rate while Bucket4j's state is read in the same pipeline, then Bucket4j's compare-and-swap script
 * writes the state (more only under contention); a token taken is counted afterwards without
 * waiting.
 */
final class RedisBucket implements RateLimitStore.Bucket {

  /**
   * Sets the pause to end in ARGV[1] ms by Redis's clock, or moves it later; never earlier; marks
   * the bucket to be emptied by the first take after it, up to ARGV[2] ms after it ends (the same
   * way, only ever later); and moves a running slow start's beginning later by as much as the pause
   * grew, so that its doubling counts only the time the fleet may send: the fleet found Atlas's
   * limit, and a pause does not bring it nearer the configured one. KEYS pause, resume, start.
   */
  private static final String PAUSE_SCRIPT = """
      local before = redis.call('pttl', KEYS[1])
      if before < 0 then before = 0 end
      if not redis.call('set', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
        redis.call('pexpire', KEYS[1], ARGV[1], 'GT')
      end
      local grew = redis.call('pttl', KEYS[1]) - before
      local born = tonumber(redis.call('hget', KEYS[3], 'b'))
      if born and born >= 0 and grew > 0 then
        redis.call('hset', KEYS[3], 'b', string.format('%.0f', born + grew * 1000))
      end
      local resume = tonumber(ARGV[1]) + tonumber(ARGV[2])
      if not redis.call('set', KEYS[2], '1', 'NX', 'PX', resume) then
        redis.call('pexpire', KEYS[2], resume, 'GT')
      end
      return 1
      """;

  /**
   * How long after a pause its first take still empties the bucket: the fleet's callers ask again
   * as it ends; one that comes later finds what refilled since the pause, not during it.
   */
  static final Duration RESUME_WITHIN = Duration.ofSeconds(1);

  /** The rate a fleet's slow start begins at, per second. */
  static final double SLOW_START_RATE = 1;

  /** How often a fleet's slow start doubles its rate, until the configured limit. */
  static final Duration SLOW_START_DOUBLING = Duration.ofSeconds(1);
  private static final byte[] SLOW_START_DOUBLING_MILLIS = millis(SLOW_START_DOUBLING);

  /** How long a curve's key lives: by then the curve is far above any limit (CUBIC grows as t³). */
  static final Duration CURVE_SPAN = Duration.ofMinutes(15);

  /**
   * Reads, in one step: the pause's remaining time; the stated rate (renewing its expiry); the
   * curve's starting rate and age; the fleet's sending rate; how long the fleet's slow start holds
   * this take (ms, 0 when it does not), which it also counts; what this take must trim, once for the
   * fleet (0 nothing; 1 the first take since a pause ended: what refilled during it; 2 the take that
   * ended the slow start at the configured limit: back to a cold start's tokens). The slow start
   * runs only for a bucket new to Redis (no token bucket yet: not one a fleet is already using, nor
   * one a process that already took from it recreates, as after Redis restarted empty), and only
   * until the configured limit, a stated rate or the fleet's curve: it paces the fleet evenly (no
   * burst) at ARGV[3] per second, doubled every ARGV[4] ms, by Redis's clock (µs; instants that a
   * clock stepped back would put in the future are brought back to now). KEYS pause, rate, curve,
   * sending, start, resume, the token bucket; ARGV the idle expiry and the curve's span (ms), the
   * slow start's first rate (0: none) and doubling (ms), the configured limit per second, and
   * whether this process took from the bucket before (1/0).
   */
  private static final String READ_SCRIPT = """
      local rate = redis.call('get', KEYS[2])
      if rate then redis.call('pexpire', KEYS[2], ARGV[1]) end
      local curve = redis.call('hmget', KEYS[3], 'w', 'p')
      local climbing = -1
      if curve[1] then
        climbing = tonumber(ARGV[2]) - redis.call('pttl', KEYS[3])
        if climbing < 0 then climbing = 0 end
      end
      local paused = redis.call('pttl', KEYS[1])
      local trim = 0
      if paused <= 0 and redis.call('del', KEYS[6]) == 1 then trim = 1 end
      local hold = 0
      local first = tonumber(ARGV[3])
      if first > 0 then
        local t = redis.call('time')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local start = redis.call('hmget', KEYS[5], 'b', 'n')
        local born = tonumber(start[1])
        if not born then
          born = now
          if ARGV[6] == '1' or redis.call('pttl', KEYS[7]) ~= -2 then born = -1 end
          redis.call('hset', KEYS[5], 'b', string.format('%.0f', born))
        elseif born > now then
          born = now
          redis.call('hset', KEYS[5], 'b', string.format('%.0f', born))
        end
        redis.call('pexpire', KEYS[5], ARGV[1])
        if born >= 0 and (rate or curve[1]) then
          born = -1
          redis.call('hset', KEYS[5], 'b', '-1')
        end
        if born >= 0 and paused <= 0 then
          local allowed = first * 2 ^ math.floor((now - born) / 1000 / tonumber(ARGV[4]))
          if allowed >= tonumber(ARGV[5]) then
            redis.call('hset', KEYS[5], 'b', '-1')
            if trim == 0 then trim = 2 end
          else
            local interval = 1000000 / allowed
            local slot = tonumber(start[2]) or now
            if slot > now + 2 * interval then slot = now end
            if slot > now then
              hold = math.ceil((slot - now) / 1000)
            else
              redis.call('hset', KEYS[5], 'n', string.format('%.0f', now + interval))
            end
          end
        end
      end
      return {paused, rate or false, curve[1] or false, climbing,
        redis.call('hget', KEYS[4], 'r') or false, hold, trim}
      """;

  /**
   * Counts one token taken, in one-second windows of Redis's clock; each time a window closes, the
   * rate over the windows since the last close counts for half of the estimate {@code r}. Slower than
   * one process's {@code MeasuredRate} (half-second windows, 80%) on purpose: the fleet's answers
   * come in bursts after each pause, and a curve started from a burst's rate stays above Atlas's
   * refill rate (measured: it settled at 7.8 per second against 5, a 429 every 1.5 s); over seconds,
   * pauses included, it is the rate the fleet got through. KEYS sending; ARGV the idle expiry, ms.
   */
  private static final String COUNT_SCRIPT = """
      local t = redis.call('time')
      local window = tonumber(t[1])
      local m = redis.call('hmget', KEYS[1], 'w', 'n', 'r')
      local w = tonumber(m[1]) or window
      local n = (tonumber(m[2]) or 0) + 1
      local r = tonumber(m[3]) or 0
      if window > w then
        r = 0.5 * n / (window - w) + 0.5 * r
        n = 0
        w = window
      end
      redis.call('hset', KEYS[1], 'w', w, 'n', n, 'r', tostring(r))
      redis.call('pexpire', KEYS[1], ARGV[1])
      return n
      """;

  /**
   * Starts a curve from the lower of the sending rate and the allowed rate, climbing after the
   * pause, unless one started after the throttled attempt was sent (then it is the same overshoot).
   * KEYS curve, sending; ARGV how long ago the attempt was sent (ms), the allowed rate, the curve's
   * span (ms), the pause (ms).
   */
  private static final String THROTTLE_SCRIPT = """
      local ttl = redis.call('pttl', KEYS[1])
      local pause = tonumber(redis.call('hget', KEYS[1], 'p'))
      if ttl > 0 and pause and tonumber(ARGV[1]) >= tonumber(ARGV[3]) + pause - ttl then return 0 end
      local sending = tonumber(redis.call('hget', KEYS[2], 'r')) or 0
      redis.call('del', KEYS[1])
      redis.call('hset', KEYS[1], 'w', tostring(math.min(sending, tonumber(ARGV[2]))), 'p', ARGV[4])
      redis.call('pexpire', KEYS[1], tonumber(ARGV[3]) + tonumber(ARGV[4]))
      return 1
      """;

  private final RedisSharedLimits store;
  private final byte[] bucketKey;
  private final byte[] pauseKey;
  private final byte[] rateKey;
  private final byte[] curveKey;
  private final byte[] sendingKey;
  private final byte[] startKey;
  private final byte[] resumeKey;
  private final RateLimitSettings.Limit configured;
  /** The rate the fleet's slow start begins at, or 0 for none (not asked for, or the limit is no higher). */
  private final byte[] slowStartRate;
  /** The configured limit per second, as the read script is given it. */
  private final byte[] configuredRate;
  /**
   * Whether Redis answered a take of this process: a bucket it recreates (Redis restarted empty, or
   * lost the keys) is not new to the fleet, and gets no slow start.
   */
  private volatile boolean tookBefore;
  /** The rate the fleet had learned at the last take: a bucket created anew in Redis starts at it. */
  private volatile RateLimitSettings.Limit lastLearned;
  /** The adaptive rate this process last ran the bucket at, or 0: a bucket created anew starts at it. */
  private volatile double lastAdapted;
  /**
   * Whether this process replaced the bucket's configuration since it last read a stated rate: its
   * replacement may have landed after another process's stated one, so the next read of a stated
   * rate puts it back.
   */
  private volatile boolean adaptedSinceStated;

  RedisBucket(RedisSharedLimits store, String prefix, String key, RateLimitSettings.Limit configured,
      boolean slowStart) {
    this.store = store;
    // Braces are Redis Cluster hash tags: the bucket's own key goes between them, its braces replaced.
    String tagged = prefix + ":{" + key.replace('{', '(').replace('}', ')') + "}:";
    this.bucketKey = (tagged + "bucket").getBytes(StandardCharsets.UTF_8);
    this.pauseKey = (tagged + "pause").getBytes(StandardCharsets.UTF_8);
    this.rateKey = (tagged + "rate").getBytes(StandardCharsets.UTF_8);
    this.curveKey = (tagged + "curve").getBytes(StandardCharsets.UTF_8);
    this.sendingKey = (tagged + "sending").getBytes(StandardCharsets.UTF_8);
    this.startKey = (tagged + "start").getBytes(StandardCharsets.UTF_8);
    this.resumeKey = (tagged + "resume").getBytes(StandardCharsets.UTF_8);
    this.configured = configured;
    this.slowStartRate = number(slowStart && SLOW_START_RATE < configured.perSecond() ? SLOW_START_RATE : 0);
    this.configuredRate = number(configured.perSecond());
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
      // The reads and Bucket4j's read leave at once (one round trip), its compare-and-swap follows (a second).
      // During a pause the token taken is wasted, which costs nothing: Atlas's bucket is empty anyway.
      Future<List<Object>> read = redis.commands().eval(READ_SCRIPT, ScriptOutputType.MULTI,
          new byte[][] {pauseKey, rateKey, curveKey, sendingKey, startKey, resumeKey, bucketKey},
          millis(store.idleExpiry()), millis(CURVE_SPAN), slowStartRate, SLOW_START_DOUBLING_MILLIS,
          configuredRate, tookBefore ? ONE : ZERO);
      Future<ConsumptionProbe> token = tokens(redis, this::startingConfiguration).tryConsumeAndReturnRemaining(1);
      List<Object> state = await(read, deadline);
      RateLimitSettings.Limit learned = decode((byte[]) state.get(1));
      lastLearned = learned;
      if (learned != null && adaptedSinceStated) { // this process's adapt may have landed after the stated rate
        adaptedSinceStated = false;
        lastAdapted = 0;
        replaceConfiguration(redis, configuration(learned));
      }
      RateLimitStore.Adaptation adaptation = learned == null ? adaptation(state) : null;
      trim(redis, (Long) state.get(6)); // now: the script told this take alone, whatever happens to it next
      tookBefore = true;
      ConsumptionProbe probe = await(token, deadline);
      store.health().answered(start);
      long pausedForMillis = (Long) state.get(0); // -2 without a pause
      if (pausedForMillis > 0) {
        Duration paused = Duration.ofMillis(pausedForMillis);
        return RateLimitStore.Grant.waitFor(paused, paused, learned, adaptation);
      }
      long heldForMillis = (Long) state.get(5);
      if (heldForMillis > 0) {
        if (probe.isConsumed()) {
          watch(tokens(redis, this::startingConfiguration).addTokens(1)); // not sent: the token goes back
        }
        return RateLimitStore.Grant.waitFor(Duration.ofMillis(heldForMillis), null, learned, adaptation);
      }
      if (!probe.isConsumed()) {
        return RateLimitStore.Grant.waitFor(Duration.ofNanos(probe.getNanosToWaitForRefill()), null, learned,
            adaptation);
      }
      watch(redis.commands().eval(COUNT_SCRIPT, ScriptOutputType.INTEGER, new byte[][] {sendingKey},
          millis(store.idleExpiry())).toCompletableFuture()); // the fleet's sending rate: nobody waits on it
      return RateLimitStore.Grant.taken(learned, adaptation);
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

  /**
   * What the read script told this take to trim, once for the fleet: 1, the first take since a pause
   * ended: what Bucket4j refilled meanwhile goes, as no token accrues while Atlas's bucket is empty
   * (one process's bucket does the same), so the fleet does not leave the pause with a burst into the
   * few tokens Atlas refilled during it; 2, the slow start reached the configured limit: the bucket
   * goes on from a cold start's tokens, not with what it refilled at the limit meanwhile (a low limit
   * keeps its burst). Best effort, not waited for.
   */
  private void trim(RedisSharedLimits.Connected redis, long what) {
    if (what == 1) {
      watch(tokens(redis, this::startingConfiguration).tryConsumeAsMuchAsPossible());
    } else if (what == 2) {
      AsyncBucketProxy bucket = tokens(redis, this::startingConfiguration);
      long keep = coldStartTokens(configured);
      watch(bucket.getAvailableTokens().thenCompose(available -> available > keep
          ? bucket.tryConsumeAsMuchAsPossible(available - keep) : CompletableFuture.completedFuture(0L)));
    }
  }

  @Override
  public void pauseFor(Duration wait) {
    send(redis -> watch(redis.commands().eval(PAUSE_SCRIPT, ScriptOutputType.INTEGER,
        new byte[][] {pauseKey, resumeKey, startKey}, millis(wait), millis(RESUME_WITHIN)).toCompletableFuture()));
  }

  @Override
  public boolean throttled(Duration sentAgo, double allowedRate, Duration pause) {
    if (!(allowedRate > 0) || Double.isInfinite(allowedRate)) {
      return false;
    }
    return send(redis -> watch(redis.commands().eval(THROTTLE_SCRIPT, ScriptOutputType.INTEGER,
        new byte[][] {curveKey, sendingKey}, millis(sentAgo), Double.toString(allowedRate).getBytes(StandardCharsets.UTF_8),
        millis(CURVE_SPAN), millis(pause)).toCompletableFuture()));
  }

  /**
   * Replaces the token bucket's configuration with {@code perSecond} (see {@link #adaptiveConfiguration}),
   * or with the configured limit at or above it.
   */
  @Override
  public boolean adapt(double perSecond) {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      return false;
    }
    boolean below = perSecond < configured.perSecond();
    BucketConfiguration adapted = below ? adaptiveConfiguration(perSecond) : configuration(configured);
    return send(redis -> {
      lastAdapted = below ? perSecond : 0;
      adaptedSinceStated = true; // a stated rate read later is put back over this, whichever lands last
      replaceConfiguration(redis, adapted);
    });
  }

  /** Stores the rate for every process to read, and replaces the token bucket's configuration with it. */
  @Override
  public boolean adopt(RateLimitSettings.Limit stated) {
    return send(redis -> {
      watch(redis.commands().set(rateKey, encode(stated), SetArgs.Builder.px(store.idleExpiry()))
          .toCompletableFuture());
      replaceConfiguration(redis, configuration(stated));
    });
  }

  /**
   * Sends a best-effort write when Redis is taken to be answering; never throws (a failure before
   * the command leaves counts as Redis failing). Returns whether it was sent.
   */
  private boolean send(java.util.function.Consumer<RedisSharedLimits.Connected> write) {
    RedisSharedLimits.Connected redis = store.connectedIfUp();
    if (redis == null) {
      return false;
    }
    try {
      write.accept(redis);
      return true;
    } catch (RuntimeException e) {
      store.health().failed(System.nanoTime(), e);
      return false;
    }
  }

  /**
   * What a bucket created anew in Redis starts at: the stated rate, else the adapted one, else the
   * configured limit — the last filling up from one token ({@link #coldStart}).
   */
  private BucketConfiguration startingConfiguration() {
    RateLimitSettings.Limit known = lastLearned;
    double adapted = lastAdapted;
    return known != null ? configuration(known) : adapted > 0 ? adaptiveConfiguration(adapted) : coldStart(configured);
  }

  /**
   * The configured limit, starting short of its burst by one second's refill (at least one token):
   * nothing is known yet of Atlas's bucket, which other processes on the key may have emptied, and a
   * fleet that starts together would otherwise spend the whole configured burst before Atlas's first
   * answer could pause it or state its rate (measured: 16 callers' first attempts leaving at once
   * against a capacity of 10). So the fleet's first second is spaced at the configured rate. A low
   * limit (a few per minute) keeps almost all of its burst, so nobody waits minutes for it.
   */
  static BucketConfiguration coldStart(RateLimitSettings.Limit limit) {
    return BucketConfiguration.builder().addLimit(refilledAt(limit).initialTokens(coldStartTokens(limit)).build())
        .build();
  }

  /** The tokens a cold start begins with: the burst less one second's refill, at least one. */
  private static long coldStartTokens(RateLimitSettings.Limit limit) {
    return Math.max(1, limit.permits() - (long) Math.ceil(limit.perSecond()));
  }

  /** The token bucket; {@code whenNew} is asked only when Redis holds none (not on every take). */
  private AsyncBucketProxy tokens(RedisSharedLimits.Connected redis, Supplier<BucketConfiguration> whenNew) {
    return redis.buckets().builder().build(bucketKey, () -> CompletableFuture.completedFuture(whenNew.get()));
  }

  /** Runs the token bucket at {@code configuration} from now on, keeping the tokens it holds; best effort. */
  private void replaceConfiguration(RedisSharedLimits.Connected redis, BucketConfiguration configuration) {
    watch(tokens(redis, () -> configuration).replaceConfiguration(configuration, TokensInheritanceStrategy.AS_IS));
  }

  /** The curve the read script found, or {@code null} when no 429 started one (or it ran its span). */
  private static RateLimitStore.Adaptation adaptation(List<Object> state) {
    byte[] maxRate = (byte[]) state.get(2);
    long ageMillis = (Long) state.get(3); // how long it has been climbing: 0 during its pause
    if (maxRate == null || ageMillis < 0 || ageMillis > CURVE_SPAN.toMillis()) {
      return null;
    }
    byte[] sending = (byte[]) state.get(4);
    try {
      return new RateLimitStore.Adaptation(Double.parseDouble(new String(maxRate, StandardCharsets.UTF_8)),
          Duration.ofMillis(ageMillis), sending == null ? 0 : Double.parseDouble(new String(sending, StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException foreign) {
      return null; // not written by this module: no curve
    }
  }

  /**
   * {@code perSecond} refilled continuously, holding one second's worth (at least one token), as one
   * process's own bucket holds while it adapts.
   */
  static BucketConfiguration adaptiveConfiguration(double perSecond) {
    long capacity = Math.max(1, (long) perSecond);
    return BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(capacity)
            .refillGreedy(capacity, Duration.ofNanos(Math.max(1, Math.round(capacity / perSecond * 1e9)))).build())
        .build();
  }

  private static byte[] millis(Duration duration) {
    return Long.toString(Math.max(1, duration.toMillis())).getBytes(StandardCharsets.UTF_8);
  }

  private static final byte[] ONE = {'1'};
  private static final byte[] ZERO = {'0'};

  private static byte[] number(double value) {
    return Double.toString(value).getBytes(StandardCharsets.UTF_8);
  }

  /** {@code permits} per {@code period}, refilled continuously, holding at most {@code permits}. */
  static BucketConfiguration configuration(RateLimitSettings.Limit limit) {
    return BucketConfiguration.builder().addLimit(refilledAt(limit).build()).build();
  }

  private static BandwidthBuilder.BandwidthBuilderBuildStage refilledAt(RateLimitSettings.Limit limit) {
    return Bandwidth.builder().capacity(limit.permits()).refillGreedy(limit.permits(), limit.period());
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
