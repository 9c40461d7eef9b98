package dev.atlasendpoints.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CloudProviderEndpointServiceRequest;
import dev.atlasendpoints.generated.model.CreateAWSEndpointRequest;
import dev.atlasendpoints.generated.model.CreateGCPEndpointGroupRequest;
import dev.atlasendpoints.generated.model.EndpointService;
import dev.atlasendpoints.provisioning.micrometer.MicrometerProvisioningListener;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.Fault;
import dev.atlasendpoints.simulator.Lifecycle;
import dev.atlasendpoints.simulator.Operation;
import dev.atlasendpoints.simulator.junit.AtlasSimulatorExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Exactly-once creates against the simulator: read first, adopt, resolve ambiguous outcomes by reading back. */
class EnsureTest {

  private static final String PROJECT = SimulatedAtlas.PROJECT;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  /** A simulator whose resources are usable at once, and a client with the retry layer, per test. */
  @RegisterExtension
  final AtlasSimulatorExtension simulated =
      SimulatedAtlas.extension(simulator -> simulator.lifecycle(Lifecycle.immediate()));

  private Provisioner provisioner(AtlasClient client) {
    return Provisioner.builder(client).listener(new MicrometerProvisioningListener(registry))
        .settings(ProvisioningSettings.builder().createRetryBackoff(Duration.ofMillis(5))
            .notFoundGrace(Duration.ofMillis(300)).build()).build();
  }

  /** Resources stay invisible (404, left out of lists) for {@code window} after they are made. */
  private static SimulatedAtlas hidingFor(Duration window) {
    return new SimulatedAtlas(AtlasSimulator.builder().lifecycle(Lifecycle.immediate().toBuilder()
        .notFoundWindow(window).build()));
  }

  private static Provisioner withGrace(AtlasClient client, Duration grace, ProvisioningListener listener) {
    return Provisioner.builder(client).listener(listener).settings(ProvisioningSettings.builder()
        .createRetryBackoff(Duration.ofMillis(20)).notFoundGrace(grace).build()).build();
  }

  @Test
  void ensureServerless_lostAnswer_resourceHiddenForASecond_readsBackUntilVisible_createsOnlyOne() {
    try (SimulatedAtlas atlas = hidingFor(Duration.ofSeconds(1))) {
      atlas.atlas.faults().next(Operation.CREATE_SERVERLESS_PRIVATE_ENDPOINT, Fault.createdThenDropped());

      Ensured<?> ensured = withGrace(atlas.client, Duration.ofSeconds(5), ProvisioningListener.NONE)
          .ensureServerlessEndpoint(PROJECT, "instance-1", "mine");

      assertThat(ensured.outcome()).isEqualTo(Outcome.CREATED);
      assertThat(atlas.atlas.inventory().resources(Operation.CREATE_SERVERLESS_PRIVATE_ENDPOINT)).hasSize(1);
      assertThat(atlas.atlas.counters().requests(Operation.CREATE_SERVERLESS_PRIVATE_ENDPOINT)).isEqualTo(1);
    }
  }

  @Test
  void ensureServerless_lostAnswer_notVisibleWithinTheGrace_failsOutcomeUnknown_neverCreatesAgain() {
    try (SimulatedAtlas atlas = hidingFor(Duration.ofSeconds(5))) {
      atlas.atlas.faults().next(Operation.CREATE_SERVERLESS_PRIVATE_ENDPOINT, Fault.createdThenDropped());

      assertThatThrownBy(() -> withGrace(atlas.client, Duration.ofMillis(300), ProvisioningListener.NONE)
          .ensureServerlessEndpoint(PROJECT, "instance-1", "mine"))
          .isInstanceOf(AtlasUnresolvedCreateException.class)
          .hasMessageContaining("serverless endpoint with comment 'mine' on instance instance-1");
      assertThat(atlas.atlas.counters().requests(Operation.CREATE_SERVERLESS_PRIVATE_ENDPOINT)).isEqualTo(1);
      assertThat(atlas.atlas.inventory().resources(Operation.CREATE_SERVERLESS_PRIVATE_ENDPOINT)).hasSize(1);
    }
  }

