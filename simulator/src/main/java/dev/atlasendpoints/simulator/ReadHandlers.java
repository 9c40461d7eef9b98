package dev.atlasendpoints.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the reads answer: each resource as its create answered it, in its status at the time of the
 * read by the simulator's clock. A resource inside its not-found window is missing from every read:
 * 404 when asked for, left out of lists. Lists are plain arrays, in order of creation, possibly empty.
 */
record ReadHandlers(Inventory inventory, Clock clock) {

  /** {@code listPrivateEndpointService(V1)}: the provider's services, legacy connections among AWS's. */
  SimulatorResponse endpointServices(Operation operation, String projectId, String provider) {
    Instant now = clock.instant();
    return list(operation, visibleServices(projectId, now).stream().filter(s -> s.cloudProvider().equals(provider))
        .map(service -> endpointService(service, now)).toList());
  }

  /** {@code getPrivateEndpointService(V1)}. */
  SimulatorResponse endpointService(Operation operation, String projectId, String provider, String serviceId) {
    Instant now = clock.instant();
    return visibleService(projectId, provider, serviceId, now)
        .map(service -> SimulatorResponse.success(operation, endpointService(service, now)))
        .orElseGet(() -> ResourceErrors.serviceNotFound(serviceId, projectId));
  }

  /** {@code getPrivateEndpoint(V1)}, by the id the client chose, under a service of the path's provider. */
  SimulatorResponse endpoint(Operation operation, String projectId, String provider, String serviceId,
      String endpointId) {
    Instant now = clock.instant();
    if (visibleService(projectId, provider, serviceId, now).isEmpty()) {
      return ResourceErrors.serviceNotFound(serviceId, projectId);
    }
    return inventory.endpoint(serviceId, endpointId).filter(e -> e.timeline().visibleAt(now))
        .map(endpoint -> SimulatorResponse.success(operation, endpoint(endpoint, now)))
        .orElseGet(() -> ResourceErrors.resourceNotFound("private endpoint", endpointId));
  }

  /** {@code listServerlessPrivateEndpoint(V1)}: the instance's endpoints. */
  SimulatorResponse serverlessEndpoints(Operation operation, String projectId, String instanceName) {
    Instant now = clock.instant();
    return list(operation, visibleServerlessEndpoints(projectId, instanceName, now).stream()
        .map(endpoint -> serverlessEndpoint(endpoint, now)).toList());
  }

  /** {@code getServerlessPrivateEndpoint(V1)}. */
  SimulatorResponse serverlessEndpoint(Operation operation, String projectId, String instanceName, String id) {
    Instant now = clock.instant();
    return visibleServerlessEndpoints(projectId, instanceName, now).stream().filter(e -> e.id().equals(id))
        .findFirst()
        .map(endpoint -> SimulatorResponse.success(operation, serverlessEndpoint(endpoint, now)))
        .orElseGet(() -> ResourceErrors.resourceNotFound("serverless private endpoint", id));
  }

  /** {@code listPrivateEndpointConnections}: the services the legacy create made, in the legacy form. */
  SimulatorResponse legacyConnections(String projectId) {
    Instant now = clock.instant();
    return list(Operation.LIST_PRIVATE_ENDPOINT_CONNECTIONS, visibleServices(projectId, now).stream()
        .filter(EndpointServiceRecord::legacyConnection).map(service -> legacyConnection(service, now)).toList());
  }

  /** {@code getPrivateEndpointConnection}. */
  SimulatorResponse legacyConnection(String projectId, String id) {
    Instant now = clock.instant();
    return visibleService(projectId, "AWS", id, now).filter(EndpointServiceRecord::legacyConnection)
        .map(service -> SimulatorResponse.success(Operation.GET_PRIVATE_ENDPOINT_CONNECTION,
            legacyConnection(service, now)))
        .orElseGet(() -> ResourceErrors.serviceNotFound(id, projectId));
  }

  private List<EndpointServiceRecord> visibleServices(String projectId, Instant now) {
    return inventory.endpointServices(projectId).stream().filter(s -> s.timeline().visibleAt(now)).toList();
  }

  private Optional<EndpointServiceRecord> visibleService(String projectId, String provider, String serviceId,
      Instant now) {
    return inventory.endpointService(projectId, serviceId)
        .filter(s -> s.cloudProvider().equals(provider) && s.timeline().visibleAt(now));
  }

  private List<ServerlessEndpointRecord> visibleServerlessEndpoints(String projectId, String instanceName,
      Instant now) {
    return inventory.serverlessEndpoints(projectId, instanceName).stream().filter(e -> e.timeline().visibleAt(now))
        .toList();
  }

  private ObjectNode endpointService(EndpointServiceRecord service, Instant now) {
    return representedAt(service, now, Representations::endpointService);
  }

  private ObjectNode legacyConnection(EndpointServiceRecord service, Instant now) {
    return representedAt(service, now, Representations::legacyConnection);
  }

  /** A service in its status at {@code now}, naming the endpoints connected to it that reads can see. */
  private ObjectNode representedAt(EndpointServiceRecord service, Instant now, ServiceForm form) {
    StatusTimeline timeline = service.timeline();
    List<String> endpointIds = inventory.endpoints(service.id()).stream().filter(e -> e.timeline().visibleAt(now))
        .map(EndpointRecord::endpointId).toList();
    return form.represent(service, timeline.statusAt(now), timeline.errorMessageAt(now), endpointIds);
  }

  private static ObjectNode endpoint(EndpointRecord endpoint, Instant now) {
    StatusTimeline timeline = endpoint.timeline();
    return Representations.endpoint(endpoint, timeline.statusAt(now), timeline.errorMessageAt(now));
  }

  private static ObjectNode serverlessEndpoint(ServerlessEndpointRecord endpoint, Instant now) {
    StatusTimeline timeline = endpoint.timeline();
    return Representations.serverlessEndpoint(endpoint, timeline.statusAt(now), timeline.errorMessageAt(now));
  }

  private static SimulatorResponse list(Operation operation, List<ObjectNode> items) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    items.forEach(array::add);
    return SimulatorResponse.success(operation, array);
  }

  /** The form a service is read in: {@code EndpointService} or the legacy connection. */
  @FunctionalInterface
  private interface ServiceForm {
    ObjectNode represent(EndpointServiceRecord service, String status, String errorMessage, List<String> endpointIds);
  }
}
