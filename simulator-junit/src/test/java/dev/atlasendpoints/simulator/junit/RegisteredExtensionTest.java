package dev.atlasendpoints.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlasendpoints.core.ClientLayer;
import dev.atlasendpoints.core.LayerPosition;
import dev.atlasendpoints.core.errors.AtlasServerException;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CloudProviderEndpointServiceRequest;
import dev.atlasendpoints.simulator.Fault;
import dev.atlasendpoints.simulator.Operation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code @RegisterExtension} form: its options reach the simulator and the client. */
class RegisteredExtensionTest {

  private static final CloudProviderEndpointServiceRequest AWS =
      new CloudProviderEndpointServiceRequest().providerName(CloudProvider.AWS).region("us-east-1");

  @Nested
  class ClientOptions {

    private final List<String> operations = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final AtlasSimulatorExtension atlas = AtlasSimulatorExtension.builder()
        .configureClient(client -> client.layer(ClientLayer.of(LayerPosition.EXCHANGE, "recorder",
            (next, context) -> (request, options) -> {
              operations.add(context.call(request).operation().operationId());
              return next.execute(request, options);
            })))
        .build();

    @Test
    void theClientHasTheLayersItWasGiven() {
      atlas.api(PrivateEndpointServicesApi.class).createPrivateEndpointService(InjectionTest.PROJECT, AWS);

      assertThat(operations).contains("createPrivateEndpointService");
      assertThat(atlas.simulator().counters().creates(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)).isEqualTo(1);
      assertThat(atlas.client().baseUrl()).isEqualTo(atlas.simulator().baseUri().toString());
    }
  }

  @Nested
  class ClientOptionsThatPointElsewhere {

    @RegisterExtension
    final AtlasSimulatorExtension atlas = AtlasSimulatorExtension.builder()
        .configureClient(client -> client.baseUrl("http://127.0.0.1:9").apiKey("someone", "else"))
        .build();

    @Test
    void theInjectedClient_stillTalksToTheSimulator_withItsCredentials(PrivateEndpointServicesApi services) {
      services.createPrivateEndpointService(InjectionTest.PROJECT, AWS); // other keys would be refused

      assertThat(atlas.client().baseUrl()).isEqualTo(atlas.simulator().baseUri().toString());
      assertThat(atlas.simulator().counters().creates(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)).isEqualTo(1);
    }
  }

  @Nested
  class SimulatorOptions {

    @RegisterExtension
    final AtlasSimulatorExtension atlas = AtlasSimulatorExtension.builder()
        .configureSimulator(simulator -> simulator.initialFault(1.0, Fault.internalServerError()))
        .build();

    @Test
    void theSimulatorHasTheOptionsItWasGiven(PrivateEndpointServicesApi services) {
      assertThatThrownBy(() -> services.createPrivateEndpointService(InjectionTest.PROJECT, AWS))
          .isInstanceOf(AtlasServerException.class);
      assertThat(atlas.simulator().counters().faultsInjected()).isEqualTo(1);
    }
  }

  @Test
  void theAccessors_outsideARunningTest_sayWhy() {
    AtlasSimulatorExtension unregistered = AtlasSimulatorExtension.builder().build();

    assertThatThrownBy(unregistered::simulator).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no Atlas simulator is running").hasMessageContaining("@RegisterExtension");
  }
}
