package dev.atlasendpoints.observation;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.core.ClientLayer;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CloudProviderEndpointServiceRequest;
import dev.atlasendpoints.generated.model.EndpointService;
import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import io.micrometer.observation.ObservationRegistry;

/** A simulator and a client observed into a registry, closed together: the fixture of this module's tests. */
final class SimulatedCalls implements AutoCloseable {

  static final String PROJECT = "32b6e34b3d91647abb20e7b8";
  static final String SECRET = "s3cret-value-of-the-key";

  final AtlasSimulator simulator = AtlasSimulator.builder().apiKey(ApiKey.of("public", SECRET)).start();
  final AtlasClient client;

  SimulatedCalls(ObservationRegistry registry, ClientLayer... extra) {
    AtlasObservations observations = AtlasObservations.of(registry);
    AtlasClient.Builder builder = AtlasClient.builder().baseUrl(simulator.baseUri().toString())
        .apiKey("public", SECRET).layer(observations.callLayer()).layer(observations.exchangeLayer());
    for (ClientLayer layer : extra) {
      builder.layer(layer);
    }
    client = builder.build();
  }

  EndpointService createService(String region) {
    return client.api(PrivateEndpointServicesApi.class).createPrivateEndpointService(PROJECT,
        new CloudProviderEndpointServiceRequest().providerName(CloudProvider.AWS).region(region));
  }

  @Override
  public void close() {
    client.close();
    simulator.close();
  }
}
