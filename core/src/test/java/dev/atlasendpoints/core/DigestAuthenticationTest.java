package dev.atlasendpoints.core;

import static dev.atlasendpoints.core.Fixtures.PRIVATE_KEY;
import static dev.atlasendpoints.core.Fixtures.PROJECT;
import static dev.atlasendpoints.core.Fixtures.PUBLIC_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.atlasendpoints.core.auth.ApiKeyCredentials;
import dev.atlasendpoints.core.errors.AtlasAuthenticationException;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.DigestAlgorithm;
import dev.atlasendpoints.simulator.ManualClock;
import dev.atlasendpoints.simulator.NonceCountPolicy;
import dev.atlasendpoints.simulator.RateLimit;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** HTTP Digest against the simulator: algorithms, steady state, staleness, rejection, rotation. */
@SuppressWarnings("deprecation")
class DigestAuthenticationTest {

  @RegisterExtension
  final SimulatedAtlas atlas = new SimulatedAtlas();

  private ServerlessPrivateEndpointsApi start(AtlasSimulator.Builder simulatorBuilder, AtlasClient.Builder clientBuilder) {
    return atlas.start(simulatorBuilder.rateLimit(RateLimit.unlimited()), clientBuilder,
        ServerlessPrivateEndpointsApi.class);
  }

  private ServerlessPrivateEndpointsApi start(AtlasSimulator.Builder simulatorBuilder) {
    return start(simulatorBuilder, AtlasClient.builder().apiKey(PUBLIC_KEY, PRIVATE_KEY));
  }

  private static void create(ServerlessPrivateEndpointsApi api) {
    api.createServerlessPrivateEndpoint(PROJECT, "instance-1", new ServerlessTenantCreateRequest());
  }

  @ParameterizedTest
  @EnumSource(DigestAlgorithm.class)
  void answersEveryAlgorithmTheServerOffers(DigestAlgorithm algorithm) {
    ServerlessPrivateEndpointsApi api = start(Fixtures.simulator().digestAlgorithms(algorithm));

    create(api);
    create(api);

    assertThat(atlas.simulator().counters().creates()).isEqualTo(2);
    assertThat(atlas.simulator().counters().challenges()).isEqualTo(1);
  }

  @Test
  void severalOffered_stillAuthenticates() {
    ServerlessPrivateEndpointsApi api = start(Fixtures.simulator()
        .digestAlgorithms(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256, DigestAlgorithm.SHA_512_256_SESS));

    create(api);

    assertThat(atlas.simulator().counters().creates()).isEqualTo(1);
  }

  @Test
  void steadyState_costsOneExchangePerCall() {
    ServerlessPrivateEndpointsApi api = start(Fixtures.simulator());
    int calls = 200;

    for (int i = 0; i < calls; i++) {
      create(api);
    }

    assertThat(atlas.simulator().counters().requests()).isEqualTo(calls + 1);
    assertThat(atlas.simulator().counters().challenges()).isEqualTo(1);
  }

  @Test
  void manyConcurrentCallers_shareOneNonce_andAllSucceed() throws Exception {
    ServerlessPrivateEndpointsApi api = start(Fixtures.simulator());
    int callers = 16;
    int callsEach = 50;

    runConcurrently(callers, callsEach, () -> create(api));

    long calls = (long) callers * callsEach;
    assertThat(atlas.simulator().counters().creates()).isEqualTo(calls);
    // Callers that start before the first challenge is cached wait for it (single flight).
    assertThat(atlas.simulator().counters().challenges()).isEqualTo(1);
    assertThat(atlas.simulator().counters().requests()).isEqualTo(calls + 1);
  }

