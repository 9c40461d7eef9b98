package dev.atlasendpoints.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the creates do to the inventory, and their answers: each resource in its first status. Each
 * new resource gets its {@link StatusTimeline} at the moment it is sure to be created, so that a
 * conflict uses up no scripted failure.
 */
record CreateHandlers(Inventory inventory, StatusTimelines timelines, Map<String, String> serverlessProviders) {

  CreateHandlers {
    serverlessProviders = Map.copyOf(serverlessProviders);
  }

  /** {@code createPrivateEndpointConnection}: an AWS service, answered in the legacy form. */
  SimulatorResponse legacyConnection(String projectId, JsonNode body) {
    String region = RegionNames.atlasStyle(body.get("region").asText());
    Optional<EndpointServiceRecord> added = inventory.addEndpointService(projectId, "AWS", region,
        id -> new EndpointServiceRecord(projectId, id, "AWS", region, true, null, false,
            timelines.endpointService(region, true)));
    return added.map(service -> answer(new StoredResource(Operation.CREATE_PRIVATE_ENDPOINT_CONNECTION, projectId,
            service.id(), Representations.legacyConnection(service, service.timeline().initialStatus(), null,
                List.of()))))
        .orElseGet(() -> ResourceErrors.serviceAlreadyExists("AWS", region));
  }

  /** {@code createPrivateEndpointService}. */
  SimulatorResponse endpointService(String projectId, JsonNode body) {
    String provider = body.get("providerName").asText();
    String region = RegionNames.atlasStyle(body.get("region").asText());
    JsonNode remote = body.path("supportedRemoteRegions");
    List<String> remoteRegions = remote.isArray() ? textsOf(remote) : null;
    boolean portMapping = body.path("portMappingEnabled").asBoolean(false);
    Optional<EndpointServiceRecord> added = inventory.addEndpointService(projectId, provider, region,
        id -> new EndpointServiceRecord(projectId, id, provider, region, false, remoteRegions, portMapping,
            timelines.endpointService(region, false)));
    return added.map(service -> answer(new StoredResource(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, projectId,
            service.id(), Representations.endpointService(service, service.timeline().initialStatus(), null,
                List.of()))))
        .orElseGet(() -> ResourceErrors.serviceAlreadyExists(provider, region));
  }

  /** {@code createPrivateEndpoint}: under an existing service of the path's provider; one per id. */
  SimulatorResponse endpoint(String projectId, String provider, String serviceId, JsonNode body) {
    Optional<EndpointServiceRecord> service = inventory.endpointService(projectId, serviceId)
        .filter(s -> s.cloudProvider().equals(provider));
    if (service.isEmpty()) {
      return ResourceErrors.noServiceToConnectTo(provider, serviceId, projectId);
    }
    String endpointId = body.get(provider.equals("GCP") ? "endpointGroupName" : "id").asText();
    boolean portMapping = service.get().portMappingEnabled();
    Optional<EndpointRecord> added = inventory.addEndpoint(serviceId, endpointId, () -> {
      StatusTimeline timeline = timelines.endpoint(provider, endpointId);
      ObjectNode representation = Representations.newEndpoint(provider, endpointId, body, portMapping,
          timeline.initialStatus());
      return new EndpointRecord(serviceId, provider,
          new StoredResource(Operation.CREATE_PRIVATE_ENDPOINT, projectId, endpointId, representation), timeline);
    });
    return added.map(endpoint -> answer(endpoint.created()))
        .orElseGet(() -> ResourceErrors.endpointAlreadyExists(endpointId, serviceId));
  }

  /** Either serverless create: the instance's provider is AWS unless the settings declare it AZURE. */
  SimulatorResponse serverlessEndpoint(Operation operation, String projectId, String instanceName, JsonNode body) {
    String provider = serverlessProviders.getOrDefault(instanceName, "AWS");
    String id = inventory.newId();
    StatusTimeline timeline = timelines.serverlessEndpoint(instanceName);
    StoredResource created = new StoredResource(operation, projectId, id,
        Representations.newServerlessEndpoint(id, provider, body.get("comment"), timeline.initialStatus()));
    inventory.addServerlessEndpoint(new ServerlessEndpointRecord(instanceName, created, timeline));
    return answer(created);
  }

  /** Keeps what a create made for {@link Inventory#resources()}, and answers it. */
  private SimulatorResponse answer(StoredResource created) {
    inventory.recordCreated(created);
    return SimulatorResponse.success(created.operation(), created.body());
  }

  private static List<String> textsOf(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
