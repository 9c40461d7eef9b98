package dev.atlasendpoints.examples;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CloudProviderEndpointServiceRequest;
import dev.atlasendpoints.generated.model.EndpointService;
import dev.atlasendpoints.metrics.AtlasMetrics;
import dev.atlasendpoints.provisioning.Ensured;
import dev.atlasendpoints.provisioning.Provisioner;
import dev.atlasendpoints.resilience.RateLimitLayer;
import dev.atlasendpoints.resilience.RateLimitSettings;
import dev.atlasendpoints.resilience.RetryLayer;
import dev.atlasendpoints.resilience.RetrySettings;
import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.Fault;
import dev.atlasendpoints.simulator.Operation;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/** The README's quick-start snippets, kept here so that they compile with every build. */
final class QuickStart {

  private QuickStart() {}

  // [core]
  static EndpointService createService(String projectId) {
    try (AtlasClient atlas = AtlasClient.builder()
        .apiKey(System.getenv("ATLAS_PUBLIC_KEY"), System.getenv("ATLAS_PRIVATE_KEY"))
        .build()) {
      return atlas.api(PrivateEndpointServicesApi.class).createPrivateEndpointService(projectId,
          new CloudProviderEndpointServiceRequest().providerName(CloudProvider.AWS).region("us-east-1"));
    }
  }
  // [core]

  // [service-account]
  static AtlasClient serviceAccountClient() {
    return AtlasClient.builder()
        .serviceAccount(System.getenv("ATLAS_CLIENT_ID"), System.getenv("ATLAS_CLIENT_SECRET"))
        .build();
  }
  // [service-account]

  // [resilience-metrics]
  static AtlasClient resilientObservedClient(MeterRegistry registry) {
    AtlasMetrics metrics = AtlasMetrics.of(registry);
    return AtlasClient.builder()
        .apiKey(System.getenv("ATLAS_PUBLIC_KEY"), System.getenv("ATLAS_PRIVATE_KEY"))
        .layer(RetryLayer.of(RetrySettings.defaults()))
        .layer(RateLimitLayer.of(RateLimitSettings.defaults()))
        .layer(metrics.callLayer())
        .layer(metrics.exchangeLayer())
        .listener(metrics.eventListener())
        .build();
  }
  // [resilience-metrics]

  // [provisioning]
  static EndpointService usableService(AtlasClient client, String projectId) {
    Provisioner provisioner = Provisioner.of(client);
    Ensured<EndpointService> service = provisioner.ensureEndpointServiceAvailable(projectId, CloudProvider.AWS,
        "us-east-1", Duration.ofMinutes(30),
        change -> System.out.println(change.status() + " after " + change.elapsed().toSeconds() + " s"));
    System.out.println(service.created() ? "created" : "adopted the existing one");
    return service.resource();
  }
  // [provisioning]

  // [simulator]
  static void testAgainstTheSimulator() {
    try (AtlasSimulator atlas = AtlasSimulator.builder().apiKey(ApiKey.of("test-public", "test-private")).start();
        AtlasClient client = AtlasClient.builder().baseUrl(atlas.baseUri().toString())
            .apiKey("test-public", "test-private").build()) {
      atlas.faults().next(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, Fault.serviceUnavailable(1));
      // ... exercise your code with `client`, then assert on atlas.inventory() and atlas.counters()
    }
  }
  // [simulator]
}
