package dev.atlasendpoints.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlasendpoints.core.errors.AtlasInterruptedException;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CreateAWSEndpointRequest;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.Lifecycle;
import dev.atlasendpoints.simulator.ManualClock;
import dev.atlasendpoints.simulator.Operation;
import dev.atlasendpoints.simulator.ResourceKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Waiting, over real sockets, on a simulator whose clock the waiter's sleeps advance: no real sleeping. */
class AwaitAvailableTest {

  private final ManualClock clock = new ManualClock();
  private final List<StateChange> changes = new CopyOnWriteArrayList<>();

  private SimulatedAtlas atlas(Lifecycle lifecycle) {
    return new SimulatedAtlas(AtlasSimulator.builder().clock(clock).lifecycle(lifecycle));
  }

  private Provisioner provisioner(SimulatedAtlas atlas) {
    return Provisioner.builder(atlas.client).clock(clock).sleeper(clock::advance).random(() -> 0.0).build();
  }

  @Test
  void awaitService_endsAvailable_afterTheLifecycle_reportingEachChangeOnce() {
    try (SimulatedAtlas atlas = atlas(Lifecycle.builder().serviceInitiating(Duration.ofMinutes(3)).build())) {
      Provisioner provisioner = provisioner(atlas);
      Ensured<?> service = provisioner.ensureEndpointService(SimulatedAtlas.PROJECT, CloudProvider.AWS, "us-east-1");

      ResourceState state = provisioner.awaitAvailable(service.ref(), Duration.ofMinutes(10), changes::add);

      assertThat(state.status()).isEqualTo("AVAILABLE");
      assertThat(changes).extracting(StateChange::status).containsExactly("INITIATING", "AVAILABLE");
      assertThat(changes.get(1).elapsed()).isBetween(Duration.ofMinutes(3), Duration.ofMinutes(3).plusSeconds(30));
    }
  }

  @Test
  void awaitService_waitingForUser_isDone() {
    try (SimulatedAtlas atlas = atlas(Lifecycle.builder()
        .serviceReadyStatus(Lifecycle.ServiceReadyStatus.WAITING_FOR_USER).build())) {
      Provisioner provisioner = provisioner(atlas);
      Ensured<?> service = provisioner.ensureEndpointService(SimulatedAtlas.PROJECT, CloudProvider.AZURE, "eastus");

      assertThat(provisioner.awaitAvailable(service.ref(), Duration.ofMinutes(1)).status())
          .isEqualTo("WAITING_FOR_USER");
    }
  }

  @Test
  void awaitEndpoint_rejected_failsTyped_withAtlasErrorMessage() {
    try (SimulatedAtlas atlas = atlas(Lifecycle.defaults())) {
      atlas.atlas.lifecycle().fail(ResourceKind.PRIVATE_ENDPOINT, "vpce-0123456789abcdef0", "Rejected by AWS");
      Provisioner provisioner = provisioner(atlas);
      String serviceId = provisioner.ensureEndpointService(SimulatedAtlas.PROJECT, CloudProvider.AWS, "us-east-1")
          .resource().getId();

      assertThatThrownBy(() -> provisioner.ensureEndpointAvailable(SimulatedAtlas.PROJECT, CloudProvider.AWS,
          serviceId, new CreateAWSEndpointRequest().id("vpce-0123456789abcdef0"), Duration.ofMinutes(5), c -> {}))
          .isInstanceOfSatisfying(AtlasProvisioningFailedException.class, failed -> {
            assertThat(failed.status()).isEqualTo("REJECTED");
            assertThat(failed.errorMessage()).isEqualTo("Rejected by AWS");
          });
    }
  }

  @Test
  void await_timesOut_typed_withTheLastStateSeen_andReadsAtTheDeadline() {
    try (SimulatedAtlas atlas = atlas(Lifecycle.builder().serviceInitiating(Duration.ofHours(1)).build())) {
      Provisioner provisioner = provisioner(atlas);
      Ensured<?> service = provisioner.ensureEndpointService(SimulatedAtlas.PROJECT, CloudProvider.AWS, "us-east-1");

      assertThatThrownBy(() -> provisioner.awaitAvailable(service.ref(), Duration.ofSeconds(90)))
          .isInstanceOfSatisfying(AtlasWaitTimeoutException.class, timeout -> {
            assertThat(timeout.lastStatus()).isEqualTo("INITIATING");
            assertThat(timeout.waited()).isEqualTo(Duration.ofSeconds(90));
          });
    }
  }

