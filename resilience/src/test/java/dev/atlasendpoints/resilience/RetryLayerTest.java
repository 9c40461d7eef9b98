package dev.atlasendpoints.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.core.errors.AtlasAmbiguousOutcomeException;
import dev.atlasendpoints.core.errors.AtlasConnectionException;
import dev.atlasendpoints.core.errors.AtlasRateLimitedException;
import dev.atlasendpoints.core.errors.AtlasServerException;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.Fault;
import dev.atlasendpoints.simulator.Operation;
import dev.atlasendpoints.simulator.RecordedRequest;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the retry layer sends again, what it never replays, and the bounds on its waiting. */
class RetryLayerTest {

  private static final Operation OPERATION = Operation.CREATE_SERVERLESS_PRIVATE_ENDPOINT;
  private static final RetrySettings FAST = RetrySettings.builder().initialBackoff(Duration.ofMillis(10))
      .maxBackoff(Duration.ofMillis(50)).build();

  @Test
  void aThrottledCreate_isSentAgainAfterRetryAfter_withFreshAuthentication_andSucceedsOnce() {
    try (Harness h = new Harness(AtlasSimulator.builder(), RetryLayer.of(FAST))) {
      h.create("warm-up");
      h.simulator.faults().next(OPERATION, Fault.tooManyRequests(1));

      h.create("throttled-once");

      List<RecordedRequest> attempts = h.simulator.requests().stream()
          .filter(r -> r.body().contains("throttled-once")).toList();
      assertThat(attempts).extracting(RecordedRequest::status).containsExactly(429, 201);
      assertThat(Duration.between(attempts.get(0).receivedAt(), attempts.get(1).receivedAt()))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      assertThat(h.createdComments()).containsExactly("warm-up", "throttled-once");
      assertThat(h.events.retries).containsExactly("createServerlessPrivateEndpoint:1:429");
    }
  }

  @Test
  void aRefusedConnection_isRetried_thenReportedAsNeverSent() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Harness.Events events = new Harness.Events();
    try (AtlasClient client = AtlasClient.builder().baseUrl("http://127.0.0.1:" + closedPort).apiKey("p", "k")
        .layer(RetryLayer.of(FAST)).listener(events).build()) {
      ServerlessPrivateEndpointsApi api = client.api(ServerlessPrivateEndpointsApi.class);

      assertThatThrownBy(() -> api.createServerlessPrivateEndpoint(Harness.PROJECT, "i1",
          new ServerlessTenantCreateRequest())).isInstanceOf(AtlasConnectionException.class);
      assertThat(events.retries).hasSize(FAST.maxAttempts() - 1).allMatch(r -> r.endsWith("AtlasConnectionException"));
    }
  }

  @Test
  void serverErrors_areNotReplayedByDefault() {
    try (Harness h = new Harness(AtlasSimulator.builder(), RetryLayer.of(FAST))) {
      h.simulator.faults().next(OPERATION, Fault.serviceUnavailable(0));

      assertThatThrownBy(() -> h.create("503")).isInstanceOf(AtlasServerException.class);
      assertThat(h.simulator.counters().requests(OPERATION)).isEqualTo(2); // challenge + the one attempt
      assertThat(h.events.retries).isEmpty();
    }
  }

  @Test
  void theAmbiguousCase_isNeverReplayedByDefault() {
    try (Harness h = new Harness(AtlasSimulator.builder(), RetryLayer.of(FAST))) {
      h.create("warm-up");
      h.simulator.faults().next(OPERATION, Fault.createdThenDropped());

      assertThatThrownBy(() -> h.create("maybe")).isInstanceOf(AtlasAmbiguousOutcomeException.class);
      assertThat(h.createdComments()).containsExactly("warm-up", "maybe");
      assertThat(h.events.retries).isEmpty();
    }
  }

  @Test
  void replayingAmbiguousOutcomes_isAnExplicitOptIn_thatCanDuplicate() {
    RetrySettings replaying = FAST.toBuilder().replayAmbiguousOutcomes(true).build();
    try (Harness h = new Harness(AtlasSimulator.builder(), RetryLayer.of(replaying))) {
      h.create("warm-up");
      h.simulator.faults().next(OPERATION, Fault.createdThenDropped()).next(OPERATION, Fault.internalServerError());

      h.create("replayed");

      assertThat(h.createdComments()).containsExactly("warm-up", "replayed", "replayed");
      assertThat(h.events.retries).hasSize(2);
    }
  }

  @Test
  void aRetryAfterBeyondTheTotalWait_isNotWaitedFor() {
    RetrySettings shortPatience = FAST.toBuilder().maxTotalWait(Duration.ofSeconds(2)).build();
    try (Harness h = new Harness(AtlasSimulator.builder(), RetryLayer.of(shortPatience))) {
      h.simulator.faults().next(OPERATION, Fault.tooManyRequests(30));
      long start = System.nanoTime();

      AtlasRateLimitedException e = org.assertj.core.api.Assertions.catchThrowableOfType(
          AtlasRateLimitedException.class, () -> h.create("patient"));

      assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void attemptsAreBounded() {
    try (Harness h = new Harness(AtlasSimulator.builder(), RetryLayer.of(FAST))) {
      h.create("warm-up");
      h.simulator.faults().nextTimes(OPERATION, 10, Fault.tooManyRequests(0));

      assertThatThrownBy(() -> h.create("never")).isInstanceOf(AtlasRateLimitedException.class);
      assertThat(h.simulator.requests().stream().filter(r -> r.body().contains("never"))).hasSize(FAST.maxAttempts());
    }
  }

  @Test
  void theRetryBudget_stopsRetryStorms() {
    RetrySettings smallBudget = FAST.toBuilder().budget(new RetryBudget.Settings(2, 0)).build();
    try (Harness h = new Harness(AtlasSimulator.builder(), RetryLayer.of(smallBudget))) {
      h.create("warm-up");
      h.simulator.faults().withProbability(OPERATION, 1.0, Fault.tooManyRequests(0));

      for (int i = 0; i < 5; i++) {
        assertThatThrownBy(() -> h.create("storm")).isInstanceOf(AtlasRateLimitedException.class);
      }

      assertThat(h.events.retries).hasSize(2);
      assertThat(h.simulator.requests().stream().filter(r -> r.body().contains("storm"))).hasSize(5 + 2);
    }
  }
}
