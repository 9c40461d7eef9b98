package dev.atlasendpoints.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.core.HttpSettings;
import dev.atlasendpoints.core.errors.AtlasServerException;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CloudProviderEndpointServiceRequest;
import dev.atlasendpoints.generated.model.EndpointService;
import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.Fault;
import dev.atlasendpoints.simulator.Operation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reads are safe to repeat: the retry layer sends them again after 5xx and timeouts; creates it does not. */
class ReadRetriesTest {

  private static final RetrySettings FAST = RetrySettings.builder().initialBackoff(Duration.ofMillis(10))
      .maxBackoff(Duration.ofMillis(50)).build();

  @Test
  void aReadThatMeets5xxOrTimesOut_isRetried_andSucceeds_whileACreateIsNot() {
    Harness.Events events = new Harness.Events();
    try (AtlasSimulator simulator = AtlasSimulator.builder().apiKey(ApiKey.of("public", "private")).start();
        AtlasClient client = AtlasClient.builder().baseUrl(simulator.baseUri().toString()).apiKey("public", "private")
            .httpSettings(HttpSettings.builder().readTimeout(Duration.ofMillis(500)).build())
            .layer(RetryLayer.of(FAST)).listener(events).build()) {
      PrivateEndpointServicesApi api = client.api(PrivateEndpointServicesApi.class);
      EndpointService created = api.createPrivateEndpointService(Harness.PROJECT, service("us-east-1"));
      simulator.faults().next(Operation.GET_PRIVATE_ENDPOINT_SERVICE, Fault.serviceUnavailable());
      simulator.faults().next(Operation.GET_PRIVATE_ENDPOINT_SERVICE, Fault.latency(Duration.ofSeconds(2)));
      simulator.faults().next(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, Fault.serviceUnavailable());

      EndpointService read = api.getPrivateEndpointService(Harness.PROJECT, CloudProvider.AWS, created.getId());
      assertThatThrownBy(() -> api.createPrivateEndpointService(Harness.PROJECT, service("us-east-2")))
          .isInstanceOf(AtlasServerException.class);

      assertThat(read.getId()).isEqualTo(created.getId());
      assertThat(events.retries).containsExactly("getPrivateEndpointService:1:503",
          "getPrivateEndpointService:2:AtlasTimeoutException");
      assertThat(simulator.counters().requests(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)).isEqualTo(3);
    }
  }

  private static CloudProviderEndpointServiceRequest service(String region) {
    return new CloudProviderEndpointServiceRequest().providerName(CloudProvider.AWS).region(region);
  }
}
