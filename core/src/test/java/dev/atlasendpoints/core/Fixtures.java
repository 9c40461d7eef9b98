package dev.atlasendpoints.core;

import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CloudProviderEndpointServiceRequest;
import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;

/** Shared values of the core tests. */
final class Fixtures {

  static final String PROJECT = "32b6e34b3d91647abb20e7b8";
  static final String PUBLIC_KEY = "test-public-key";
  static final String PRIVATE_KEY = "test-private-key-5ecret";

  private Fixtures() {}

  static AtlasSimulator.Builder simulator() {
    return AtlasSimulator.builder().apiKey(ApiKey.of(PUBLIC_KEY, PRIVATE_KEY));
  }

  static AtlasClient.Builder client(AtlasSimulator simulator) {
    return apiKeyClient().baseUrl(simulator.baseUri().toString());
  }

  /** A client builder with the test API key and no base URL yet. */
  static AtlasClient.Builder apiKeyClient() {
    return AtlasClient.builder().apiKey(PUBLIC_KEY, PRIVATE_KEY);
  }

  static CloudProviderEndpointServiceRequest awsService(String region) {
    return new CloudProviderEndpointServiceRequest().providerName(CloudProvider.AWS).region(region);
  }
}