  @Test
  void ensureConnection_lostAnswer_resourceHiddenForASecond_createsOnlyOne() {
    try (SimulatedAtlas atlas = hidingFor(Duration.ofSeconds(1))) {
      atlas.atlas.faults().next(Operation.CREATE_PRIVATE_ENDPOINT_CONNECTION, Fault.createdThenDropped());

      Ensured<?> ensured = withGrace(atlas.client, Duration.ofSeconds(5), ProvisioningListener.NONE)
          .ensureConnection(PROJECT, "US_EAST_1");

      assertThat(ensured.outcome()).isEqualTo(Outcome.CREATED);
      assertThat(atlas.atlas.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT_CONNECTION)).hasSize(1);
    }
  }

  @Test
  void ensureService_lostAnswer_hiddenForASecond_readsBackInsteadOfHandingOutThe409() {
    try (SimulatedAtlas atlas = hidingFor(Duration.ofSeconds(1))) {
      atlas.atlas.faults().next(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, Fault.createdThenDropped());

      Ensured<EndpointService> ensured = withGrace(atlas.client, Duration.ofSeconds(5), ProvisioningListener.NONE)
          .ensureEndpointService(PROJECT, CloudProvider.AWS, "us-east-1");

      assertThat(ensured.outcome()).isEqualTo(Outcome.CREATED);
      assertThat(atlas.atlas.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)).hasSize(1);
    }
  }

  @Test
  void ensureService_409ForOneNotVisibleYet_readsBackUntilVisible_andAdopts() {
    try (SimulatedAtlas atlas = hidingFor(Duration.ofSeconds(1))) {
      atlas.client.api(PrivateEndpointServicesApi.class).createPrivateEndpointService(PROJECT,
          new CloudProviderEndpointServiceRequest().providerName(CloudProvider.AWS).region("us-east-1"));

      Ensured<EndpointService> ensured = withGrace(atlas.client, Duration.ofSeconds(5), ProvisioningListener.NONE)
          .ensureEndpointService(PROJECT, CloudProvider.AWS, "us-east-1");

      assertThat(ensured.outcome()).isEqualTo(Outcome.ADOPTED);
      assertThat(atlas.atlas.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)).hasSize(1);
    }
  }

  @Test
  void ensureService_adoptsAnExistingService_inAtlasRegionNames_forEachProvider(AtlasSimulator atlas,
      AtlasClient client) {
    PrivateEndpointServicesApi api = client.api(PrivateEndpointServicesApi.class);
    Provisioner provisioner = provisioner(client);
    List<Object[]> cases = List.of(new Object[] {CloudProvider.AWS, "us-east-1"},
        new Object[] {CloudProvider.AZURE, "eastus2"}, new Object[] {CloudProvider.GCP, "us-central1"});
    for (Object[] c : cases) {
      CloudProvider provider = (CloudProvider) c[0];
      String region = (String) c[1];
      String id = api.createPrivateEndpointService(PROJECT,
          new CloudProviderEndpointServiceRequest().providerName(provider).region(region)).getId();

      long createRequestsBefore = atlas.counters().requests(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE);

      Ensured<EndpointService> ensured = provisioner.ensureEndpointService(PROJECT, provider, region);

      assertThat(ensured.outcome()).as(provider + " " + region).isEqualTo(Outcome.ADOPTED);
      assertThat(ensured.resource().getId()).isEqualTo(id);
      assertThat(atlas.counters().requests(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE))
          .as("no create request by the ensure for " + provider + " " + region).isEqualTo(createRequestsBefore);
    }
    assertThat(atlas.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)).hasSize(3);
  }

  @Test
  void ensure_aThrowingListener_doesNotBreakTheCall(AtlasSimulator atlas, AtlasClient client) {
    ProvisioningListener throwing = new ProvisioningListener() {
      @Override
      public void onCreated(ResourceRef resource) {
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void onStateChange(StateChange change) {
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void onAvailable(ResourceRef resource, Duration waited) {
        throw new IllegalStateException("listener bug");
      }
    };
    Provisioner provisioner = withGrace(client, Duration.ofMillis(300), throwing);

    Ensured<EndpointService> ensured = provisioner.ensureEndpointServiceAvailable(PROJECT, CloudProvider.AWS,
        "us-east-1", Duration.ofMinutes(1), change -> {
          throw new IllegalStateException("progress bug");
        });

    assertThat(ensured.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(ensured.resource().getStatus()).hasToString("AVAILABLE");
  }

  @Test
  void connectionRegion_acceptsBothSpellings_andNamesAnUnknownOne() {
    assertThat(Provisioner.connectionRegion("US_EAST_1")).isEqualTo(Provisioner.connectionRegion("us-east-1"));
    assertThat(Provisioner.connectionRegion("us-east-1").getValue()).isEqualTo("us-east-1");
    assertThatThrownBy(() -> Provisioner.connectionRegion("mars-1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mars-1");
  }

  private double ensured(String outcome) {
    return registry.get(MicrometerProvisioningListener.ENSURED).tag("outcome", outcome).counter().count();
  }

  @Test
  void ensureService_createsOnce_thenAdopts_acrossRegionSpellings(AtlasSimulator atlas, AtlasClient client) {
    Provisioner provisioner = provisioner(client);

    Ensured<EndpointService> first = provisioner.ensureEndpointService(PROJECT, CloudProvider.AWS, "us-east-1");
    Ensured<EndpointService> second = provisioner.ensureEndpointService(PROJECT, CloudProvider.AWS, "US_EAST_1");

    assertThat(first.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(second.outcome()).isEqualTo(Outcome.ADOPTED);
    assertThat(second.resource().getId()).isEqualTo(first.resource().getId());
    assertThat(atlas.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)).hasSize(1);
    assertThat(ensured("created")).isEqualTo(1.0);
    assertThat(ensured("adopted")).isEqualTo(1.0);
  }

  @Test
  void ensureService_whenTheAnswerIsLostAfterTheCreate_readsBack_andReportsCreated(AtlasSimulator atlas,
      AtlasClient client) {
    atlas.faults().next(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, Fault.createdThenDropped());

    Ensured<EndpointService> ensured = provisioner(client).ensureEndpointService(PROJECT, CloudProvider.GCP,
        "us-central1");

    assertThat(ensured.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(atlas.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)).hasSize(1);
  }

  @Test
  void ensureService_after5xx_thatCreatedNothing_createsAgain(AtlasSimulator atlas, AtlasClient client) {
    atlas.faults().next(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, Fault.serviceUnavailable());

    Ensured<EndpointService> ensured = provisioner(client).ensureEndpointService(PROJECT, CloudProvider.AWS,
        "eu-west-1");

    assertThat(ensured.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(atlas.counters().requests(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)).isEqualTo(2);
    assertThat(atlas.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)).hasSize(1);
  }

  @Test
  void ensure_outOfAttempts_afterALostAnswer_readsBackOnceMore_insteadOfThrowingTheAmbiguity(AtlasSimulator atlas,
      AtlasClient client) {
    atlas.faults().next(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, Fault.createdThenDropped());
    Provisioner oneTry = Provisioner.builder(client).settings(ProvisioningSettings.builder()
        .maxCreateAttempts(1).createRetryBackoff(Duration.ZERO).build()).build();

    Ensured<EndpointService> ensured = oneTry.ensureEndpointService(PROJECT, CloudProvider.AWS, "us-east-1");

    assertThat(ensured.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(atlas.counters().creates(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)).isEqualTo(1);
  }

  @Test
  void ensure_outOfAttempts_whenNothingWasCreated_givesTheLastFailure_typed_afterReadingBackNothing(
      AtlasSimulator atlas, AtlasClient client) {
    atlas.faults().nextTimes(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, 100, Fault.resetBeforeProcessing());
    Provisioner twoTries = Provisioner.builder(client).settings(ProvisioningSettings.builder()
        .maxCreateAttempts(2).createRetryBackoff(Duration.ZERO).build()).build();

    assertThatThrownBy(() -> twoTries.ensureEndpointService(PROJECT, CloudProvider.AWS, "us-east-1"))
        .isInstanceOf(dev.atlasendpoints.core.errors.AtlasCommunicationException.class);
    assertThat(atlas.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)).isEmpty();
  }

  @Test
  void ensureService_fromSixteenCallersAtOnce_createsOne_andTheOthersAdoptIt(AtlasSimulator atlas,
      AtlasClient client) throws Exception {
    Provisioner provisioner = provisioner(client);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Ensured<EndpointService>>> calls = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 16; i++) {
      calls.add(pool.submit(() -> provisioner.ensureEndpointService(PROJECT, CloudProvider.AWS, "us-west-2")));
    }
    pool.shutdown();
    long created = 0;
    for (Future<Ensured<EndpointService>> call : calls) {
      created += call.get().created() ? 1 : 0;
    }

    assertThat(created).isEqualTo(1);
    assertThat(atlas.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)).hasSize(1);
  }

  @Test
  void ensureEndpoint_adoptsAnEndpointCreatedBeforeAndOnAConflict(AtlasSimulator atlas, AtlasClient client) {
    Provisioner provisioner = provisioner(client);
    String serviceId = provisioner.ensureEndpointService(PROJECT, CloudProvider.GCP, "us-central1").resource()
        .getId();
    CreateGCPEndpointGroupRequest request = new CreateGCPEndpointGroupRequest().endpointGroupName("group-1")
        .gcpProjectId("p-abcdefghijklmnopqrstuvwx");

    Ensured<?> first = provisioner.ensureEndpoint(PROJECT, CloudProvider.GCP, serviceId, request);
    Ensured<?> again = provisioner.ensureEndpoint(PROJECT, CloudProvider.GCP, serviceId, request);

    assertThat(first.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(again.outcome()).isEqualTo(Outcome.ADOPTED);
    assertThat(atlas.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT)).hasSize(1);
  }

  @Test
  void ensureEndpoint_whenTheCreateWasDropped_resolvesByReadingTheChosenId(AtlasSimulator atlas, AtlasClient client) {
    Provisioner provisioner = provisioner(client);
    String serviceId = provisioner.ensureEndpointService(PROJECT, CloudProvider.AWS, "us-east-1").resource().getId();
    atlas.faults().next(Operation.CREATE_PRIVATE_ENDPOINT, Fault.createdThenDropped());

    Ensured<?> ensured = provisioner.ensureEndpointAvailable(PROJECT, CloudProvider.AWS, serviceId,
        new CreateAWSEndpointRequest().id("vpce-0123456789abcdef0"), Duration.ofMinutes(1), c -> {});

    assertThat(ensured.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(atlas.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT)).hasSize(1);
    assertThat(registry.get(MicrometerProvisioningListener.UNTIL_AVAILABLE).tag("kind", "endpoint").timer().count())
        .isEqualTo(1);
  }

  @Test
  void ensureEndpoint_invalidRequest_reachesTheCallerAtOnce(AtlasSimulator atlas, AtlasClient client) {
    Provisioner provisioner = provisioner(client);
    String serviceId = provisioner.ensureEndpointService(PROJECT, CloudProvider.AWS, "us-east-1").resource().getId();

    assertThatThrownBy(() -> provisioner.ensureEndpoint(PROJECT, CloudProvider.AWS, serviceId,
        new CreateAWSEndpointRequest().id("not-a-vpce")))
        .isInstanceOf(dev.atlasendpoints.core.errors.AtlasException.class)
        .isNotInstanceOf(AtlasWaitTimeoutException.class);
    assertThat(atlas.counters().requests(Operation.CREATE_PRIVATE_ENDPOINT)).isLessThanOrEqualTo(1);
  }

  @Test
  void ensureServerlessEndpoint_whenTheCreateWasDropped_findsTheNewOneByListing(AtlasSimulator atlas,
      AtlasClient client) {
    Provisioner provisioner = provisioner(client);
    provisioner.ensureServerlessEndpoint(PROJECT, "instance-1", "someone else's");
    atlas.faults().next(Operation.CREATE_SERVERLESS_PRIVATE_ENDPOINT, Fault.createdThenDropped());

    Ensured<?> ensured = provisioner.ensureServerlessEndpoint(PROJECT, "instance-1", "mine");

    assertThat(ensured.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(ensured.ref()).isInstanceOf(ResourceRef.ServerlessEndpoint.class);
    assertThat(atlas.inventory().resources(Operation.CREATE_SERVERLESS_PRIVATE_ENDPOINT)).hasSize(2);
    assertThat(provisioner.awaitAvailable(ensured.ref(), Duration.ofMinutes(1)).status()).isEqualTo("AVAILABLE");
  }

  @Test
  void ensureConnection_whenTheCreateWasDropped_findsTheNewOneByListing_andWaitsForUser(AtlasSimulator atlas,
      AtlasClient client) {
    Provisioner provisioner = provisioner(client);
    atlas.faults().next(Operation.CREATE_PRIVATE_ENDPOINT_CONNECTION, Fault.createdThenDropped());

    Ensured<?> ensured = provisioner.ensureConnection(PROJECT, "us-east-2");

    assertThat(ensured.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(atlas.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT_CONNECTION)).hasSize(1);
    assertThat(provisioner.awaitAvailable(ensured.ref(), Duration.ofMinutes(1)).status())
        .isEqualTo("WAITING_FOR_USER");
  }

  @Test
  void ensureConnection_conflictWithAnExistingService_reachesTheCaller(AtlasSimulator atlas, AtlasClient client) {
    client.api(PrivateEndpointServicesApi.class).createPrivateEndpointService(PROJECT,
        new CloudProviderEndpointServiceRequest().providerName(CloudProvider.AWS).region("us-east-2"));

    assertThatThrownBy(() -> provisioner(client).ensureConnection(PROJECT, "us-east-2"))
        .isInstanceOf(dev.atlasendpoints.core.errors.AtlasConflictException.class);
  }
}
