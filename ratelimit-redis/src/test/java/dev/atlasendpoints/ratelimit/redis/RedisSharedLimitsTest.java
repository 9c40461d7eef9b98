package dev.atlasendpoints.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlasendpoints.resilience.RateLimitSettings.Limit;
import dev.atlasendpoints.resilience.RateLimitStore;
import dev.atlasendpoints.resilience.RateLimitStore.Grant.Outcome;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store against a real Redis, through separate connections as separate processes would use it. */
class RedisSharedLimitsTest {

  @RegisterExtension
  static final RedisServer REDIS = new RedisServer();

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private static String key(String name) {
    return "/api/atlas/v2/groups/{groupId}/privateEndpoint@" + name + "-" + System.nanoTime();
  }

  /** A log handler that keeps what it is given. */
  private static Handler capturingInto(List<LogRecord> logged) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }

  @Test
  void tokensAreOneBucketAcrossConnections() {
    String key = key("tokens");
    Limit threePer20s = new Limit(3, Duration.ofSeconds(20)); // new: its burst less one second's refill, 2 tokens
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url());
        RedisSharedLimits b = RedisSharedLimits.connect(REDIS.url())) {
      assertThat(a.bucket(key, threePer20s).take(TIMEOUT).outcome()).isEqualTo(Outcome.TAKEN);
      assertThat(a.bucket(key, threePer20s).take(TIMEOUT).outcome()).isEqualTo(Outcome.TAKEN);

      RateLimitStore.Grant third = b.bucket(key, threePer20s).take(TIMEOUT);
      assertThat(third.outcome()).as("b takes from the bucket a emptied").isEqualTo(Outcome.WAIT);
      assertThat(third.retryIn()).isGreaterThan(Duration.ofSeconds(4)).isLessThanOrEqualTo(Duration.ofMillis(6700));
    }
  }

  /** Without the slow start (next test), a new bucket runs at the configured limit at once. */
  @Test
  void aBucketNewToRedis_startsShortOfItsBurstByOneSecondsRefill() {
    String key = key("cold");
    Limit twoPerSecond = new Limit(2, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.builder(REDIS.url()).slowStart(false).connect();
        RedisSharedLimits b = RedisSharedLimits.builder(REDIS.url()).slowStart(false).connect()) {
      assertThat(a.bucket(key, twoPerSecond).take(TIMEOUT).outcome()).isEqualTo(Outcome.TAKEN);

      RateLimitStore.Grant second = b.bucket(key, twoPerSecond).take(TIMEOUT);
      assertThat(second.outcome()).as("one token, not the burst of 2: the fleet has heard nothing from Atlas yet")
          .isEqualTo(Outcome.WAIT);
      assertThat(second.retryIn()).isLessThanOrEqualTo(Duration.ofMillis(500));
    }
  }

  /**
   * A fleet new to a bucket is paced at one request per second, doubled every second, by Redis's
   * clock, whichever process takes: after three doublings it is paced at 8 per second.
   */
  @Test
  void aBucketNewToTheFleet_startsSlowly_doublingItsRateEverySecond() throws Exception {
    String key = key("slow");
    Limit plenty = new Limit(100, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url());
        RedisSharedLimits b = RedisSharedLimits.connect(REDIS.url())) {
      assertThat(a.bucket(key, plenty).take(TIMEOUT).outcome()).isEqualTo(Outcome.TAKEN);
      RateLimitStore.Grant atFirst = b.bucket(key, plenty).take(TIMEOUT);
      assertThat(atFirst.outcome()).isEqualTo(Outcome.WAIT);
      assertThat(atFirst.retryIn()).as("one per second, not the configured 100").isGreaterThan(Duration.ofMillis(500));

      Thread.sleep(3_100);
      assertThat(b.bucket(key, plenty).take(TIMEOUT).outcome()).isEqualTo(Outcome.TAKEN);
      RateLimitStore.Grant later = a.bucket(key, plenty).take(TIMEOUT);
      assertThat(later.outcome()).as("paced evenly: no burst of what a slower second left").isEqualTo(Outcome.WAIT);
      assertThat(later.retryIn()).as("8 (or 16) per second now").isLessThanOrEqualTo(Duration.ofMillis(125));
    }
  }

  /**
   * A pause does not count towards the slow start's doublings: the fleet found Atlas's limit, and
   * leaves the pause at the pace it had before it, not at the one the clock alone would give.
   */
  @Test
  void aPause_doesNotCountTowardsTheSlowStart() throws Exception {
    String key = key("slow-pause");
    Limit plenty = new Limit(100, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url())) {
      RateLimitStore.Bucket bucket = a.bucket(key, plenty);
      assertThat(bucket.take(TIMEOUT).outcome()).isEqualTo(Outcome.TAKEN);
      Thread.sleep(1_100); // 2 per second now
      bucket.pauseFor(Duration.ofSeconds(2));
      Thread.sleep(2_100); // by the clock alone: 8 per second now

      assertThat(bucket.take(TIMEOUT).outcome()).isEqualTo(Outcome.TAKEN);
      RateLimitStore.Grant next = bucket.take(TIMEOUT);
      assertThat(next.outcome()).isEqualTo(Outcome.WAIT);
      assertThat(next.retryIn()).as("2 per second, as before the pause").isGreaterThan(Duration.ofMillis(250));
    }
  }

  /** How many of the takes asked every 50 ms during {@code span} were granted. */
  private static int takenWithin(RateLimitStore.Bucket bucket, Duration span) throws InterruptedException {
    int taken = 0;
    long until = System.nanoTime() + span.toNanos();
    while (System.nanoTime() - until < 0) {
      if (bucket.take(TIMEOUT).outcome() == Outcome.TAKEN) {
        taken++;
      }
      Thread.sleep(50);
    }
    return taken;
  }

  /**
   * The slow start ends at the configured limit without the burst the token bucket refilled at that
   * limit meanwhile: it goes on from a cold start's tokens.
   */
  @Test
  void theSlowStart_endsAtTheConfiguredLimit_withoutABurst() throws Exception {
    String key = key("slow-end");
    Limit fourPerSecond = new Limit(4, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url())) {
      RateLimitStore.Bucket bucket = a.bucket(key, fourPerSecond);
      assertThat(bucket.take(TIMEOUT).outcome()).isEqualTo(Outcome.TAKEN);
      Thread.sleep(2_100); // 1, 2, then 4 per second: the limit; the token bucket is full (4) meanwhile

      bucket.take(TIMEOUT); // ends the slow start
      Thread.sleep(50); // the trim lands (it is not waited for)
      int taken = 0;
      for (int i = 0; i < 6; i++) {
        taken += bucket.take(TIMEOUT).outcome() == Outcome.TAKEN ? 1 : 0;
      }
      assertThat(taken).as("one token and what refills since, not the 4 that piled up").isLessThanOrEqualTo(2);
    }
  }

  /**
   * A process that already took from the bucket does not start slowly again when Redis lost the
   * fleet's keys (a restart without persistence): the fleet is not new.
   */
  @Test
  void keysLostUnderARunningFleet_doNotStartItSlowlyAgain() throws Exception {
    String key = key("slow-lost");
    Limit plenty = new Limit(100, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url());
        RedisClient raw = RedisClient.create(REDIS.url());
        StatefulRedisConnection<String, String> redis = raw.connect()) {
      RateLimitStore.Bucket bucket = a.bucket(key, plenty);
      assertThat(bucket.take(TIMEOUT).outcome()).isEqualTo(Outcome.TAKEN);
      redis.sync().keys("*" + key.substring(key.indexOf('@')) + "*").forEach(k -> redis.sync().del(k));

      assertThat(takenWithin(bucket, Duration.ofSeconds(1))).as("the configured 100 per second, not one")
          .isGreaterThanOrEqualTo(5);
    }
  }

  /**
   * The slow start's next slot is an instant of Redis's clock; one that a clock stepped back (an NTP
   * step, a failover to a host behind) leaves far in the future holds the fleet one interval at most.
   */
  @Test
  void aSlotFarInTheFuture_holdsTheFleetOneIntervalAtMost() {
    String key = key("slow-clock");
    Limit plenty = new Limit(100, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url());
        RedisClient raw = RedisClient.create(REDIS.url());
        StatefulRedisConnection<String, String> redis = raw.connect()) {
      assertThat(a.bucket(key, plenty).take(TIMEOUT).outcome()).isEqualTo(Outcome.TAKEN);
      String startKey = redis.sync().keys("*" + key.substring(key.indexOf('@')) + "*:start").get(0);
      long anHourAhead = millis(redis.sync().time()) * 1000 + 3_600_000_000L;
      redis.sync().hset(startKey, "n", Long.toString(anHourAhead));

      RateLimitStore.Grant grant = a.bucket(key, plenty).take(TIMEOUT);
      assertThat(grant.retryIn()).as("not an hour").isLessThanOrEqualTo(Duration.ofSeconds(1));
    }
  }

  /** The first 429 without a stated rate ends the slow start: the fleet's curve runs the bucket from then on. */
  @Test
  void theFleetsCurve_endsTheSlowStart() throws Exception {
    String key = key("slow-curve");
    Limit plenty = new Limit(100, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url());
        RedisSharedLimits b = RedisSharedLimits.connect(REDIS.url())) {
      a.bucket(key, plenty).take(TIMEOUT);
      a.bucket(key, plenty).throttled(Duration.ofMillis(1), 100, Duration.ZERO);
      a.bucket(key, plenty).take(TIMEOUT); // in order after the throttle

      assertThat(takenWithin(b.bucket(key, plenty), Duration.ofSeconds(1)))
          .as("the configured 100 per second (the curve is followed by each process), not one per second")
          .isGreaterThanOrEqualTo(5);
    }
  }

  /** A stated rate ends the slow start too. */
  @Test
  void aStatedRate_endsTheSlowStart() throws Exception {
    String key = key("slow-stated");
    Limit plenty = new Limit(100, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url());
        RedisSharedLimits b = RedisSharedLimits.connect(REDIS.url())) {
      a.bucket(key, plenty).take(TIMEOUT);
      a.bucket(key, plenty).adopt(new Limit(20, Duration.ofSeconds(1)));
      a.bucket(key, plenty).take(TIMEOUT); // in order after the adoption

      assertThat(takenWithin(b.bucket(key, plenty), Duration.ofSeconds(1)))
          .as("the stated 20 per second, not the slow start's one").isGreaterThanOrEqualTo(5);
    }
  }

  /**
   * A bucket a fleet is already using (here: created by a process without the slow start, as one of
   * an earlier release would) is not slowed down by a process that joins with it.
   */
  @Test
  void aBucketAlreadyInUse_isNotSlowedDown() throws Exception {
    String key = key("slow-live");
    Limit plenty = new Limit(100, Duration.ofSeconds(1));
    try (RedisSharedLimits older = RedisSharedLimits.builder(REDIS.url()).slowStart(false).connect();
        RedisSharedLimits joining = RedisSharedLimits.connect(REDIS.url())) {
      older.bucket(key, plenty).take(TIMEOUT);

      assertThat(takenWithin(joining.bucket(key, plenty), Duration.ofSeconds(1))).isGreaterThanOrEqualTo(5);
    }
  }

  /**
   * The fleet leaves a pause without what its bucket refilled while Atlas's was empty: the first take
   * after the pause empties it.
   */
  @Test
  void aPausedBucket_resumesWithoutWhatItRefilledDuringThePause() throws Exception {
    String key = key("resume");
    Limit fivePerSecond = new Limit(5, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.builder(REDIS.url()).slowStart(false).connect();
        RedisSharedLimits b = RedisSharedLimits.builder(REDIS.url()).slowStart(false).connect()) {
      assertThat(a.bucket(key, fivePerSecond).take(TIMEOUT).outcome()).isEqualTo(Outcome.TAKEN);
      a.bucket(key, fivePerSecond).pauseFor(Duration.ofMillis(1200));
      assertThat(a.bucket(key, fivePerSecond).take(TIMEOUT).outcome()).isEqualTo(Outcome.WAIT);
      Thread.sleep(1400); // the pause is over; Bucket4j refilled its 5 tokens meanwhile

      assertThat(b.bucket(key, fivePerSecond).take(TIMEOUT).outcome()).as("the first after the pause")
          .isEqualTo(Outcome.TAKEN);
      Thread.sleep(50); // the emptying lands (it is not waited for)
      int taken = 0;
      for (int i = 0; i < 5; i++) {
        taken += b.bucket(key, fivePerSecond).take(TIMEOUT).outcome() == Outcome.TAKEN ? 1 : 0;
      }
      assertThat(taken).as("what accrued during the pause is gone: only what accrues since").isLessThanOrEqualTo(2);
    }
  }

  @Test
  void aPauseReachesEveryConnection_andOnlyEverMovesLater() {
    String key = key("pause");
    Limit plenty = new Limit(100, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url());
        RedisSharedLimits b = RedisSharedLimits.connect(REDIS.url())) {
      a.bucket(key, plenty).pauseFor(Duration.ofSeconds(30));
      a.bucket(key, plenty).pauseFor(Duration.ofSeconds(10)); // a shorter Retry-After does not shorten it
      a.bucket(key, plenty).take(TIMEOUT); // same connection, in order: both writes are done

      RateLimitStore.Grant paused = b.bucket(key, plenty).take(TIMEOUT);
      assertThat(paused.outcome()).isEqualTo(Outcome.WAIT);
      assertThat(paused.pausedFor()).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
      assertThat(paused.retryIn()).isEqualTo(paused.pausedFor());

      b.bucket(key, plenty).pauseFor(Duration.ofSeconds(50));
      b.bucket(key, plenty).take(TIMEOUT); // in order after b's write
      assertThat(a.bucket(key, plenty).take(TIMEOUT).pausedFor()).isBetween(Duration.ofSeconds(45),
          Duration.ofSeconds(50));
    }
  }

  /**
   * Only durations cross the wire, so the pause is measured by Redis's clock alone: its expiry is the
   * time Redis received it plus the wait (a deadline computed on a host whose clock is ahead would
   * land later than that).
   */
  @Test
  void aPauseIsMeasuredByRedisClock() {
    String key = key("clock");
    Limit plenty = new Limit(100, Duration.ofSeconds(1));
    try (RedisSharedLimits store = RedisSharedLimits.connect(REDIS.url());
        RedisClient raw = RedisClient.create(REDIS.url());
        StatefulRedisConnection<String, String> redis = raw.connect()) {
      List<String> before = redis.sync().time();
      store.bucket(key, plenty).pauseFor(Duration.ofSeconds(20));
      store.bucket(key, plenty).take(TIMEOUT); // in order after the pause
      List<String> after = redis.sync().time();
      String pauseKey = redis.sync().keys("*" + key.substring(key.indexOf('@')) + "*:pause").get(0);

      long expiresAt = redis.sync().pexpiretime(pauseKey);
      assertThat(expiresAt).isBetween(millis(before) + 20_000, millis(after) + 20_000);
    }
  }

  private static long millis(List<String> redisTime) {
    return Long.parseLong(redisTime.get(0)) * 1000 + Long.parseLong(redisTime.get(1)) / 1000;
  }

  /** A caller whose own time is too short for a round trip is out of time: Redis is not down. */
  @Test
  void aCallerShortOfTime_isOutOfTime_notAnOutage() throws Exception {
    try (RedisSharedLimits store = RedisSharedLimits.builder(REDIS.url()).slowStart(false).connect()) {
      RateLimitStore.Bucket bucket = store.bucket(key("short"), new Limit(100, Duration.ofSeconds(1)));

      assertThat(bucket.take(Duration.ofNanos(1)).outcome()).isEqualTo(Outcome.OUT_OF_TIME);
      assertThat(bucket.take(Duration.ZERO).outcome()).isEqualTo(Outcome.OUT_OF_TIME);
      assertThat(store.outages()).isZero();
      Thread.sleep(50); // the 1 ns take may have spent the new bucket's one token: 100 per second refill it
      assertThat(bucket.take(TIMEOUT).outcome()).isEqualTo(Outcome.TAKEN);
    }
  }

  @Test
  void aStatedRateIsAdoptedByEveryConnection() {
    String key = key("rate");
    Limit configured = new Limit(100, Duration.ofSeconds(1));
    Limit stated = new Limit(1, Duration.ofSeconds(30));
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url());
        RedisSharedLimits b = RedisSharedLimits.connect(REDIS.url())) {
      assertThat(b.bucket(key, configured).take(TIMEOUT).learned()).isNull();
      a.bucket(key, configured).adopt(stated);
      a.bucket(key, configured).take(TIMEOUT); // in order after the adoption

      RateLimitStore.Grant grant = b.bucket(key, configured).take(TIMEOUT);
      assertThat(grant.learned()).isEqualTo(stated);
      assertThat(grant.outcome()).as("the fleet's bucket holds one token at the stated rate, just taken by a")
          .isEqualTo(Outcome.WAIT);
    }
  }

  @Test
  void aBareThrottleSeenByOneProcess_startsOneCurveForTheWholeFleet_fromTheFleetsSendingRate() throws Exception {
    String key = key("curve");
    Limit plenty = new Limit(1000, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.builder(REDIS.url()).slowStart(false).connect();
        RedisSharedLimits b = RedisSharedLimits.builder(REDIS.url()).slowStart(false).connect()) {
      assertThat(b.bucket(key, plenty).take(TIMEOUT).adaptation()).as("no 429 yet: no curve").isNull();
      long until = System.nanoTime() + Duration.ofMillis(3200).toNanos();
      int taken = 0;
      while (System.nanoTime() - until < 0) { // the fleet sends at about 40 per second, from both connections
        (taken++ % 2 == 0 ? a : b).bucket(key, plenty).take(TIMEOUT);
        Thread.sleep(25);
      }

      a.bucket(key, plenty).throttled(Duration.ofMillis(5), 1000, Duration.ZERO);
      a.bucket(key, plenty).take(TIMEOUT); // in order after the throttle
      RateLimitStore.Adaptation seenByB = b.bucket(key, plenty).take(TIMEOUT).adaptation();

      assertThat(seenByB).isNotNull();
      assertThat(seenByB.maxRateAtThrottle()).as("the fleet's sending rate, not the allowed 1000/s")
          .isBetween(15.0, 45.0);
      assertThat(seenByB.sendingRate()).isBetween(15.0, 45.0);
      assertThat(seenByB.sinceThrottle()).isLessThan(Duration.ofSeconds(1));
    }
  }

  @Test
  void aThrottleOfAnAttemptSentBeforeTheCurveStarted_isTheSameOvershoot_andLeavesTheCurve() throws Exception {
    String key = key("overshoot");
    Limit plenty = new Limit(1000, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url());
        RedisSharedLimits b = RedisSharedLimits.connect(REDIS.url())) {
      a.bucket(key, plenty).throttled(Duration.ofMillis(1), 8, Duration.ZERO); // nothing measured yet: from the floor
      a.bucket(key, plenty).take(TIMEOUT);
      Thread.sleep(300);
      RateLimitStore.Adaptation first = a.bucket(key, plenty).take(TIMEOUT).adaptation();

      b.bucket(key, plenty).throttled(Duration.ofSeconds(2), 8, Duration.ZERO); // sent before the curve started
      b.bucket(key, plenty).take(TIMEOUT);
      RateLimitStore.Adaptation after = b.bucket(key, plenty).take(TIMEOUT).adaptation();
      assertThat(after.sinceThrottle()).as("the same curve, still running").isGreaterThanOrEqualTo(first.sinceThrottle());

      b.bucket(key, plenty).throttled(Duration.ofMillis(1), 8, Duration.ZERO); // sent after it started: a new overshoot
      b.bucket(key, plenty).take(TIMEOUT);
      assertThat(a.bucket(key, plenty).take(TIMEOUT).adaptation().sinceThrottle())
          .isLessThan(first.sinceThrottle());
    }
  }

  @Test
  void aCurveStartsClimbing_whenThePauseAfterIts429Ends() {
    String key = key("climb");
    Limit plenty = new Limit(1000, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url())) {
      a.bucket(key, plenty).throttled(Duration.ofMillis(1), 8, Duration.ofSeconds(30));
      a.bucket(key, plenty).take(TIMEOUT);

      assertThat(a.bucket(key, plenty).take(TIMEOUT).adaptation().sinceThrottle()).as("still paused").isZero();
    }
  }

  @Test
  void anAdaptedRate_runsTheFleetsBucket() {
    String key = key("adapt");
    Limit plenty = new Limit(1000, Duration.ofSeconds(1));
    // Without the slow start: a rate is adapted only after a curve started, which ends the slow start.
    try (RedisSharedLimits a = RedisSharedLimits.builder(REDIS.url()).slowStart(false).connect();
        RedisSharedLimits b = RedisSharedLimits.builder(REDIS.url()).slowStart(false).connect()) {
      a.bucket(key, plenty).take(TIMEOUT);
      a.bucket(key, plenty).adapt(2.0); // two per second, holding two
      a.bucket(key, plenty).take(TIMEOUT); // in order after the replacement

      b.bucket(key, plenty).take(TIMEOUT);
      RateLimitStore.Grant third = b.bucket(key, plenty).take(TIMEOUT);
      assertThat(third.outcome()).isEqualTo(Outcome.WAIT);
      assertThat(third.retryIn()).isBetween(Duration.ofMillis(100), Duration.ofMillis(500));
    }
  }

  @Test
  void keysAreNamespaced_andExpireWhenIdle() {
    String key = key("keys");
    Limit limit = new Limit(5, Duration.ofSeconds(1));
    try (RedisSharedLimits store = RedisSharedLimits.builder(REDIS.url()).keyPrefix("fleet-a")
        .idleExpiry(Duration.ofSeconds(30)).connect();
        RedisClient raw = RedisClient.create(REDIS.url());
        StatefulRedisConnection<String, String> redis = raw.connect()) {
      store.bucket(key, limit).adopt(new Limit(1, Duration.ofSeconds(1)));
      store.bucket(key, limit).take(TIMEOUT); // a token taken is counted
      store.bucket(key, limit).pauseFor(Duration.ofSeconds(20));
      store.bucket(key, limit).throttled(Duration.ofMillis(1), 5, Duration.ZERO);
      store.bucket(key, limit).take(TIMEOUT);
      store.bucket(key, limit).take(Duration.ofSeconds(1));

      List<String> keys = redis.sync().keys("*" + key.substring(key.indexOf('@')) + "*");
      assertThat(keys).hasSize(7).allMatch(k -> k.startsWith("fleet-a:{"));
      for (String k : keys) {
        assertThat(redis.sync().pttl(k)).as(k).isBetween(1L, k.endsWith(":curve") ? RedisBucket.CURVE_SPAN.toMillis() + 1000
            : 60_000L);
      }
    }
  }

  @Test
  void aServerThatIsOnlyBusy_isAskedAgain_andLimitsAreSharedOnceItIsReady() throws Exception {
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Logger logger = Logger.getLogger("dev.atlasendpoints.ratelimit.redis");
    Handler capture = capturingInto(logged);
    logger.addHandler(capture);
    try (RedisClient raw = RedisClient.create(REDIS.url());
        StatefulRedisConnection<String, String> admin = raw.connect()) {
      admin.sync().configSet("maxmemory", "1"); // every write refused with OOM, as a full server refuses them
      try (RedisSharedLimits store = RedisSharedLimits.builder(REDIS.url()).retryInterval(Duration.ofMillis(100))
          .connect()) {
        RateLimitStore.Bucket bucket = store.bucket(key("busy"), new Limit(100, Duration.ofSeconds(1)));
        assertThat(bucket.take(TIMEOUT).outcome()).isEqualTo(Outcome.UNAVAILABLE);

        admin.sync().configSet("maxmemory", "0");
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Outcome outcome = Outcome.UNAVAILABLE;
        while (outcome != Outcome.TAKEN && System.nanoTime() - until < 0) {
          Thread.sleep(50);
          outcome = bucket.take(TIMEOUT).outcome();
        }
        assertThat(outcome).as("connected once the server was ready: not given up for good").isEqualTo(Outcome.TAKEN);
      } finally {
        admin.sync().configSet("maxmemory", "0");
      }
    } finally {
      logger.removeHandler(capture);
    }
    assertThat(logged).noneMatch(record -> record.getMessage().contains("cannot be used"));
    assertThat(logged).anySatisfy(record -> assertThat(record.getMessage()).contains("the server answered OOM"));
  }

  @Test
  void aServerThatRefusesWhatSharingNeeds_isReportedOnce_andLimitsStayLocal() {
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Logger logger = Logger.getLogger("dev.atlasendpoints.ratelimit.redis");
    Handler capture = capturingInto(logged);
    String user = "no-pexpire-" + System.nanoTime();
    String password = "limited-Pa55-" + System.nanoTime();
    logger.addHandler(capture);
    try (RedisClient raw = RedisClient.create(REDIS.url());
        StatefulRedisConnection<String, String> admin = raw.connect()) {
      // As a server older than 7.0 refuses PEXPIRE … GT, or a managed one its scripts: here an ACL refuses PEXPIRE.
      admin.sync().aclSetuser(user, io.lettuce.core.AclSetuserArgs.Builder.on().addPassword(password)
          .allKeys().allChannels().allCommands().removeCommand(io.lettuce.core.protocol.CommandType.PEXPIRE));
      try (RedisSharedLimits store = RedisSharedLimits.connect(REDIS.url()
          .replace(":" + RedisServer.PASSWORD + "@", user + ":" + password + "@"))) {
        RateLimitStore.Bucket bucket = store.bucket(key("refused"), new Limit(100, Duration.ofSeconds(1)));

        assertThat(bucket.take(TIMEOUT).outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(bucket.take(TIMEOUT).outcome()).isEqualTo(Outcome.UNAVAILABLE);
      }
    } finally {
      logger.removeHandler(capture);
    }
    assertThat(logged).filteredOn(record -> record.getMessage().contains("cannot be used")).singleElement()
        .satisfies(record -> assertThat(record.getMessage()).contains("Redis 7.0 or later").containsIgnoringCase("pexpire")
            .doesNotContain(password));
  }

  @Test
  void credentialsAreNeverPrinted() {
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Logger logger = Logger.getLogger("dev.atlasendpoints.ratelimit.redis");
    Handler capture = capturingInto(logged);
    logger.addHandler(capture);
    String wrongPassword = REDIS.url().replace(RedisServer.PASSWORD, "wrong-Pa55word");
    try (RedisSharedLimits store = RedisSharedLimits.connect(wrongPassword)) {
      assertThat(store.toString()).contains("127.0.0.1:" + REDIS.port()).doesNotContain("wrong-Pa55word");
      assertThat(store.bucket(key("auth"), new Limit(1, Duration.ofSeconds(1))).take(TIMEOUT).outcome())
          .isEqualTo(Outcome.UNAVAILABLE);
      assertThat(store.outages()).isEqualTo(1);
    } finally {
      logger.removeHandler(capture);
    }
    assertThat(logged).isNotEmpty().allSatisfy(record -> assertThat(record.getMessage())
        .doesNotContain("wrong-Pa55word").doesNotContain(RedisServer.PASSWORD));

    assertThatThrownBy(() -> RedisSharedLimits.connect("http://:hunter22@localhost:6379"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter22");
    assertThatThrownBy(() -> RedisSharedLimits.connect("redis://:hunter22@local host:6379"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter22").hasNoCause();
    assertThat(RedisUrl.parse("rediss://user:hunter22@example.com:6380/2")).hasToString("rediss://***@example.com:6380/2");
    assertThat(RedisUrl.parse("redis://:hunter22@example.com")).hasToString("redis://***@example.com:6379");
  }
}
