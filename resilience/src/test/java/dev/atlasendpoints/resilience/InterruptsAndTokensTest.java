package dev.atlasendpoints.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.core.errors.AtlasInterruptedException;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.Fault;
import dev.atlasendpoints.simulator.Operation;
import dev.atlasendpoints.simulator.RateLimit;
import dev.atlasendpoints.simulator.ServiceAccount;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Waits that end typed when the caller is interrupted, and the token endpoint's 429 retried like any. */
@SuppressWarnings("deprecation")
class InterruptsAndTokensTest {

  private static final Operation OPERATION = Operation.CREATE_SERVERLESS_PRIVATE_ENDPOINT;

  /** What an interrupted caller saw: the exception, whether its flag was still set, and when. */
  private record Interrupted(Throwable thrown, boolean flagKept, long millis) {}

  private static Interrupted interruptDuring(Runnable call, long afterMillis) throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      CompletableFuture<Interrupted> seen = new CompletableFuture<>();
      Future<?> running = thread.submit(() -> {
        long start = System.nanoTime();
        try {
          call.run();
          seen.complete(new Interrupted(null, Thread.currentThread().isInterrupted(), 0));
        } catch (Throwable t) {
          seen.complete(new Interrupted(t, Thread.currentThread().isInterrupted(),
              TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
        }
      });
      Thread.sleep(afterMillis);
      running.cancel(true); // interrupts the calling thread
      return seen.get(10, TimeUnit.SECONDS);
    } finally {
      thread.shutdownNow();
    }
  }

  @Test
  void anInterruptWhileWaitingToRetry_endsTyped_atOnce_withTheFlagKept() throws Exception {
    try (Harness h = new Harness(AtlasSimulator.builder(), RetryLayer.of(RetrySettings.defaults()))) {
      h.create("warm-up");
      h.simulator.faults().next(OPERATION, Fault.tooManyRequests(20));

      Interrupted seen = interruptDuring(() -> h.create("waits"), 500);

      assertThat(seen.thrown()).isInstanceOf(AtlasInterruptedException.class)
          .hasMessageContaining("waiting to send the request again");
      assertThat(((AtlasInterruptedException) seen.thrown()).requestMayHaveBeenProcessed()).isFalse();
      assertThat(seen.flagKept()).isTrue();
      assertThat(seen.millis()).isLessThan(5_000);
    }
  }

  @Test
  void anInterruptWhileWaitingForARateLimitSlot_afterAReplayedDrop_admitsAtlasMayHaveActed() throws Exception {
    RetrySettings replaying = RetrySettings.builder().replayAmbiguousOutcomes(true)
        .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(20)).build();
    try (Harness h = new Harness(AtlasSimulator.builder(), RetryLayer.of(replaying), RateLimitLayer.of(RateLimitSettings.defaults().toBuilder()
            .override("/api/atlas/v2/groups/{groupId}/privateEndpoint", 1, Duration.ofSeconds(30)).build()))) {
      h.simulator.faults().next(OPERATION, Fault.createdThenDropped());

      Interrupted seen = interruptDuring(() -> h.create("dropped"), 1_000);

      assertThat(seen.thrown()).isInstanceOf(AtlasInterruptedException.class);
      assertThat(((AtlasInterruptedException) seen.thrown()).requestMayHaveBeenProcessed())
          .as("the first attempt was created, then its answer lost").isTrue();
      assertThat(seen.flagKept()).isTrue();
      assertThat(h.createdComments()).containsExactly("dropped");
    }
  }

  @Test
  void aThrottledTokenEndpoint_isRetriedByTheRetryLayer_becauseTheApiRequestWasNotSent() {
    try (AtlasSimulator simulator = AtlasSimulator.builder().serviceAccount(ServiceAccount.of("mdb_sa_id_9", "sa-secret"))
        .tokenRequestLimit(new RateLimit(1, 1, 1)).rateLimit(RateLimit.unlimited()).start()) {
      AtlasClient.Builder builder = AtlasClient.builder().baseUrl(simulator.baseUri().toString())
          .serviceAccount("mdb_sa_id_9", "sa-secret").layer(RetryLayer.of(RetrySettings.defaults()));
      Harness.Events events = new Harness.Events();
      try (AtlasClient first = builder.build(); AtlasClient second = builder.listener(events).build()) {
        create(first.api(ServerlessPrivateEndpointsApi.class), "first"); // spends the token endpoint's only slot

        create(second.api(ServerlessPrivateEndpointsApi.class), "second");

        assertThat(events.retries).containsExactly(OPERATION.operationId() + ":1:429");
        assertThat(simulator.counters().creates()).isEqualTo(2);
      }
    }
  }

  private static void create(ServerlessPrivateEndpointsApi api, String comment) {
    api.createServerlessPrivateEndpoint(Harness.PROJECT, "i1", new ServerlessTenantCreateRequest().comment(comment));
  }
}
