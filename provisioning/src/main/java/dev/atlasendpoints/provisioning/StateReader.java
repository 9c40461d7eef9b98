package dev.atlasendpoints.provisioning;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.AWSInterfaceEndpoint;
import dev.atlasendpoints.generated.model.AzurePrivateEndpoint;
import dev.atlasendpoints.generated.model.EndpointService;
import dev.atlasendpoints.generated.model.GCPEndpointGroup;
import dev.atlasendpoints.generated.model.PrivateEndpointConnection;
import dev.atlasendpoints.generated.model.PrivateLinkEndpoint;
import dev.atlasendpoints.generated.model.ServerlessTenantEndpoint;
import java.util.Map;

/**
 * Reads a resource's state through the client, so that its layers (retries, rate limiting,
 * metrics) apply to every poll. A 404 surfaces as {@code AtlasNotFoundException}.
 */
final class StateReader {

  private static final String UNKNOWN = "unknown_default_open_api";

  private final PrivateEndpointServicesApi services;
  private final ServerlessPrivateEndpointsApi serverless;

  StateReader(AtlasClient client) {
    this.services = client.api(PrivateEndpointServicesApi.class);
    this.serverless = client.api(ServerlessPrivateEndpointsApi.class);
  }

  @SuppressWarnings("deprecation")
  ResourceState read(ResourceRef ref) {
    if (ref instanceof ResourceRef.EndpointService s) {
      return stateOf(services.getPrivateEndpointService(s.project(), s.provider(), s.serviceId()));
    }
    if (ref instanceof ResourceRef.Endpoint e) {
      return stateOf(services.getPrivateEndpoint(e.project(), e.provider(), e.serviceId(), e.endpointId()));
    }
    if (ref instanceof ResourceRef.ServerlessEndpoint s) {
      return stateOf(serverless.getServerlessPrivateEndpoint(s.project(), s.instance(), s.endpointId()));
    }
    ResourceRef.Connection c = (ResourceRef.Connection) ref;
    return stateOf(services.getPrivateEndpointConnection(c.project(), c.connectionId()));
  }

  static ResourceState stateOf(EndpointService service) {
    return new ResourceState(text(service.getStatus(), service.getUnrecognizedEnumValues(), "status"),
        service.getErrorMessage(), service);
  }

  static ResourceState stateOf(PrivateLinkEndpoint endpoint) {
    Object status = null;
    String property = "status";
    if (endpoint instanceof AWSInterfaceEndpoint aws) {
      status = aws.getConnectionStatus();
      property = "connectionStatus";
    } else if (endpoint instanceof AzurePrivateEndpoint azure) {
      status = azure.getStatus();
    } else if (endpoint instanceof GCPEndpointGroup gcp) {
      status = gcp.getStatus();
    }
    return new ResourceState(text(status, endpoint.getUnrecognizedEnumValues(), property),
        endpoint.getErrorMessage(), endpoint);
  }

  static ResourceState stateOf(ServerlessTenantEndpoint endpoint) {
    return new ResourceState(text(endpoint.getStatus(), endpoint.getUnrecognizedEnumValues(), "status"),
        endpoint.getErrorMessage(), endpoint);
  }

  static ResourceState stateOf(PrivateEndpointConnection connection) {
    return new ResourceState(text(connection.getStatus(), connection.getUnrecognizedEnumValues(), "status"),
        connection.getErrorMessage(), connection);
  }

  /** The status as Atlas sent it: a value this SDK does not know reads as what arrived. */
  private static String text(Object status, Map<String, String> unrecognized, String property) {
    if (status == null) {
      return null;
    }
    String value = status.toString();
    return UNKNOWN.equals(value) && unrecognized != null ? unrecognized.getOrDefault(property, value) : value;
  }
}
