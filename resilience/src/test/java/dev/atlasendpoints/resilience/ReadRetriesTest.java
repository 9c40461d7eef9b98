package dev.atlasendpoints.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.core.AtlasClient;
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

/** Reads are safe to repeat: the retry layer sends them again after 5xx, unlike creates. */
class ReadRetriesTest {

  private static final RetrySettings FAST = RetrySettings.builder().initialBackoff(Duration.ofMillis(10))
      .maxBackoff(Duration.ofMillis(50)).build();

  @Test
  void aReadThatMeets5xx_isRetried_andSucceeds_whereACreateWouldNotBe() {
    Harness.Events events = new Harness.Events();
    try (AtlasSimulator simulator = AtlasSimulator.builder().apiKey(ApiKey.of("public", "private")).start();
        AtlasClient client = AtlasClient.builder().baseUrl(simulator.baseUri().toString()).apiKey("public", "private")
            .layer(RetryLayer.of(FAST)).listener(events).build()) {
      PrivateEndpointServicesApi api = client.api(PrivateEndpointServicesApi.class);
      EndpointService created = api.createPrivateEndpointService(Harness.PROJECT, new CloudProviderEndpointServiceRequest()
          .providerName(CloudProvider.AWS).region("us-east-1"), null, null);
      simulator.faults().next(Operation.GET_PRIVATE_ENDPOINT_SERVICE, Fault.serviceUnavailable());
      simulator.faults().next(Operation.GET_PRIVATE_ENDPOINT_SERVICE, Fault.badGateway());
      // (A dropped answer to a GET is resent by the JDK's HTTP client itself, below the SDK: reads are
      // idempotent. StandardRetryPolicyTest covers the rule for ambiguous reads.)

      EndpointService read = api.getPrivateEndpointService(Harness.PROJECT, CloudProvider.AWS, created.getId(), null,
          null);

      assertThat(read.getId()).isEqualTo(created.getId());
      assertThat(events.retries).containsExactly("getPrivateEndpointService:1:503", "getPrivateEndpointService:2:502");
      assertThat(simulator.inventory().resources()).hasSize(1);
    }
  }
}
