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
      firstAnswerStatesNoCount(a, key, threePer20s);
      assertThat(a.bucket(key, threePer20s).take(TIMEOUT).outcome()).isEqualTo(Outcome.TAKEN);

      RateLimitStore.Grant third = b.bucket(key, threePer20s).take(TIMEOUT);
      assertThat(third.outcome()).as("b takes from the bucket a emptied").isEqualTo(Outcome.WAIT);
      assertThat(third.retryIn()).isGreaterThan(Duration.ofSeconds(4)).isLessThanOrEqualTo(Duration.ofMillis(6700));
    }
  }

  @Test
  void aBucketNewToRedis_startsShortOfItsBurstByOneSecondsRefill() throws Exception {
    String key = key("cold");
    Limit twoPerSecond = new Limit(2, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url());
        RedisSharedLimits b = RedisSharedLimits.connect(REDIS.url())) {
      firstAnswerStatesNoCount(a, key, twoPerSecond);
      a.bucket(key, twoPerSecond).pauseFor(Duration.ofMillis(1)); // in order after the answer, taking nothing
      Thread.sleep(5);

      RateLimitStore.Grant second = b.bucket(key, twoPerSecond).take(TIMEOUT);
      assertThat(second.outcome()).as("one token, not the burst of 2: the fleet has heard nothing from Atlas yet")
          .isEqualTo(Outcome.WAIT);
      assertThat(second.retryIn()).isLessThanOrEqualTo(Duration.ofMillis(500));
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
    try (RedisSharedLimits store = RedisSharedLimits.connect(REDIS.url())) {
      RateLimitStore.Bucket bucket = store.bucket(key("short"), new Limit(100, Duration.ofSeconds(1)));

      assertThat(bucket.take(Duration.ofNanos(1)).outcome()).isEqualTo(Outcome.OUT_OF_TIME);
      assertThat(bucket.take(Duration.ZERO).outcome()).isEqualTo(Outcome.OUT_OF_TIME);
      assertThat(store.outages()).isZero();
      // The 1 ns take may have reached Redis, spending the new bucket's one token and going as its first
      // attempt, whose answer nobody will report: the next attempt goes after FIRST_ANSWER_WAIT.
      takeOnceLet(bucket);
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
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url());
        RedisSharedLimits b = RedisSharedLimits.connect(REDIS.url())) {
      firstAnswerStatesNoCount(a, key, plenty);
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
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url());
        RedisSharedLimits b = RedisSharedLimits.connect(REDIS.url())) {
      firstAnswerStatesNoCount(a, key, plenty);
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
      assertThat(keys).as("bucket, pause, rate, curve, sending, answered, flight").hasSize(7)
          .allMatch(k -> k.startsWith("fleet-a:{"));
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

  /** Takes until a token is taken (the count's writes are not awaited), at most for two seconds. */
  private static RateLimitStore.Grant takeOnceLet(RateLimitStore.Bucket bucket) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    RateLimitStore.Grant grant = bucket.take(TIMEOUT);
    while (grant.outcome() != Outcome.TAKEN && System.nanoTime() - until < 0) {
      Thread.sleep(5);
      grant = bucket.take(TIMEOUT);
    }
    assertThat(grant.outcome()).as("let through within 2 s").isEqualTo(Outcome.TAKEN);
    return grant;
  }

  private static void assertHeld(RateLimitStore.Bucket bucket) {
    RateLimitStore.Grant held = bucket.take(TIMEOUT);
    assertThat(held.outcome()).as("held by what Atlas's answers allow").isEqualTo(Outcome.WAIT);
    assertThat(held.pausedFor()).as("not a pause").isNull();
    assertThat(held.retryIn()).isPositive().isLessThanOrEqualTo(RedisBucket.ANSWER_POLL);
  }

  private static final Duration LONG = Duration.ofSeconds(30);

  @Test
  void theFirstAttemptOfABucketGoesAlone_andItsAnswerSaysHowManyMayFollow() throws Exception {
    String key = key("first");
    Limit plenty = new Limit(1000, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url());
        RedisSharedLimits b = RedisSharedLimits.connect(REDIS.url())) {
      RateLimitStore.Grant first = a.bucket(key, plenty).take(TIMEOUT);
      assertThat(first.outcome()).isEqualTo(Outcome.TAKEN);
      assertThat(first.inFlight()).isPositive();
      assertThat(first.awaited()).as("nothing is known of Atlas's bucket yet").isTrue();
      assertHeld(b.bucket(key, plenty)); // though the token bucket holds plenty

      a.bucket(key, plenty).answered(first.inFlight(), 3, true, LONG); // 3 remained, nothing else in flight
      RateLimitStore.Grant second = takeOnceLet(b.bucket(key, plenty));
      assertThat(second.inFlight()).isGreaterThan(first.inFlight());
      assertThat(second.awaited()).isFalse();
      takeOnceLet(a.bucket(key, plenty));
      takeOnceLet(b.bucket(key, plenty));

      assertHeld(a.bucket(key, plenty));
      assertHeld(b.bucket(key, plenty));
    }
  }

  @Test
  void attemptsInFlight_countAgainstWhatAnAnswerSaidRemained_andAnswersNotAwaitedNeverRaiseIt() throws Exception {
    Limit plenty = new Limit(1000, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url())) {
      RateLimitStore.Bucket bucket = a.bucket(key("inflight"), plenty);
      bucket.answered(bucket.take(TIMEOUT).inFlight(), 6, true, LONG); // 6 may follow
      RateLimitStore.Grant one = takeOnceLet(bucket);
      RateLimitStore.Grant two = takeOnceLet(bucket);
      takeOnceLet(bucket); // three in flight

      bucket.answered(one.inFlight(), 3, false, LONG); // 3 remained after it; two others are still in flight
      takeOnceLet(bucket); // so one more may go, not three
      assertHeld(bucket);

      bucket.answered(two.inFlight(), 50, false, LONG); // an answer that was not awaited raises nothing
      assertHeld(bucket);
    }
  }

  @Test
  void anAttemptNeverReportedOver_countsInFlightOnlyForAWhile() throws Exception {
    String key = key("leak");
    Limit plenty = new Limit(1000, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url());
        RedisClient raw = RedisClient.create(REDIS.url());
        StatefulRedisConnection<String, String> redis = raw.connect()) {
      RateLimitStore.Bucket bucket = a.bucket(key, plenty);
      bucket.answered(bucket.take(TIMEOUT).inFlight(), 10, true, LONG);
      takeOnceLet(bucket); // its process dies: never reported over
      RateLimitStore.Grant answered = takeOnceLet(bucket);
      String flight = redis.sync().keys("*" + key.substring(key.indexOf('@')) + "*:flight").get(0);
      assertThat(redis.sync().zcard(flight)).isEqualTo(2);

      long old = Long.parseLong(redis.sync().time().get(0)) * 1000 - RedisBucket.IN_FLIGHT_AT_MOST.toMillis() - 1000;
      for (String member : redis.sync().zrange(flight, 0, -1)) {
        redis.sync().zadd(flight, old, member); // as if both were taken longer ago than IN_FLIGHT_AT_MOST
      }
      bucket.answered(answered.inFlight(), 5, false, LONG);
      takeOnceLet(bucket); // same connection, in order after the answer

      assertThat(redis.sync().zcard(flight)).as("the forgotten attempt no longer counts; the new one does").isEqualTo(1);
    }
  }

  @Test
  void whenNoAwaitedAnswerCameForProbeAfter_oneAttemptGoesToAsk() throws Exception {
    String key = key("probe");
    Limit plenty = new Limit(1000, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url());
        RedisSharedLimits b = RedisSharedLimits.connect(REDIS.url())) {
      a.bucket(key, plenty).answered(a.bucket(key, plenty).take(TIMEOUT).inFlight(), 0, true, Duration.ofSeconds(1));
      assertHeld(a.bucket(key, plenty)); // Atlas's bucket is empty
      Thread.sleep(1100);

      RateLimitStore.Grant asking = b.bucket(key, plenty).take(TIMEOUT);
      assertThat(asking.outcome()).isEqualTo(Outcome.TAKEN);
      assertThat(asking.awaited()).isTrue();
      assertHeld(a.bucket(key, plenty)); // one at a time

      b.bucket(key, plenty).answered(asking.inFlight(), 2, true, LONG); // Atlas refilled meanwhile
      takeOnceLet(a.bucket(key, plenty));
      takeOnceLet(a.bucket(key, plenty));
      assertHeld(a.bucket(key, plenty));
    }
  }

  @Test
  void aStatedRate_refillsWhatTheAnswersAllow() throws Exception {
    Limit plenty = new Limit(1000, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url())) {
      RateLimitStore.Bucket bucket = a.bucket(key("refill"), plenty);
      long first = bucket.take(TIMEOUT).inFlight();
      bucket.adopt(new Limit(2, Duration.ofSeconds(1))); // Atlas stated 2 per second
      bucket.answered(first, 0, true, LONG);
      assertHeld(bucket);

      Thread.sleep(600); // one token at Atlas's rate, far short of probeAfter
      RateLimitStore.Grant refilled = takeOnceLet(bucket);
      assertThat(refilled.awaited()).as("let through by the refill, not sent to ask").isFalse();
    }
  }

  @Test
  void aServiceWhoseAnswersStateNoCount_isNotCounted() throws Exception {
    String key = key("uncounted");
    Limit plenty = new Limit(1000, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url());
        RedisSharedLimits b = RedisSharedLimits.connect(REDIS.url())) {
      a.bucket(key, plenty).answered(a.bucket(key, plenty).take(TIMEOUT).inFlight(), RateLimitStore.Bucket.NO_COUNT,
          true, LONG);

      RateLimitStore.Grant next = takeOnceLet(b.bucket(key, plenty));
      assertThat(next.inFlight()).as("nothing to count against: the fleet's attempts are not counted")
          .isEqualTo(RateLimitStore.Grant.NOT_COUNTED);
      for (int i = 0; i < 20; i++) {
        assertThat(takeOnceLet(b.bucket(key, plenty)).inFlight()).isEqualTo(RateLimitStore.Grant.NOT_COUNTED);
      }
    }
  }

  /**
   * What a bucket's first attempt is answered by a service that states no count: nothing is counted
   * from then on, and the token bucket alone decides (for the tests of the token bucket itself).
   */
  private static void firstAnswerStatesNoCount(RedisSharedLimits store, String key, Limit limit) {
    RateLimitStore.Grant first = store.bucket(key, limit).take(TIMEOUT);
    assertThat(first.awaited()).isTrue();
    store.bucket(key, limit).answered(first.inFlight(), RateLimitStore.Bucket.NO_COUNT, true, LONG);
  }

  private static long field(StatefulRedisConnection<String, String> redis, String key, String suffix, String field) {
    String hash = redis.sync().keys("*" + key.substring(key.indexOf('@')) + "*:" + suffix).get(0);
    return Long.parseLong(redis.sync().hget(hash, field));
  }

  @Test
  void aTakeTheTokenBucketRefuses_givesItsPlaceInTheCountBack() throws Exception {
    String key = key("refused");
    Limit onePer20s = new Limit(1, Duration.ofSeconds(20)); // one token, then none for 20 s
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url());
        RedisClient raw = RedisClient.create(REDIS.url());
        StatefulRedisConnection<String, String> redis = raw.connect()) {
      RateLimitStore.Bucket bucket = a.bucket(key, onePer20s);
      bucket.answered(bucket.take(TIMEOUT).inFlight(), 5, true, LONG); // 5 may follow
      bucket.take(TIMEOUT); // in order after the answer

      RateLimitStore.Grant refused = bucket.take(TIMEOUT);
      assertThat(refused.outcome()).as("the token bucket is empty").isEqualTo(Outcome.WAIT);
      assertThat(refused.retryIn()).isGreaterThan(Duration.ofSeconds(10));
      Thread.sleep(100); // the give-back is not awaited

      assertThat(field(redis, key, "answered", "a") - field(redis, key, "answered", "t"))
          .as("still 5 may follow: the refused takes spent none of them").isEqualTo(5);
    }
  }

  @Test
  void anAwaitedAttemptWithoutAnAnswer_letsTheNextAskAtOnce_andThreeInARowStopTheCount() throws Exception {
    Limit plenty = new Limit(1000, Duration.ofSeconds(1));
    try (RedisSharedLimits a = RedisSharedLimits.connect(REDIS.url())) {
      RateLimitStore.Bucket bucket = a.bucket(key("unanswered"), plenty);
      for (int i = 0; i < 3; i++) {
        RateLimitStore.Grant asking = takeOnceLet(bucket);
        assertThat(asking.awaited()).as("attempt %d goes alone to ask, without waiting FIRST_ANSWER_WAIT", i).isTrue();
        bucket.answered(asking.inFlight(), RateLimitStore.Bucket.NO_ANSWER, true, LONG); // a 500, or a timeout
      }

      assertThat(takeOnceLet(bucket).inFlight()).as("no count comes: nothing is counted")
          .isEqualTo(RateLimitStore.Grant.NOT_COUNTED);
    }
  }
}
