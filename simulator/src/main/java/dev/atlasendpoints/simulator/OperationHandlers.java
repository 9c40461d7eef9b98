package dev.atlasendpoints.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What each operation does once a request has passed authentication, limits and validation: the
 * creates change the inventory ({@link CreateHandlers}), the reads look at it ({@link ReadHandlers}).
 */
record OperationHandlers(CreateHandlers creates, ReadHandlers reads) {

  /**
   * @param path the request's decoded path parameters
   * @param body the validated body of a create; {@code null} for a read
   */
  SimulatorResponse perform(Operation operation, String projectId, Map<String, String> path, JsonNode body) {
    String provider = path.get("cloudProvider");
    String serviceId = path.get("endpointServiceId");
    String instanceName = path.get("instanceName");
    return switch (operation) {
      case CREATE_PRIVATE_ENDPOINT_CONNECTION -> creates.legacyConnection(projectId, body);
      case CREATE_PRIVATE_ENDPOINT_SERVICE -> creates.endpointService(projectId, body);
      case CREATE_PRIVATE_ENDPOINT -> creates.endpoint(projectId, provider, serviceId, body);
      case CREATE_SERVERLESS_PRIVATE_ENDPOINT, CREATE_SERVERLESS_PRIVATE_ENDPOINT_V1 ->
          creates.serverlessEndpoint(operation, projectId, instanceName, body);
      case LIST_PRIVATE_ENDPOINT_CONNECTIONS -> reads.legacyConnections(projectId);
      case GET_PRIVATE_ENDPOINT_CONNECTION -> reads.legacyConnection(projectId, path.get("privateLinkId"));
      case LIST_PRIVATE_ENDPOINT_SERVICE, LIST_PRIVATE_ENDPOINT_SERVICE_V1 ->
          reads.endpointServices(operation, projectId, provider);
      case GET_PRIVATE_ENDPOINT_SERVICE, GET_PRIVATE_ENDPOINT_SERVICE_V1 ->
          reads.endpointService(operation, projectId, provider, serviceId);
      case GET_PRIVATE_ENDPOINT, GET_PRIVATE_ENDPOINT_V1 ->
          reads.endpoint(operation, projectId, provider, serviceId, path.get("endpointId"));
      case LIST_SERVERLESS_PRIVATE_ENDPOINT, LIST_SERVERLESS_PRIVATE_ENDPOINT_V1 ->
          reads.serverlessEndpoints(operation, projectId, instanceName);
      case GET_SERVERLESS_PRIVATE_ENDPOINT, GET_SERVERLESS_PRIVATE_ENDPOINT_V1 ->
          reads.serverlessEndpoint(operation, projectId, instanceName, path.get("endpointId"));
    };
  }
}
