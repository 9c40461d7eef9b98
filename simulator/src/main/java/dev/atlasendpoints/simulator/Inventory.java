package dev.atlasendpoints.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The resources the simulator holds, per project, and everything it created, for tests to read
 * back. Thread-safe: each change is atomic, so concurrent creates of the same provider and region
 * yield exactly one service and 409s for the rest, and likewise for an endpoint's id under a service.
 * Lists come in order of creation.
 */
public final class Inventory {

  /** The project's services, by id. */
  private final Map<String, Map<String, EndpointServiceRecord>> servicesByProject = new HashMap<>();
  /** The service's endpoints, by the id the client chose (service ids are unique across projects). */
  private final Map<String, Map<String, EndpointRecord>> endpointsByService = new HashMap<>();
  /** The serverless instance's endpoints, keyed by project and instance name. */
  private final Map<List<String>, List<ServerlessEndpointRecord>> serverlessByInstance = new HashMap<>();
  private final List<StoredResource> created = new ArrayList<>();
  private final AtomicLong idSequence = new AtomicLong();
  private final long idPrefix = System.currentTimeMillis() / 1000;

  Inventory() {}

  /** Every resource created so far, in order of creation. */
  public synchronized List<StoredResource> resources() {
    return List.copyOf(created);
  }

  /** The resources {@code operation} created. */
  public synchronized List<StoredResource> resources(Operation operation) {
    return created.stream().filter(r -> r.operation() == operation).toList();
  }

  /** Forgets every resource (the counters are not reset). */
  public synchronized void clear() {
    servicesByProject.clear();
    endpointsByService.clear();
    serverlessByInstance.clear();
    created.clear();
  }

  /** A new id in Atlas's form: 24 lower-case hex digits, unique within this simulator. */
  String newId() {
    return String.format("%08x%016x", idPrefix, idSequence.incrementAndGet());
  }

  /**
   * Adds an endpoint service unless the project already has one for that provider and region.
   *
   * @param newService makes the service from its new id; called only when the service is created
   * @return the new service, or empty when one exists already
   */
  synchronized Optional<EndpointServiceRecord> addEndpointService(String projectId, String cloudProvider,
      String regionName, Function<String, EndpointServiceRecord> newService) {
    Map<String, EndpointServiceRecord> services = servicesByProject.computeIfAbsent(projectId,
        p -> new LinkedHashMap<>());
    boolean exists = services.values().stream()
        .anyMatch(s -> s.cloudProvider().equals(cloudProvider) && s.regionName().equals(regionName));
    if (exists) {
      return Optional.empty();
    }
    EndpointServiceRecord service = newService.apply(newId());
    services.put(service.id(), service);
    return Optional.of(service);
  }

  /**
   * Adds an endpoint to a service unless the service has one with that id already.
   *
   * @param newEndpoint makes the endpoint; called only when it is created
   * @return the new endpoint, or empty when one exists already
   */
  synchronized Optional<EndpointRecord> addEndpoint(String serviceId, String endpointId,
      Supplier<EndpointRecord> newEndpoint) {
    Map<String, EndpointRecord> endpoints = endpointsByService.computeIfAbsent(serviceId, s -> new LinkedHashMap<>());
    if (endpoints.containsKey(endpointId)) {
      return Optional.empty();
    }
    EndpointRecord endpoint = newEndpoint.get();
    endpoints.put(endpointId, endpoint);
    return Optional.of(endpoint);
  }

  synchronized void addServerlessEndpoint(ServerlessEndpointRecord endpoint) {
    serverlessByInstance.computeIfAbsent(List.of(endpoint.projectId(), endpoint.instanceName()),
        k -> new ArrayList<>()).add(endpoint);
  }

  /** Keeps what a create answered, for {@link #resources()}. */
  synchronized void recordCreated(StoredResource resource) {
    created.add(resource);
  }

  synchronized Optional<EndpointServiceRecord> endpointService(String projectId, String serviceId) {
    return Optional.ofNullable(servicesByProject.getOrDefault(projectId, Map.of()).get(serviceId));
  }

  synchronized List<EndpointServiceRecord> endpointServices(String projectId) {
    return List.copyOf(servicesByProject.getOrDefault(projectId, Map.of()).values());
  }

  synchronized List<EndpointRecord> endpoints(String serviceId) {
    return List.copyOf(endpointsByService.getOrDefault(serviceId, Map.of()).values());
  }

  synchronized Optional<EndpointRecord> endpoint(String serviceId, String endpointId) {
    return Optional.ofNullable(endpointsByService.getOrDefault(serviceId, Map.of()).get(endpointId));
  }

  synchronized List<ServerlessEndpointRecord> serverlessEndpoints(String projectId, String instanceName) {
    return List.copyOf(serverlessByInstance.getOrDefault(List.of(projectId, instanceName), List.of()));
  }
}
