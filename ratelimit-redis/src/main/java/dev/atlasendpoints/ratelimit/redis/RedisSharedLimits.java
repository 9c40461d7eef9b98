package dev.atlasendpoints.ratelimit.redis;

import dev.atlasendpoints.resilience.RateLimitSettings;
import dev.atlasendpoints.resilience.RateLimitStore;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rate limits shared through Redis by every process that connects to the same Redis with the same
 * key prefix: plug it into the rate-limit layer with
 * {@code RateLimitSettings.builder().sharedThrough(limits)}, and close it after the clients that use
 * it. Built on Bucket4j's Redis support over Lettuce; what is kept per bucket is described on
 * {@link RateLimitStore}, the keys on the package's README.
 *
 * <p>Redis never makes a call fail nor wait longer than the layer's {@code maxWait}: each command
 * has a short timeout ({@link Builder#commandTimeout}); when Redis fails or does not answer, callers
 * use their own process's limits (logged once per outage; each such attempt is reported to the
 * client's listeners as {@code onSharedLimitsFallback}, which {@code atlas-metrics} counts) and ask
 * Redis again after {@link Builder#retryInterval}. While Redis is unreachable Lettuce reconnects in
 * the background; once it answers, limits are shared again.
 *
 * <p>The URL ({@code redis://[[user]:password@]host[:port][/database]}, or {@code rediss://} for TLS)
 * may hold a password: it never appears in {@link #toString()}, exceptions or logs.
 */
public final class RedisSharedLimits implements RateLimitStore, AutoCloseable {

  /** The connection, and Bucket4j's view of it. */
  record Connected(StatefulRedisConnection<byte[], byte[]> connection, AsyncProxyManager<byte[]> buckets) {
    RedisAsyncCommands<byte[], byte[]> commands() {
      return connection.async();
    }
  }

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final System.Logger LOG = System.getLogger("dev.atlasendpoints.ratelimit.redis");

  /**
   * What sharing needs of the server, tried once per connection: scripts and every command they call
   * ({@code PEXPIRE … GT} needs Redis 7.0; Bucket4j's own script uses {@code GET}, {@code SET} and
   * {@code PSETEX}). KEYS two throwaway keys.
   */
  private static final String PROBE_SCRIPT = """
      redis.call('set', KEYS[1], '1', 'NX', 'PX', 1000)
      redis.call('pexpire', KEYS[1], 2000, 'GT')
      redis.call('get', KEYS[1])
      redis.call('pttl', KEYS[1])
      redis.call('psetex', KEYS[1], 1000, '1')
      redis.call('time')
      redis.call('hset', KEYS[2], 'w', '1')
      redis.call('hmget', KEYS[2], 'w')
      redis.call('hget', KEYS[2], 'w')
      redis.call('pexpire', KEYS[2], 1000)
      redis.call('del', KEYS[2])
      return 1
      """;

  /** The server answered the probe with an error saying it is busy ({@link #PASSING_ERRORS}): tried again later. */
  static final class ServerNotReady extends RedisException {
    private static final long serialVersionUID = 1L;

    ServerNotReady(String firstWord, Throwable cause) {
      super("the server answered " + firstWord, cause); // the reply's first word only: no keys, no credentials
    }
  }

  private static final Pattern SCRIPT_LINE = Pattern.compile("@user_script:(\\d+)");
  private static final Pattern CALLED_COMMAND = Pattern.compile("redis\\.call\\('(\\w+)'");

  /** Errors that say the server is busy, not that it refuses: the probe is tried again later. */
  private static final List<String> PASSING_ERRORS = List.of("LOADING", "BUSY", "READONLY",
      "OOM", "MISCONF", "MASTERDOWN", "TRYAGAIN", "CLUSTERDOWN", "NOREPLICAS");

  private final RedisUrl url;
  private final String keyPrefix;
  private final Duration commandTimeout;
  private final Duration idleExpiry;
  private final Duration retryInterval;
  private final boolean slowStart;
  private final StoreHealth health;
  private final ClientResources resources;
  private final RedisClient client;
  private final AtomicReference<Connected> connected = new AtomicReference<>();
  private final ScheduledExecutorService connector;
  private volatile boolean closed;
  /** Set when the server refused what sharing needs: then limits stay local for good. */
  private volatile boolean unusable;

  private RedisSharedLimits(Builder builder) {
    this.url = builder.url;
    this.keyPrefix = builder.keyPrefix;
    this.commandTimeout = builder.commandTimeout;
    this.idleExpiry = builder.idleExpiry;
    this.retryInterval = builder.retryInterval;
    this.slowStart = builder.slowStart;
    this.health = new StoreHealth(url.toString(), retryInterval.toNanos(), System.nanoTime());
    this.resources = ClientResources.builder()
        .ioThreadPoolSize(2)
        .computationThreadPoolSize(2)
        .reconnectDelay(Delay.exponential(Duration.ofMillis(10), retryInterval, 2, TimeUnit.MILLISECONDS))
        .build();
    RedisURI uri = url.uri();
    // The handshake (HELLO, AUTH) of a cold JVM may take longer than a command: it gets the connect
    // timeout; every command is bounded by commandTimeout (TimeoutOptions, and each caller's own wait).
    uri.setTimeout(CONNECT_TIMEOUT);
    this.client = RedisClient.create(resources, uri);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        // While Redis is away commands fail at once instead of queueing: callers fall back to local limits.
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
        // A peer gone without a FIN or RST (a half-open connection) is noticed within about a minute by
        // TCP keepalive: then Lettuce reconnects instead of waiting on a dead socket forever.
        .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT)
            .keepAlive(SocketOptions.KeepAliveOptions.builder().enable().idle(Duration.ofSeconds(30))
                .interval(Duration.ofSeconds(10)).count(3).build())
            .build())
        .build());
    this.connector = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "atlas-ratelimit-redis-connect");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Connects to Redis at {@code url} with the defaults of {@link Builder}. When Redis cannot be
   * reached now, this still returns: limits stay local until a background attempt connects.
   *
   * @param url {@code redis://[[user]:password@]host[:port][/database]} or {@code rediss://…}
   * @throws IllegalArgumentException when {@code url} is not such a URL (the message never repeats it)
   */
  public static RedisSharedLimits connect(String url) {
    return builder(url).connect();
  }

  /**
   * Settings for a connection to Redis at {@code url}.
   *
   * @throws IllegalArgumentException when {@code url} is not a {@code redis://} or {@code rediss://} URL
   */
  public static Builder builder(String url) {
    return new Builder(RedisUrl.parse(url));
  }

  @Override
  public RateLimitStore.Bucket bucket(String key, RateLimitSettings.Limit configured) {
    return new RedisBucket(this, keyPrefix, key, configured, slowStart);
  }

  /**
   * The connection when Redis may be asked now; {@code null} when it is known not to answer (then
   * callers use local limits without waiting on it).
   */
  Connected connectedIfAnswering(long nowNanos) {
    Connected current = connected.get();
    if (closed || unusable || !health.mayAsk(nowNanos)) {
      return null;
    }
    if (current == null) {
      health.failed(nowNanos, new IllegalStateException("not connected yet"));
    }
    return current;
  }

  /** The connection when Redis is taken to be answering, for best-effort writes; else {@code null}. */
  Connected connectedIfUp() {
    return closed || unusable || !health.up() ? null : connected.get();
  }

  StoreHealth health() {
    return health;
  }

  Duration commandTimeout() {
    return commandTimeout;
  }

  Duration idleExpiry() {
    return idleExpiry;
  }

  /** How many times Redis stopped answering since this was created (each logged once). */
  public long outages() {
    return health.outages();
  }

  /** Closes the connection and Lettuce's threads; clients using this fall back to local limits. */
  @Override
  public void close() {
    closed = true;
    connector.shutdownNow();
    Connected current = connected.getAndSet(null);
    if (current != null) {
      current.connection().close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  /** The URL without credentials, the key prefix, and whether it is closed. */
  @Override
  public String toString() {
    return "RedisSharedLimits[" + url + ", prefix " + keyPrefix + (closed ? ", closed" : "") + "]";
  }

  private RedisSharedLimits start() {
    if (!tryConnect()) {
      connector.scheduleWithFixedDelay(() -> {
        if (tryConnect()) {
          connector.shutdown(); // connected: Lettuce reconnects by itself from now on
        }
      }, retryInterval.toNanos(), retryInterval.toNanos(), TimeUnit.NANOSECONDS);
    }
    return this;
  }

  private boolean tryConnect() {
    if (closed) {
      return true;
    }
    long start = System.nanoTime();
    StatefulRedisConnection<byte[], byte[]> connection = null;
    try {
      connection = client.connect(ByteArrayCodec.INSTANCE);
      if (!serverCanShare(connection)) {
        connection.close();
        return true; // nothing to retry: the server's version or its ACL will not change by retrying
      }
      AsyncProxyManager<byte[]> buckets = Bucket4jLettuce.casBasedBuilder(connection)
          .requestTimeout(commandTimeout)
          .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(idleExpiry))
          .build()
          .asAsync();
      warmUp(buckets);
      connected.set(new Connected(connection, buckets));
      health.answered(start);
      if (closed) {
        connection.close();
      }
      return true;
    } catch (RuntimeException unreachable) {
      if (connection != null) {
        connection.close(); // connected, then failed: not kept, not leaked
      }
      health.failed(System.nanoTime(), unreachable);
      return false;
    }
  }

  /**
   * Whether the server runs what sharing needs ({@link #PROBE_SCRIPT}); when it refuses (older than
   * Redis 7.0, or an ACL or a managed service without scripts or one of the commands), says so once,
   * and limits stay local. A timeout, or an error saying the server is busy (loading its data, a
   * replica, out of memory: {@link #PASSING_ERRORS}), is not a refusal: it is left to the usual retries.
   */
  private boolean serverCanShare(StatefulRedisConnection<byte[], byte[]> connection) {
    byte[][] probe = {(keyPrefix + ":{probe}:a").getBytes(StandardCharsets.UTF_8),
        (keyPrefix + ":{probe}:b").getBytes(StandardCharsets.UTF_8)};
    try {
      connection.async().eval(PROBE_SCRIPT, ScriptOutputType.INTEGER, probe)
          .get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException e) {
      String reason = e.getCause() == null ? "" : String.valueOf(e.getCause().getMessage()).lines().findFirst().orElse("");
      if (!(e.getCause() instanceof RedisCommandExecutionException)) {
        throw new RedisException("probe failed", e.getCause());
      }
      String busy = PASSING_ERRORS.stream().filter(word -> reason.startsWith(word) || reason.contains(" " + word + " "))
          .findFirst().orElse(null);
      if (busy != null) {
        throw new ServerNotReady(busy, e.getCause());
      }
      unusable = true;
      String refused = refusedCommand(reason);
      LOG.log(System.Logger.Level.ERROR, "shared rate limits at " + url + " cannot be used: the server refused "
          + (refused == null ? "what they need" : refused) + " (they need Redis 7.0 or later, allowed to run scripts "
          + "and the commands they call): " + reason + "; each process keeps its own limits");
      return false;
    } catch (TimeoutException e) {
      throw new RedisCommandTimeoutException("probe timed out");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedisException("interrupted while probing");
    }
  }

  /**
   * The command the server refused, from the probe's line its error names ({@code @user_script:N}:
   * Redis names the script's line, not the command), or {@code null} when it names none.
   */
  static String refusedCommand(String reason) {
    Matcher line = SCRIPT_LINE.matcher(reason);
    if (!line.find()) {
      return null;
    }
    List<String> lines = PROBE_SCRIPT.lines().toList();
    int number = Integer.parseInt(line.group(1));
    if (number < 1 || number > lines.size()) {
      return null;
    }
    Matcher call = CALLED_COMMAND.matcher(lines.get(number - 1));
    return call.find() ? call.group(1).toUpperCase(Locale.ROOT) : null;
  }

  /**
   * One token taken from a throwaway bucket, within the connect timeout: a cold JVM loads Bucket4j's
   * classes here rather than in a caller's first take, which would exceed the command timeout and
   * fall back to local limits just when a fleet starts together.
   */
  private void warmUp(AsyncProxyManager<byte[]> buckets) {
    byte[] key = (keyPrefix + ":warm-up").getBytes(StandardCharsets.UTF_8);
    try {
      buckets.builder().build(key, RedisBucket.configuration(new RateLimitSettings.Limit(1, Duration.ofSeconds(1))))
          .tryConsumeAndReturnRemaining(1).get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // only a warm-up: the first takes will tell whether Redis answers
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Settings for {@link RedisSharedLimits}; every one has a default. */
  public static final class Builder {
    private final RedisUrl url;
    private String keyPrefix = "atlas-ratelimit";
    private Duration commandTimeout = Duration.ofMillis(250);
    private Duration idleExpiry = Duration.ofMinutes(10);
    private Duration retryInterval = Duration.ofSeconds(1);
    private boolean slowStart = true;

    private Builder(RedisUrl url) {
      this.url = url;
    }

    /**
     * The prefix of every key (default {@code atlas-ratelimit}): processes share limits when they
     * use the same Redis and the same prefix; give another API key's fleet another prefix.
     */
    public Builder keyPrefix(String prefix) {
      if (prefix == null || prefix.isBlank() || prefix.chars().anyMatch(c -> c == '{' || c == '}'
          || Character.isWhitespace(c))) {
        throw new IllegalArgumentException("a key prefix is not blank and has no braces or spaces");
      }
      this.keyPrefix = prefix;
      return this;
    }

    /** The longest one Redis command may take before callers use local limits (default 250 ms). */
    public Builder commandTimeout(Duration timeout) {
      this.commandTimeout = positive(timeout, "commandTimeout");
      return this;
    }

    /** How long an unused bucket's keys outlive its last use (default 10 minutes). */
    public Builder idleExpiry(Duration idle) {
      this.idleExpiry = positive(idle, "idleExpiry");
      return this;
    }

    /** How long after a failure Redis is left alone before it is asked again (default 1 s). */
    public Builder retryInterval(Duration interval) {
      this.retryInterval = positive(interval, "retryInterval");
      return this;
    }

    /**
     * Whether a bucket new to Redis starts slowly (default true): the fleet is paced evenly at one
     * request per second, doubled every second by Redis's clock (pauses do not count), until the
     * configured limit, or until Atlas states its rate or the fleet's curve starts (the first 429
     * without a stated rate). Kept in Redis alone, so every process follows the same pace. A bucket
     * the fleet already uses, or one a process already took from recreates (Redis lost its keys), is
     * not slowed, nor is a limit of one per second or less; at the limit the bucket goes on from a
     * cold start's tokens. Why: a fleet that starts together, on cold
     * JVMs whose first calls take up to seconds, otherwise has most of its callers' first attempts in
     * flight before Atlas's first answer can pause it or state its rate; slowly, the fleet passes
     * Atlas's rate a few seconds in, when answers come back in milliseconds. The price: a new fleet
     * sends about 2<sup>n</sup> requests in its first n seconds.
     */
    public Builder slowStart(boolean slowly) {
      this.slowStart = slowly;
      return this;
    }

    /** Connects (see {@link RedisSharedLimits#connect}). */
    public RedisSharedLimits connect() {
      return new RedisSharedLimits(this).start();
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return value;
    }
  }
}