  @Test
  void aColdStart_underConcurrency_costsOneChallenge_forAllCallers() throws Exception {
    for (int callers : new int[] {8, 16}) {
      ServerlessPrivateEndpointsApi api = start(Fixtures.simulator());
      java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(callers);

      runConcurrently(callers, 1, () -> {
        try {
          together.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        create(api);
      });

      assertThat(atlas.simulator().counters().creates()).as("%d callers", callers).isEqualTo(callers);
      assertThat(atlas.simulator().counters().challenges()).as("%d callers", callers).isEqualTo(1);
      assertThat(atlas.simulator().counters().requests()).as("%d callers: N + 1", callers).isEqualTo(callers + 1);
      atlas.afterEach(null);
    }
  }

  @Test
  void serverThatDemandsIncreasingNonceCounts_rejectsSomePreemptiveAttempts_callsStillSucceed() throws Exception {
    ServerlessPrivateEndpointsApi api = start(Fixtures.simulator().nonceCountPolicy(NonceCountPolicy.STRICTLY_INCREASING));

    runConcurrently(8, 50, () -> create(api));

    assertThat(atlas.simulator().counters().creates()).isEqualTo(400);
  }

  @Test
  void expiredNonce_isRenewedTransparently() {
    ManualClock clock = new ManualClock();
    ServerlessPrivateEndpointsApi api = start(Fixtures.simulator().clock(clock).nonceLifetime(Duration.ofMinutes(5)));
    create(api);
    clock.advance(Duration.ofMinutes(6));

    create(api);

    assertThat(atlas.simulator().counters().creates()).isEqualTo(2);
    assertThat(atlas.simulator().counters().challenges()).isEqualTo(2);
    assertThat(atlas.simulator().counters().requests()).isEqualTo(4);
  }

  @Test
  void wrongKey_failsWithAuthenticationException_afterTwoExchanges_withoutTheSecretInTheMessage() {
    ServerlessPrivateEndpointsApi api = start(Fixtures.simulator(),
        AtlasClient.builder().apiKey(PUBLIC_KEY, "not-the-right-private-key"));

    assertThatThrownBy(() -> create(api))
        .isInstanceOf(AtlasAuthenticationException.class)
        .hasMessageContaining("401")
        .hasMessageNotContaining("not-the-right-private-key");
    assertThat(atlas.simulator().counters().requests()).isEqualTo(2);
    assertThat(atlas.simulator().inventory().resources()).isEmpty();
  }

  @Test
  void rotatedKeys_areUsedFromTheNextCall_withoutANewClient() {
    AtomicReference<ApiKeyCredentials> current = new AtomicReference<>(new ApiKeyCredentials(PUBLIC_KEY, PRIVATE_KEY));
    ServerlessPrivateEndpointsApi api = start(
        Fixtures.simulator().apiKey(ApiKey.of("rotated-public", "rotated-private")),
        AtlasClient.builder().apiKey(current::get));
    create(api);

    current.set(new ApiKeyCredentials("rotated-public", "rotated-private"));
    create(api);
    current.set(new ApiKeyCredentials("revoked-public", "revoked-private"));

    assertThatThrownBy(() -> create(api)).isInstanceOf(AtlasAuthenticationException.class);
    assertThat(atlas.simulator().counters().creates()).isEqualTo(2);
  }

  @Test
  void aServerThatIsAlwaysStale_isAnsweredAtMostThreeTimes() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("WWW-Authenticate",
          "Digest realm=\"MMS Public API\", nonce=\"n" + requests.get() + "\", algorithm=MD5, qop=\"auth\", stale=true");
      exchange.sendResponseHeaders(401, -1);
      exchange.close();
    });
    server.start();
    try (AtlasClient stale = AtlasClient.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .apiKey(PUBLIC_KEY, PRIVATE_KEY).build()) {
      ServerlessPrivateEndpointsApi api = stale.api(ServerlessPrivateEndpointsApi.class);

      assertThatThrownBy(() -> create(api)).isInstanceOf(AtlasAuthenticationException.class);
      assertThat(requests.get()).isEqualTo(3);
    } finally {
      server.stop(0);
    }
  }

  static void runConcurrently(int callers, int callsEach, Runnable call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        futures.add(pool.submit(() -> {
          for (int j = 0; j < callsEach; j++) {
            call.run();
          }
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
