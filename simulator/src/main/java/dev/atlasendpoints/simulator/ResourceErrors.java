package dev.atlasendpoints.simulator;

/**
 * The answers about resources that exist already or do not exist. One code per situation, the same
 * on every operation that meets it (see the README's table of error codes).
 */
final class ResourceErrors {

  private ResourceErrors() {}

  /** 409: one service per provider and region per project. */
  static SimulatorResponse serviceAlreadyExists(String provider, String region) {
    return SimulatorResponse.error(409, "PRIVATE_ENDPOINT_SERVICE_ALREADY_EXISTS_FOR_REGION", "Conflict",
        "A private endpoint service for " + provider + " in " + region + " already exists.", provider, region);
  }

  /** 409: one endpoint per id under a service; the code older Atlas documentation names. */
  static SimulatorResponse endpointAlreadyExists(String endpointId, String serviceId) {
    return SimulatorResponse.error(409, "PRIVATELINK_INTERFACE_ENDPOINT_ALREADY_EXISTS", "Conflict",
        "The endpoint " + endpointId + " is already connected to private endpoint service " + serviceId + ".",
        endpointId, serviceId);
  }

  /** 404 on a create: the service to connect an endpoint to does not exist. */
  static SimulatorResponse noServiceToConnectTo(String provider, String serviceId, String projectId) {
    return SimulatorResponse.error(404, "RESOURCE_NOT_FOUND", "Not Found",
        "No " + provider + " private endpoint service " + serviceId + " exists in project " + projectId + ".");
  }

  /** 404 on a read: no such service (or legacy connection, which is one) can be seen. */
  static SimulatorResponse serviceNotFound(String serviceId, String projectId) {
    return SimulatorResponse.error(404, "PRIVATE_ENDPOINT_SERVICE_NOT_FOUND", "Not Found",
        "No private endpoint service with ID " + serviceId + " exists in group " + projectId + ".", serviceId);
  }

  /** 404 on a read: no such endpoint or serverless endpoint can be seen. */
  static SimulatorResponse resourceNotFound(String what, String id) {
    return SimulatorResponse.error(404, "RESOURCE_NOT_FOUND", "Not Found", "No " + what + " " + id + " exists.", id);
  }
}
