package dev.atlasendpoints.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON the simulator answers with, field names and explicit {@code null}s exactly as the live
 * service's, for creates (in a resource's first status) and reads (in its status at the time) alike.
 */
final class Representations {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Representations() {}

  /**
   * An {@code EndpointService} in its provider's form.
   *
   * @param endpointIds the ids of the endpoints connected to it
   */
  static ObjectNode endpointService(EndpointServiceRecord service, String status, String errorMessage,
      List<String> endpointIds) {
    ObjectNode node = JSON.objectNode();
    node.put("cloudProvider", service.cloudProvider());
    // The names a user needs to build the cloud side appear once the service is ready.
    boolean ready = status.equals("AVAILABLE") || status.equals("WAITING_FOR_USER");
    switch (service.cloudProvider()) {
      case "AWS" -> {
        if (ready) {
          node.put("endpointServiceName", "com.amazonaws.vpce." + service.regionName().toLowerCase(java.util.Locale.ROOT)
              .replace('_', '-') + ".vpce-svc-" + service.id());
        } else {
          node.putNull("endpointServiceName");
        }
        node.put("errorMessage", errorMessage);
        node.put("id", service.id());
        node.set("interfaceEndpoints", strings(endpointIds));
        node.put("regionName", service.regionName());
        node.put("status", status);
        List<String> remote = service.supportedRemoteRegions();
        node.set("supportedRemoteRegions", remote == null ? JSON.nullNode() : strings(remote));
      }
      case "AZURE" -> {
        node.put("errorMessage", errorMessage);
        node.put("id", service.id());
        node.set("privateEndpoints", strings(endpointIds));
        if (ready) {
          node.put("privateLinkServiceName", "pls_" + service.id());
          node.put("privateLinkServiceResourceId", "/subscriptions/atlas/resourceGroups/atlas/providers/"
              + "Microsoft.Network/privateLinkServices/pls_" + service.id());
        } else {
          node.putNull("privateLinkServiceName");
          node.putNull("privateLinkServiceResourceId");
        }
        node.put("regionName", service.regionName());
        node.put("status", status);
      }
      default -> {
        node.set("endpointGroupNames", strings(endpointIds));
        node.put("errorMessage", errorMessage);
        node.put("id", service.id());
        node.put("portMappingEnabled", service.portMappingEnabled());
        node.put("regionName", service.regionName());
        ArrayNode attachments = node.putArray("serviceAttachmentNames");
        if (ready) {
          attachments.add("projects/p-atlas/regions/" + service.regionName().toLowerCase(java.util.Locale.ROOT)
              + "/serviceAttachments/sa-" + service.id());
        }
        node.put("status", status);
      }
    }
    return node;
  }

  /** A legacy {@code PrivateEndpointConnection}: an AWS service in the v1.0 form, without {@code cloudProvider}. */
  static ObjectNode legacyConnection(EndpointServiceRecord service, String status, String errorMessage,
      List<String> endpointIds) {
    ObjectNode node = JSON.objectNode();
    node.putNull("endpointServiceName");
    node.put("errorMessage", errorMessage);
    node.put("id", service.id());
    node.set("interfaceEndpoints", strings(endpointIds));
    node.put("status", status);
    return node;
  }

  /**
   * A new {@code PrivateLinkEndpoint} in its provider's form, from the create's validated body.
   *
   * @param portMappingEnabled the service's (GCP)
   */
  static ObjectNode newEndpoint(String cloudProvider, String endpointId, JsonNode body, boolean portMappingEnabled,
      String status) {
    ObjectNode node = JSON.objectNode();
    node.put("cloudProvider", cloudProvider);
    node.put("deleteRequested", false);
    node.putNull("errorMessage");
    switch (cloudProvider) {
      case "AWS" -> {
        node.put("connectionStatus", status);
        node.put("interfaceEndpointId", endpointId);
      }
      case "AZURE" -> {
        node.putNull("privateEndpointConnectionName");
        node.put("privateEndpointIPAddress", body.get("privateEndpointIPAddress").asText());
        node.put("privateEndpointResourceId", endpointId);
        node.put("status", status);
      }
      default -> {
        node.put("endpointGroupName", endpointId);
        ArrayNode rules = node.putArray("endpoints");
        body.path("endpoints").forEach(rule -> rules.addObject()
            .put("endpointName", rule.path("endpointName").asText(null))
            .put("ipAddress", rule.path("ipAddress").asText(null))
            .put("status", status));
        node.put("gcpProjectId", body.get("gcpProjectId").asText());
        node.put("portMappingEnabled", portMappingEnabled);
        node.put("status", status);
      }
    }
    return node;
  }

  /** The endpoint as created, now in {@code status} (its forwarding rules too) with {@code errorMessage}. */
  static ObjectNode endpoint(EndpointRecord endpoint, String status, String errorMessage) {
    String statusField = endpoint.cloudProvider().equals("AWS") ? "connectionStatus" : "status";
    ObjectNode node = withStatus(endpoint.created(), statusField, status, errorMessage);
    node.path("endpoints").forEach(rule -> ((ObjectNode) rule).put("status", status));
    return node;
  }

  /** A new {@code ServerlessTenantEndpoint}; the AZURE form adds two fields, and nothing names the form but {@code providerName}. */
  static ObjectNode newServerlessEndpoint(String id, String providerName, JsonNode comment, String status) {
    ObjectNode node = JSON.objectNode();
    node.put("_id", id);
    node.putNull("cloudProviderEndpointId");
    node.set("comment", comment == null ? JSON.nullNode() : comment.deepCopy());
    node.putNull("endpointServiceName");
    node.putNull("errorMessage");
    if (providerName.equals("AZURE")) {
      node.putNull("privateEndpointIpAddress");
      node.putNull("privateLinkServiceResourceId");
    }
    node.put("providerName", providerName);
    node.put("status", status);
    return node;
  }

  /** The serverless endpoint as created, now in {@code status} with {@code errorMessage}. */
  static ObjectNode serverlessEndpoint(ServerlessEndpointRecord endpoint, String status, String errorMessage) {
    ObjectNode node = withStatus(endpoint.created(), "status", status, errorMessage);
    if (!status.equals("RESERVATION_REQUESTED") && !status.equals("FAILED")) { // reserved: the cloud side is named
      String id = node.path("_id").asText();
      node.put("endpointServiceName", "com.amazonaws.vpce.atlas.vpce-svc-" + id);
      node.put("cloudProviderEndpointId", node.path("providerName").asText().equals("AZURE")
          ? "/subscriptions/atlas/resourceGroups/atlas/providers/Microsoft.Network/privateEndpoints/pe-" + id
          : "vpce-" + id.substring(Math.max(0, id.length() - 17)));
    }
    return node;
  }

  /** A copy of what a create answered, with its status and error message as they are now. */
  private static ObjectNode withStatus(StoredResource created, String statusField, String status,
      String errorMessage) {
    ObjectNode node = created.body();
    node.put("errorMessage", errorMessage);
    node.put(statusField, status);
    return node;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode array = JSON.arrayNode();
    values.forEach(array::add);
    return array;
  }
}
