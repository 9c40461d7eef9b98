package dev.atlasendpoints.provisioning;

import dev.atlasendpoints.generated.model.CloudProvider;
import java.util.Objects;

/** Where to read a resource that can be waited for. Its {@link #kind()} is a bounded metric tag. */
public sealed interface ResourceRef {

  String project();

  /** One of {@code endpoint_service}, {@code endpoint}, {@code serverless_endpoint}, {@code connection}. */
  String kind();

  /**
   * The ids to find it again with, e.g. {@code serviceId=… (AWS, project …)}: for messages, so that a
   * failed or timed-out wait still tells which resource was created. Never a metric tag.
   */
  default String ids() {
    if (this instanceof EndpointService s) {
      return "serviceId=" + s.serviceId() + " (" + s.provider() + ", project " + s.project() + ")";
    }
    if (this instanceof Endpoint e) {
      return "endpointId=" + e.endpointId() + " (serviceId=" + e.serviceId() + ", " + e.provider() + ", project "
          + e.project() + ")";
    }
    if (this instanceof ServerlessEndpoint s) {
      return "endpointId=" + s.endpointId() + " (instance " + s.instance() + ", project " + s.project() + ")";
    }
    Connection c = (Connection) this;
    return "connectionId=" + c.connectionId() + " (project " + c.project() + ")";
  }

  /** An endpoint service, read with {@code getPrivateEndpointService}. */
  record EndpointService(String project, CloudProvider provider, String serviceId) implements ResourceRef {
    public EndpointService {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(serviceId, "serviceId");
    }

    @Override
    public String kind() {
      return "endpoint_service";
    }
  }

  /** An endpoint under a service, read with {@code getPrivateEndpoint} by the id the client chose. */
  record Endpoint(String project, CloudProvider provider, String serviceId, String endpointId) implements ResourceRef {
    public Endpoint {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(serviceId, "serviceId");
      Objects.requireNonNull(endpointId, "endpointId");
    }

    @Override
    public String kind() {
      return "endpoint";
    }
  }

  /** A serverless instance's endpoint (deprecated API), read with {@code getServerlessPrivateEndpoint}. */
  record ServerlessEndpoint(String project, String instance, String endpointId) implements ResourceRef {
    public ServerlessEndpoint {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(instance, "instance");
      Objects.requireNonNull(endpointId, "endpointId");
    }

    @Override
    public String kind() {
      return "serverless_endpoint";
    }
  }

  /** A legacy v1.0 AWS connection (deprecated API), read with {@code getPrivateEndpointConnection}. */
  record Connection(String project, String connectionId) implements ResourceRef {
    public Connection {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(connectionId, "connectionId");
    }

    @Override
    public String kind() {
      return "connection";
    }
  }
}
