package dev.atlasendpoints.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CloudProviderEndpointServiceRequest;
import dev.atlasendpoints.generated.model.EndpointService;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.Operation;
import dev.atlasendpoints.simulator.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** What {@code @AtlasSimulatorTest} injects, and that it works against the simulator over a socket. */
@AtlasSimulatorTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the fresh-simulator test runs after one that creates
class InjectionTest {

  static final String PROJECT = "32b6e34b3d91647abb20e7b8";

  private AtlasSimulator seenBeforeEach;

  @BeforeEach
  void before(AtlasSimulator simulator) {
    seenBeforeEach = simulator;
  }

  @Test
  @Order(1)
  void injectsTheSimulator_aClientPointedAtIt_andItsApis(AtlasSimulator simulator, AtlasClient client,
      PrivateEndpointServicesApi services, ServerlessPrivateEndpointsApi serverless) {
    EndpointService created = services.createPrivateEndpointService(PROJECT,
        new CloudProviderEndpointServiceRequest().providerName(CloudProvider.AWS).region("us-east-1"));
    serverless.createServerlessPrivateEndpoint(PROJECT, "instance-1", new ServerlessTenantCreateRequest());

    assertThat(simulator).isSameAs(seenBeforeEach);
    assertThat(client.baseUrl()).isEqualTo(simulator.baseUri().toString());
    assertThat(simulator.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)).singleElement()
        .satisfies(resource -> assertThat(resource.id()).isEqualTo(created.getId()));
    assertThat(simulator.counters().creates(Operation.CREATE_SERVERLESS_PRIVATE_ENDPOINT)).isEqualTo(1);
    assertThat(lastAuthorization(simulator)).isEqualTo("Digest"); // the simulator records only the scheme
  }

  @Test
  @Order(2)
  void eachTestMethod_getsAFreshSimulator(AtlasSimulator simulator) {
    assertThat(simulator.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)).isEmpty();
    assertThat(simulator.counters().requests()).isZero();
  }

  static String lastAuthorization(AtlasSimulator simulator) {
    return simulator.requests().stream().map((RecordedRequest r) -> r.header("Authorization"))
        .filter(header -> header != null).reduce((first, second) -> second).orElse(null);
  }

  @Nested
  @AtlasSimulatorTest(auth = SimulatorAuth.SERVICE_ACCOUNT)
  class WithAServiceAccount {

    @Test
    void theClientSendsBearerTokens(AtlasSimulator simulator, PrivateEndpointServicesApi services) {
      services.createPrivateEndpointService(PROJECT,
          new CloudProviderEndpointServiceRequest().providerName(CloudProvider.AWS).region("us-east-1"));

      assertThat(lastAuthorization(simulator)).isEqualTo("Bearer");
      assertThat(simulator.counters().tokensIssued()).isEqualTo(1);
    }
  }
}
