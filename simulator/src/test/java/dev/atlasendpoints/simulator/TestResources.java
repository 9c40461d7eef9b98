package dev.atlasendpoints.simulator;

import static dev.atlasendpoints.simulator.TestClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Creates resources through a signed {@link TestClient}, failing at once when a create does not succeed. */
final class TestResources {

  static final String VPCE = "vpce-0123456789abcdef0";
  static final String AZURE_ID = "/subscriptions/abc/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe1";
  static final String GCP_GROUP = "group-1";

  private TestResources() {}

  /** {@code createPrivateEndpointService}; the answer's body. */
  static JsonNode service(TestClient client, String provider, String region) throws IOException, InterruptedException {
    return created(client.post(AtlasPaths.serviceCreate(),
        "{\"providerName\":\"" + provider + "\",\"region\":\"" + region + "\"}"));
  }

  /** {@code createPrivateEndpointConnection}; the answer's body. */
  static JsonNode legacyConnection(TestClient client, String region) throws IOException, InterruptedException {
    return created(client.post(AtlasPaths.privateEndpoint(AtlasPaths.Version.V1),
        "{\"providerName\":\"AWS\",\"region\":\"" + region + "\"}"));
  }

  /** {@code createPrivateEndpoint} with the provider's body for {@code endpointId}; the answer's body. */
  static JsonNode endpoint(TestClient client, String provider, String serviceId, String endpointId)
      throws IOException, InterruptedException {
    return created(client.post(AtlasPaths.endpoints(provider, serviceId), endpointBody(provider, endpointId)));
  }

  /**
   * One service per provider (AWS us-east-1, AZURE eastus2, GCP us-central1), each with one endpoint:
   * {@link #VPCE}, {@link #AZURE_ID}, {@link #GCP_GROUP}.
   *
   * @return the services' ids by provider
   */
  static Map<String, String> servicesWithAnEndpointEach(TestClient client) throws IOException, InterruptedException {
    Map<String, String> services = new LinkedHashMap<>();
    services.put("AWS", service(client, "AWS", "us-east-1").get("id").asText());
    services.put("AZURE", service(client, "AZURE", "eastus2").get("id").asText());
    services.put("GCP", service(client, "GCP", "us-central1").get("id").asText());
    endpoint(client, "AWS", services.get("AWS"), VPCE);
    endpoint(client, "AZURE", services.get("AZURE"), AZURE_ID);
    endpoint(client, "GCP", services.get("GCP"), GCP_GROUP);
    return services;
  }

  /** The body of a {@code createPrivateEndpoint} for {@code endpointId} in the provider's form. */
  static String endpointBody(String provider, String endpointId) {
    return switch (provider) {
      case "AWS" -> "{\"id\":\"" + endpointId + "\"}";
      case "AZURE" -> "{\"id\":\"" + endpointId + "\",\"privateEndpointIPAddress\":\"10.0.0.4\"}";
      default -> "{\"endpointGroupName\":\"" + endpointId + "\",\"gcpProjectId\":\"p-fdeeb3e43b8e733e5ab627b1\","
          + "\"endpoints\":[{\"endpointName\":\"rule-0\",\"ipAddress\":\"10.1.0.2\"}]}";
    };
  }

  /** A serverless create in {@code version}; the answer's body. */
  static JsonNode serverless(TestClient client, AtlasPaths.Version version, String instanceName)
      throws IOException, InterruptedException {
    return created(client.post(AtlasPaths.serverless(version, instanceName), "{\"comment\":\"c\"}"));
  }

  private static JsonNode created(HttpResponse<String> response) throws IOException {
    if (response.statusCode() / 100 != 2) {
      throw new AssertionError("the create failed: " + response.statusCode() + " " + response.body());
    }
    return json(response);
  }
}
