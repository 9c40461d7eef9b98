package dev.atlasendpoints.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * What each operation does to the inventory once a request has passed authentication, limits and
 * validation, and the representation it answers with (field names exactly as the live service).
 */
final class OperationHandlers {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Inventory inventory;
  private final Map<String, String> serverlessProviders;

  OperationHandlers(Inventory inventory, Map<String, String> serverlessProviders) {
    this.inventory = inventory;
    this.serverlessProviders = Map.copyOf(serverlessProviders);
  }

  SimulatorResponse perform(Operation operation, String projectId, Map<String, String> path, JsonNode body) {
    return switch (operation) {
      case CREATE_PRIVATE_ENDPOINT_CONNECTION -> createLegacyConnection(projectId, body);
      case CREATE_PRIVATE_ENDPOINT_SERVICE -> createEndpointService(projectId, body);
      case CREATE_PRIVATE_ENDPOINT -> createEndpoint(projectId, path, body);
      case CREATE_SERVERLESS_PRIVATE_ENDPOINT, CREATE_SERVERLESS_PRIVATE_ENDPOINT_V1 ->
          createServerlessEndpoint(operation, projectId, path.get("instanceName"), body);
    };
  }

  /** Atlas style region names: {@code us-east-1} becomes {@code US_EAST_1}. */
  static String atlasRegionName(String region) {
    return region.trim().toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private SimulatorResponse createLegacyConnection(String projectId, JsonNode body) {
    String region = atlasRegionName(body.get("region").asText());
    return inventory.addEndpointService(Operation.CREATE_PRIVATE_ENDPOINT_CONNECTION, projectId, "AWS", region,
            id -> {
              ObjectNode connection = JSON.objectNode();
              connection.putNull("endpointServiceName");
              connection.putNull("errorMessage");
              connection.put("id", id);
              connection.putArray("interfaceEndpoints");
              connection.put("status", "INITIATING");
              return connection;
            })
        .map(service -> success(Operation.CREATE_PRIVATE_ENDPOINT_CONNECTION, service.representation()))
        .orElseGet(() -> alreadyExists("AWS", region));
  }

  private SimulatorResponse createEndpointService(String projectId, JsonNode body) {
    String provider = body.get("providerName").asText();
    String region = atlasRegionName(body.get("region").asText());
    return inventory.addEndpointService(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, projectId, provider, region,
            id -> endpointServiceRepresentation(id, provider, region, body))
        .map(service -> success(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, service.representation()))
        .orElseGet(() -> alreadyExists(provider, region));
  }

  private static ObjectNode endpointServiceRepresentation(String id, String provider, String region, JsonNode body) {
    ObjectNode service = JSON.objectNode();
    service.put("cloudProvider", provider);
    switch (provider) {
      case "AWS" -> {
        service.putNull("endpointServiceName");
        service.putNull("errorMessage");
        service.put("id", id);
        service.putArray("interfaceEndpoints");
        service.put("regionName", region);
        service.put("status", "INITIATING");
        JsonNode remote = body.get("supportedRemoteRegions");
        service.set("supportedRemoteRegions", remote == null ? JSON.nullNode() : remote.deepCopy());
      }
      case "AZURE" -> {
        service.putNull("errorMessage");
        service.put("id", id);
        service.putArray("privateEndpoints");
        service.putNull("privateLinkServiceName");
        service.putNull("privateLinkServiceResourceId");
        service.put("regionName", region);
        service.put("status", "INITIATING");
      }
      default -> {
        service.putArray("endpointGroupNames");
        service.putNull("errorMessage");
        service.put("id", id);
        service.put("portMappingEnabled", body.path("portMappingEnabled").asBoolean(false));
        service.put("regionName", region);
        service.putArray("serviceAttachmentNames");
        service.put("status", "INITIATING");
      }
    }
    return service;
  }

  private SimulatorResponse createEndpoint(String projectId, Map<String, String> path, JsonNode body) {
    String provider = path.get("cloudProvider");
    String serviceId = path.get("endpointServiceId");
    var service = inventory.endpointService(projectId, serviceId)
        .filter(s -> s.cloudProvider().equals(provider));
    if (service.isEmpty()) {
      return SimulatorResponse.error(404, "RESOURCE_NOT_FOUND", "Not Found",
          "No " + provider + " private endpoint service " + serviceId + " exists in project " + projectId + ".");
    }
    ObjectNode endpoint = JSON.objectNode();
    endpoint.put("cloudProvider", provider);
    endpoint.put("deleteRequested", false);
    endpoint.putNull("errorMessage");
    String id;
    switch (provider) {
      case "AWS" -> {
        id = body.get("id").asText();
        endpoint.put("connectionStatus", "PENDING_ACCEPTANCE");
        endpoint.put("interfaceEndpointId", id);
      }
      case "AZURE" -> {
        id = body.get("id").asText();
        endpoint.putNull("privateEndpointConnectionName");
        endpoint.put("privateEndpointIPAddress", body.get("privateEndpointIPAddress").asText());
        endpoint.put("privateEndpointResourceId", id);
        endpoint.put("status", "INITIATING");
      }
      default -> {
        id = body.get("endpointGroupName").asText();
        endpoint.put("endpointGroupName", id);
        ArrayNode rules = endpoint.putArray("endpoints");
        body.path("endpoints").forEach(rule -> rules.addObject()
            .put("endpointName", rule.path("endpointName").asText(null))
            .put("ipAddress", rule.path("ipAddress").asText(null))
            .put("status", "INITIATING"));
        endpoint.put("gcpProjectId", body.get("gcpProjectId").asText());
        endpoint.put("portMappingEnabled", service.get().representation().path("portMappingEnabled").asBoolean(false));
        endpoint.put("status", "INITIATING");
      }
    }
    inventory.add(new StoredResource(Operation.CREATE_PRIVATE_ENDPOINT, projectId, id, endpoint));
    return success(Operation.CREATE_PRIVATE_ENDPOINT, endpoint);
  }

  private SimulatorResponse createServerlessEndpoint(Operation operation, String projectId, String instance,
      JsonNode body) {
    String provider = serverlessProviders.getOrDefault(instance, "AWS");
    String id = inventory.newId();
    ObjectNode endpoint = JSON.objectNode();
    endpoint.put("_id", id);
    endpoint.putNull("cloudProviderEndpointId");
    JsonNode comment = body.get("comment");
    endpoint.set("comment", comment == null ? JSON.nullNode() : comment.deepCopy());
    endpoint.putNull("endpointServiceName");
    endpoint.putNull("errorMessage");
    if (provider.equals("AZURE")) {
      endpoint.putNull("privateEndpointIpAddress");
      endpoint.putNull("privateLinkServiceResourceId");
    }
    endpoint.put("providerName", provider);
    endpoint.put("status", "RESERVATION_REQUESTED");
    inventory.add(new StoredResource(operation, projectId, id, endpoint));
    return success(operation, endpoint);
  }

  private static SimulatorResponse success(Operation operation, ObjectNode body) {
    return SimulatorResponse.json(operation.successStatus(), operation.mediaType(), body);
  }

  private static SimulatorResponse alreadyExists(String provider, String region) {
    return SimulatorResponse.error(409, "PRIVATE_ENDPOINT_SERVICE_ALREADY_EXISTS_FOR_REGION", "Conflict",
        "A private endpoint service for " + provider + " in " + region + " already exists.", provider, region);
  }
}