  @Test
  void await_toleratesABrief404_justAfterTheCreate() {
    try (SimulatedAtlas atlas = atlas(Lifecycle.builder().notFoundWindow(Duration.ofSeconds(5)).build())) {
      Provisioner provisioner = provisioner(atlas);
      ResourceRef ref = new ResourceRef.EndpointService(SimulatedAtlas.PROJECT, CloudProvider.AWS,
          atlas.client.api(dev.atlasendpoints.generated.api.PrivateEndpointServicesApi.class)
              .createPrivateEndpointService(SimulatedAtlas.PROJECT,
                  new dev.atlasendpoints.generated.model.CloudProviderEndpointServiceRequest()
                      .providerName(CloudProvider.AWS).region("us-east-1")).getId());

      assertThat(provisioner.awaitAvailable(ref, Duration.ofMinutes(1), changes::add).status()).isEqualTo("AVAILABLE");
      assertThat(changes.get(0).previous()).isNull();
      assertThat(atlas.atlas.counters().requests(Operation.GET_PRIVATE_ENDPOINT_SERVICE)).isGreaterThan(1);
    }
  }

  @Test
  void awaitAsync_cancelled_interruptsTheWait() throws Exception {
    try (SimulatedAtlas atlas = atlas(Lifecycle.builder().serviceInitiating(Duration.ofHours(1)).build())) {
      CountDownLatch sleeping = new CountDownLatch(1);
      CountDownLatch interrupted = new CountDownLatch(1);
      Provisioner provisioner = Provisioner.builder(atlas.client).sleeper(pause -> {
        sleeping.countDown();
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          interrupted.countDown();
          throw e;
        }
      }).build();
      Ensured<?> service = provisioner.ensureEndpointService(SimulatedAtlas.PROJECT, CloudProvider.AWS, "us-east-1");

      CompletableFuture<ResourceState> wait = provisioner.awaitAvailableAsync(service.ref(), Duration.ofHours(2),
          c -> {});
      assertThat(sleeping.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(wait.cancel(true)).isTrue();

      assertThat(wait).isCancelled();
      assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the worker's sleep was interrupted").isTrue();
      assertThatThrownBy(() -> provisioner.awaitAvailableAsync(service.ref(), Duration.ZERO, c -> {}).get())
          .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(AtlasWaitTimeoutException.class);
    }
  }

  @Test
  void await_aHugeTimeout_doesNotOverflow() {
    try (SimulatedAtlas atlas = atlas(Lifecycle.builder().serviceInitiating(Duration.ofMinutes(3)).build())) {
      Provisioner provisioner = provisioner(atlas);
      Ensured<?> service = provisioner.ensureEndpointService(SimulatedAtlas.PROJECT, CloudProvider.AWS, "us-east-1");

      assertThat(provisioner.awaitAvailable(service.ref(), Duration.ofSeconds(Long.MAX_VALUE)).status())
          .isEqualTo("AVAILABLE");
    }
  }

  @Test
  void await_onAnInterruptedThread_endsTyped() {
    try (SimulatedAtlas atlas = atlas(Lifecycle.builder().serviceInitiating(Duration.ofHours(1)).build())) {
      Provisioner provisioner = provisioner(atlas);
      Ensured<?> service = provisioner.ensureEndpointService(SimulatedAtlas.PROJECT, CloudProvider.AWS, "us-east-1");
      Thread.currentThread().interrupt();
      try {
        assertThatThrownBy(() -> provisioner.awaitAvailable(service.ref(), Duration.ofHours(2)))
            .isInstanceOf(AtlasInterruptedException.class);
      } finally {
        Thread.interrupted();
      }
    }
  }
}
