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
 * One bucket's shared state in Redis, under eight keys that share a hash tag:
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
 *   <li>{@code PREFIX:{KEY}:answered}: what Atlas's {@code RateLimit-Remaining} allows (a hash): how many
 *       attempts the fleet has counted ({@code t}); the count at which Atlas's bucket is spent ({@code
 *       a}: the count when an answer came, plus what it said remained, less the attempts in flight then,
 *       which may be spending it); when that was last set from an awaited answer ({@code u}, Redis's
 *       clock, ms) and how long after that one attempt may ask again ({@code p}, ms); when {@code a}
 *       was last set ({@code b}), from which a stated rate refills it, up to its permits; awaited
 *       attempts in a row that got no answer ({@code m}). While {@code t} has reached {@code a}, a take
 *       waits, asking again every {@link #ANSWER_POLL}, until {@code p} has passed: then one attempt
 *       goes alone, and its answer sets {@code a} anew; every other answer can only lower it, since
 *       answers come back in any order. Of a bucket nothing is known of (no key), one attempt goes first
 *       and the others wait for its answer (at most {@link #FIRST_ANSWER_WAIT}). Without this, a fleet's
 *       first second sent as many attempts into an empty bucket as were in flight when Atlas's last
 *       token went (measured: 3 to 10 429s with 16 callers on 4 cold JVMs, against a capacity of 10).</li>
 *   <li>{@code PREFIX:{KEY}:flight}: the attempts in flight (a sorted set of their numbers, scored by
 *       when each was taken); one whose end was never reported stops counting after
 *       {@link #IN_FLIGHT_AT_MOST};</li>
 *   <li>{@code PREFIX:{KEY}:uncounted}: set for an idle expiry (not renewed by use) when a first answer
 *       states no count (older limits, v1.0 paths, a service that omits it) or three awaited attempts
 *       in a row got no answer: nothing is counted meanwhile.</li>
 * </ul>
 * A take costs two round trips: one script reads the pause, the rate, the curve, the sending
 * rate and the count while Bucket4j's state is read in the same pipeline, then Bucket4j's
 * compare-and-swap script writes the state (more only under contention); a token taken is counted
 * in the sending rate afterwards without waiting. While the count holds the fleet, a take reads
 * first and asks Bucket4j only when it is let through, so that waiting does not spend tokens.
 */
final class RedisBucket implements RateLimitStore.Bucket {

  /** Sets the pause to end in ARGV[1] ms by Redis's clock, or moves it later; never earlier. */
  private static final String PAUSE_SCRIPT = "if not redis.call('set', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then "
      + "redis.call('pexpire', KEYS[1], ARGV[1], 'GT') end return 1";

  /** How long a curve's key lives: by then the curve is far above any limit (CUBIC grows as t³). */
  static final Duration CURVE_SPAN = Duration.ofMinutes(15);

  /**
   * Lua: how many tokens a stated rate ({@code permits:periodNanos}, or nil) refilled in {@code ms},
   * at most its permits (Atlas's bucket holds no more than its capacity).
   */
  private static final String REFILLED = """
      local function refilled(rate, ms)
        local permits, nanos = string.match(rate or '', '^(%d+):(%d+)$')
        if not permits or tonumber(nanos) <= 0 or ms <= 0 then return 0 end
        return math.min(tonumber(permits), math.floor(ms * tonumber(permits) * 1000000 / tonumber(nanos)))
      end
      """;

  /** How often a take held by the count of Atlas's answers asks again: their answers are what lifts it. */
  static final Duration ANSWER_POLL = Duration.ofMillis(10);

  /**
   * How long the fleet waits for the first answer to a bucket nothing is known of before another
   * attempt goes to ask: until that answer, one attempt at a time.
   */
  static final Duration FIRST_ANSWER_WAIT = Duration.ofSeconds(1);

  /**
   * How long an attempt counts as in flight at most: one whose end was never reported (its process
   * died, or its take timed out after Redis had counted it) would otherwise lower what the fleet may
   * send for as long as the bucket is in use.
   */
  static final Duration IN_FLIGHT_AT_MOST = Duration.ofMinutes(1);

  /**
   * The bounds of how long the fleet, held by the count, waits before one attempt asks again (the
   * layer's {@code emptyBucketPause}): one process's setting holds the whole fleet, so neither a
   * zero (every poll would ask) nor a very long one is taken as it is.
   */
  static final Duration PROBE_AFTER_AT_LEAST = Duration.ofMillis(100);
  static final Duration PROBE_AFTER_AT_MOST = Duration.ofMinutes(1);

  /**
   * Reads, in one step: the pause's remaining time; the stated rate (renewing its expiry); the
   * curve's starting rate and age; the fleet's sending rate; and, when no pause runs, either how
   * long what Atlas's answers allow holds the fleet, or this take's number in flight (given here,
   * in the same step as the check, so that two processes never both pass for one last token) and
   * whether its answer is awaited (the first attempt of a bucket nothing is known of, or one sent
   * to ask after a silence). KEYS pause, rate, curve, sending, answered, flight, uncounted; ARGV the
   * idle expiry, the curve's span, {@link #ANSWER_POLL} and {@link #FIRST_ANSWER_WAIT}, in milliseconds.
   */
  private static final String READ_SCRIPT = REFILLED + """
      local rate = redis.call('get', KEYS[2])
      if rate then redis.call('pexpire', KEYS[2], ARGV[1]) end
      local curve = redis.call('hmget', KEYS[3], 'w', 'p')
      local climbing = -1
      if curve[1] then
        climbing = tonumber(ARGV[2]) - redis.call('pttl', KEYS[3])
        if climbing < 0 then climbing = 0 end
      end
      local paused = redis.call('pttl', KEYS[1])
      local number = 0
      local held = -1
      local asks = 0
      if paused <= 0 and redis.call('exists', KEYS[7]) == 0 then
        local known = redis.call('hmget', KEYS[5], 'a', 'u', 'p', 't', 'b')
        local taken = tonumber(known[4]) or 0
        local t = redis.call('time')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        if not known[1] then
          redis.call('hset', KEYS[5], 'a', taken + 1, 'u', now, 'b', now, 'p', ARGV[4])
          asks = 1
        else
          local p = tonumber(known[3])
          local age = now - tonumber(known[2])
          if age < 0 then age = p end
          if taken >= tonumber(known[1]) + refilled(rate, now - tonumber(known[5] or known[2])) then
            if age >= p then
              redis.call('hset', KEYS[5], 'a', taken + 1, 'u', now, 'b', now)
              asks = 1
            else
              held = math.max(1, math.min(tonumber(ARGV[3]), p - age))
            end
          end
        end
        if held < 0 then
          number = redis.call('hincrby', KEYS[5], 't', 1)
          redis.call('zadd', KEYS[6], now, number)
          redis.call('pexpire', KEYS[6], ARGV[1])
        end
        redis.call('pexpire', KEYS[5], ARGV[1])
      end
      return {paused, rate or false, curve[1] or false, climbing, redis.call('hget', KEYS[4], 'r') or false,
        number, held, asks}
      """;

  /**
   * Counts an attempt over, and what its answer allows: ARGV[2] tokens remained after it, or -1 (a
   * success that states none), -2 (no answer, or an error without a count), -3 (not sent after all:
   * its unit is given back). A count from an awaited answer sets how many more may go; any other can
   * only lower it. An awaited attempt that got no answer lets the next one ask at once, and three in a
   * row turn the count off, as a first answer without one does (for an idle expiry). KEYS answered,
   * flight, rate, uncounted; ARGV the attempt's number in flight, the remaining tokens, whether the
   * answer was awaited (1/0), how long until one attempt may ask again, the idle expiry,
   * {@link #IN_FLIGHT_AT_MOST} (all ms), and the count below which an answer that was not awaited is
   * worth counting.
   */
  private static final String ANSWERED_SCRIPT = REFILLED + """
      local t = redis.call('time')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local removed = redis.call('zrem', KEYS[2], ARGV[1])
      redis.call('zremrangebyscore', KEYS[2], '-inf', now - tonumber(ARGV[6]))
      local remaining = tonumber(ARGV[2])
      local awaited = ARGV[3] == '1'
      if remaining == -3 then
        if removed == 1 and redis.call('hexists', KEYS[1], 'a') == 1 then
          redis.call('hincrby', KEYS[1], 'a', 1)
          if awaited then redis.call('hset', KEYS[1], 'u', now - tonumber(redis.call('hget', KEYS[1], 'p') or 0)) end
        end
        return 0
      end
      if awaited and remaining == -2 and redis.call('hincrby', KEYS[1], 'm', 1) < 3 then
        redis.call('hset', KEYS[1], 'u', now - tonumber(redis.call('hget', KEYS[1], 'p') or 0))
        return 1
      end
      if awaited and remaining < 0 then
        redis.call('set', KEYS[4], '1', 'PX', ARGV[5])
        redis.call('hdel', KEYS[1], 'm')
        return 1
      end
      if remaining < 0 or not awaited and remaining >= tonumber(ARGV[7]) then return 0 end
      local known = redis.call('hmget', KEYS[1], 'a', 't', 'b', 'u')
      local spentAt = (tonumber(known[2]) or 0) + remaining - redis.call('zcard', KEYS[2])
      if not awaited then
        if not known[1] then return 0 end
        local rate = redis.call('get', KEYS[3])
        if spentAt >= tonumber(known[1]) + refilled(rate, now - tonumber(known[3] or known[4])) then return 0 end
        redis.call('hset', KEYS[1], 'a', spentAt, 'b', now)
        return 1
      end
      redis.call('hset', KEYS[1], 'a', spentAt, 'u', now, 'b', now, 'p', ARGV[4], 'm', 0)
      redis.call('pexpire', KEYS[1], ARGV[5])
      return 1
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
  private final byte[] flightKey;
  private final byte[] uncountedKey;
  private final byte[] answeredKey;
  private final RateLimitSettings.Limit configured;
  /**
   * Attempts counted in flight whose end could not be reported (Redis was taken for down): removed
   * from the count by the next take Redis answers, rather than held against the fleet until
   * {@link #IN_FLIGHT_AT_MOST}. Bounded: beyond {@link #UNREPORTED_AT_MOST}, the oldest age out instead.
   */
  private final java.util.Queue<Long> unreported = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final java.util.concurrent.atomic.AtomicInteger unreportedCount = new java.util.concurrent.atomic.AtomicInteger();
  static final int UNREPORTED_AT_MOST = 1024;
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

  RedisBucket(RedisSharedLimits store, String prefix, String key, RateLimitSettings.Limit configured) {
    this.store = store;
    // Braces are Redis Cluster hash tags: the bucket's own key goes between them, its braces replaced.
    String tagged = prefix + ":{" + key.replace('{', '(').replace('}', ')') + "}:";
    this.bucketKey = (tagged + "bucket").getBytes(StandardCharsets.UTF_8);
    this.pauseKey = (tagged + "pause").getBytes(StandardCharsets.UTF_8);
    this.rateKey = (tagged + "rate").getBytes(StandardCharsets.UTF_8);
    this.curveKey = (tagged + "curve").getBytes(StandardCharsets.UTF_8);
    this.sendingKey = (tagged + "sending").getBytes(StandardCharsets.UTF_8);
    this.flightKey = (tagged + "flight").getBytes(StandardCharsets.UTF_8);
    this.uncountedKey = (tagged + "uncounted").getBytes(StandardCharsets.UTF_8);
    this.answeredKey = (tagged + "answered").getBytes(StandardCharsets.UTF_8);
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
    long number = RateLimitStore.Grant.NOT_COUNTED;
    boolean asks = false;
    try {
      // The reads and Bucket4j's read leave at once (one round trip), its compare-and-swap follows (a second).
      // During a pause or a hold the token taken is wasted, which costs nothing: Atlas's bucket is empty
      // anyway, and it keeps the fleet's bucket from filling up meanwhile, to send a burst after it.
      reportUnreported(redis);
      Future<List<Object>> read = redis.commands().eval(READ_SCRIPT, ScriptOutputType.MULTI,
          new byte[][] {pauseKey, rateKey, curveKey, sendingKey, answeredKey, flightKey, uncountedKey},
          millis(store.idleExpiry()), millis(CURVE_SPAN), millis(ANSWER_POLL), millis(FIRST_ANSWER_WAIT));
      Future<ConsumptionProbe> token = tokens(redis, this::startingConfiguration).tryConsumeAndReturnRemaining(1);
      List<Object> state = await(read, deadline);
      number = (Long) state.get(5); // this attempt's number in flight, 0 when not counted
      asks = (Long) state.get(7) == 1;
      RateLimitSettings.Limit learned = decode((byte[]) state.get(1));
      lastLearned = learned;
      if (learned != null && adaptedSinceStated) { // this process's adapt may have landed after the stated rate
        adaptedSinceStated = false;
        lastAdapted = 0;
        replaceConfiguration(redis, configuration(learned));
      }
      RateLimitStore.Adaptation adaptation = learned == null ? adaptation(state) : null;
      ConsumptionProbe probe = await(token, deadline);
      store.health().answered(start);
      long pausedForMillis = (Long) state.get(0); // -2 without a pause
      if (pausedForMillis > 0) {
        Duration paused = Duration.ofMillis(pausedForMillis);
        return RateLimitStore.Grant.waitFor(paused, paused, learned, adaptation);
      }
      long heldForMillis = (Long) state.get(6); // -1 when not held
      if (heldForMillis > 0) {
        return RateLimitStore.Grant.waitFor(Duration.ofMillis(heldForMillis), null, learned, adaptation);
      }
      if (!probe.isConsumed()) {
        return RateLimitStore.Grant.waitFor(Duration.ofNanos(probe.getNanosToWaitForRefill()), null, learned,
            adaptation);
      }
      watch(redis.commands().eval(COUNT_SCRIPT, ScriptOutputType.INTEGER, new byte[][] {sendingKey},
          millis(store.idleExpiry())).toCompletableFuture()); // the fleet's sending rate: nobody waits on it
      RateLimitStore.Grant taken = RateLimitStore.Grant.taken(learned, adaptation, number, asks);
      number = RateLimitStore.Grant.NOT_COUNTED; // handed to the caller, who reports its end
      return taken;
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
    } finally {
      if (number != RateLimitStore.Grant.NOT_COUNTED) { // counted, but not handed out: nothing is sent
        answered(number, RateLimitStore.Bucket.NOT_SENT, asks, Duration.ZERO);
      }
    }
  }

  @Override
  public boolean answered(long inFlight, long remaining, boolean awaited, Duration probeAfter) {
    if (inFlight <= RateLimitStore.Grant.NOT_COUNTED) {
      return false;
    }
    Duration asksAgainAfter = probeAfter.compareTo(PROBE_AFTER_AT_LEAST) < 0 ? PROBE_AFTER_AT_LEAST
        : probeAfter.compareTo(PROBE_AFTER_AT_MOST) > 0 ? PROBE_AFTER_AT_MOST : probeAfter;
    boolean sent = send(redis -> watch(redis.commands().eval(ANSWERED_SCRIPT, ScriptOutputType.INTEGER,
        new byte[][] {answeredKey, flightKey, rateKey, uncountedKey}, number(inFlight),
        number(Math.max(RateLimitStore.Bucket.NOT_SENT, remaining)), number(awaited ? 1 : 0), millis(asksAgainAfter),
        millis(store.idleExpiry()), millis(IN_FLIGHT_AT_MOST), number(2L * configured.permits())).toCompletableFuture()));
    if (!sent && unreportedCount.incrementAndGet() <= UNREPORTED_AT_MOST) {
      unreported.add(inFlight);
    } else if (!sent) {
      unreportedCount.decrementAndGet();
    }
    return sent;
  }

  /** Removes from the count the attempts whose end could not be reported before; best effort. */
  private void reportUnreported(RedisSharedLimits.Connected redis) {
    if (unreportedCount.get() == 0) {
      return;
    }
    List<byte[]> numbers = new java.util.ArrayList<>();
    for (Long number = unreported.poll(); number != null; number = unreported.poll()) {
      unreportedCount.decrementAndGet();
      numbers.add(number(number));
    }
    if (!numbers.isEmpty()) {
      watch(redis.commands().zrem(flightKey, numbers.toArray(new byte[0][])).toCompletableFuture());
    }
  }

  private static byte[] number(long value) {
    return Long.toString(value).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void pauseFor(Duration wait) {
    send(redis -> watch(redis.commands().eval(PAUSE_SCRIPT, ScriptOutputType.INTEGER, new byte[][] {pauseKey},
        millis(wait)).toCompletableFuture()));
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
    long initial = Math.max(1, limit.permits() - (long) Math.ceil(limit.perSecond()));
    return BucketConfiguration.builder().addLimit(refilledAt(limit).initialTokens(initial).build()).build();
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
