package dev.atlasendpoints.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atlasendpoints.core.auth.ServiceAccountCredentials;
import dev.atlasendpoints.core.internal.ErrorAnswers;
import feign.Client;
import feign.Request;
import feign.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A race no timing-based test finds reliably: a caller that saw the old token pauses, another
 * refreshes meanwhile, and the first then must not fetch a third token (which would leave the
 * second live and never revoked). The clock parks the first caller at the worst moment.
 */
class TokenRefreshRaceTest {

  /** A clock that, once armed, parks the thread named "late" on its next reading until released. */
  private static final class ParkingClock extends Clock {
    volatile Instant now = Instant.parse("2030-01-01T00:00:00Z");
    volatile CountDownLatch release;
    final CountDownLatch parked = new CountDownLatch(1);

    @Override
    public Instant instant() {
      CountDownLatch gate = release;
      if (gate != null && Thread.currentThread().getName().equals("late")) {
        release = null;
        parked.countDown();
        try {
          gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void aCallerThatPausedDuringARefresh_usesTheNewToken_andNoTokenOutlivesClose() throws Exception {
    AtomicInteger issued = new AtomicInteger();
    Set<String> live = ConcurrentHashMap.newKeySet();
    Client tokenEndpoint = (request, options) -> {
      String json = "{}";
      if (request.url().endsWith("/api/oauth/token")) {
        String token = "token" + issued.incrementAndGet();
        live.add(token);
        json = "{\"access_token\":\"" + token + "\",\"expires_in\":3600}";
      } else {
        live.remove(new String(request.body(), StandardCharsets.UTF_8).substring("token=".length()));
      }
      return Response.builder().request(request).status(200).headers(Map.of())
          .body(json, StandardCharsets.UTF_8).build();
    };
    ParkingClock clock = new ParkingClock();
    ServiceAccountTokens tokens = new ServiceAccountTokens(tokenEndpoint, "http://127.0.0.1:1",
        () -> new ServiceAccountCredentials("mdb_sa_id_1", "secret"), new ObjectMapper(),
        new ErrorAnswers(new ObjectMapper(), 65_536, clock), new Request.Options(), clock);
    tokens.token();
    clock.now = clock.now.plus(Duration.ofMinutes(59).plusSeconds(30)); // inside the refresh margin
    CountDownLatch release = new CountDownLatch(1);
    clock.release = release;

    String[] seen = new String[2];
    Thread late = new Thread(() -> seen[0] = tokens.token(), "late");
    late.start();
    assertThat(clock.parked.await(10, TimeUnit.SECONDS)).isTrue();
    Thread refresher = new Thread(() -> seen[1] = tokens.token(), "refresher");
    refresher.start();
    refresher.join(10_000);
    release.countDown();
    late.join(10_000);
    tokens.close();

    assertThat(seen).containsExactly("token2", "token2");
    assertThat(issued.get()).isEqualTo(2);
    assertThat(live).isEmpty();
  }
}
