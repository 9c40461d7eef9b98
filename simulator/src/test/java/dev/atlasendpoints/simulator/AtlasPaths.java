package dev.atlasendpoints.simulator;

import static dev.atlasendpoints.simulator.TestClient.PROJECT;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The paths of the simulator's operations in {@link TestClient#PROJECT}, for the version asked. */
final class AtlasPaths {

  /** The API versions the paths exist in. */
  enum Version {
    V1("/api/atlas/v1.0"), V2("/api/atlas/v2");

    private final String prefix;

    Version(String prefix) {
      this.prefix = prefix;
    }
  }

  private AtlasPaths() {}

  /** {@code .../groups/{groupId}/privateEndpoint}: the legacy connections' list and create (v1.0). */
  static String privateEndpoint(Version version) {
    return version.prefix + "/groups/" + PROJECT + "/privateEndpoint";
  }

  /** Where {@code createPrivateEndpointService} creates (v2). */
  static String serviceCreate() {
    return privateEndpoint(Version.V2) + "/endpointService";
  }

  /** The provider's services: {@code listPrivateEndpointService(V1)}. */
  static String services(Version version, String provider) {
    return privateEndpoint(version) + "/" + provider + "/endpointService";
  }

  /** One service: {@code getPrivateEndpointService(V1)}. */
  static String service(Version version, String provider, String serviceId) {
    return services(version, provider) + "/" + serviceId;
  }

  /** The service's endpoints: {@code createPrivateEndpoint} (v2). */
  static String endpoints(String provider, String serviceId) {
    return service(Version.V2, provider, serviceId) + "/endpoint";
  }

  /** One endpoint, its id URL-encoded as a client must: {@code getPrivateEndpoint(V1)}. */
  static String endpoint(Version version, String provider, String serviceId, String endpointId) {
    return service(version, provider, serviceId) + "/endpoint/" + URLEncoder.encode(endpointId, StandardCharsets.UTF_8);
  }

  /** The instance's serverless endpoints: their list and create. */
  static String serverless(Version version, String instanceName) {
    return privateEndpoint(version) + "/serverless/instance/" + instanceName + "/endpoint";
  }

  /** One serverless endpoint. */
  static String serverlessEndpoint(Version version, String instanceName, String id) {
    return serverless(version, instanceName) + "/" + id;
  }

  /** One legacy connection: {@code getPrivateEndpointConnection} (v1.0). */
  static String legacyConnection(String id) {
    return privateEndpoint(Version.V1) + "/" + id;
  }
}
