package dev.atlasendpoints.examples;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CreateAWSEndpointRequest;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.provisioning.Outcome;
import dev.atlasendpoints.provisioning.Provisioner;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The create that {@code load} sends for call number {@code i}: a plain create (no outcome known
 * beyond success) or, with {@code --exactly-once}, the reconciling create, which says whether it
 * created or adopted.
 */
@FunctionalInterface
interface LoadCalls {

  /** Sends call {@code i}; returns CREATED or ADOPTED for a reconciling create, null for a plain one. */
  Outcome call(int i);

  @SuppressWarnings("deprecation")
  static LoadCalls serverless(AtlasClient client, Provisioner provisioner, String project, String instance,
      boolean exactlyOnce) {
    // A run's comments are unique, so that an exactly-once create can tell its endpoint from the others.
    String run = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
    if (exactlyOnce) {
      return i -> provisioner.ensureServerlessEndpoint(project, instance, "load " + run + " " + i).outcome();
    }
    ServerlessPrivateEndpointsApi api = client.api(ServerlessPrivateEndpointsApi.class);
    return i -> {
      api.createServerlessPrivateEndpoint(project, instance, new ServerlessTenantCreateRequest()
          .comment("load " + run + " " + i));
      return null;
    };
  }

  /** AWS endpoints under one service, each with its own generated {@code vpce-} id. */
  static LoadCalls awsEndpoint(AtlasClient client, Provisioner provisioner, String project, String serviceId,
      boolean exactlyOnce) {
    long base = ThreadLocalRandom.current().nextLong() & 0x0fff_ffff_ffff_0000L;
    PrivateEndpointServicesApi api = client.api(PrivateEndpointServicesApi.class);
    return i -> {
      CreateAWSEndpointRequest request = new CreateAWSEndpointRequest().id(String.format("vpce-%017x", base + i));
      if (exactlyOnce) {
        return provisioner.ensureEndpoint(project, CloudProvider.AWS, serviceId, request).outcome();
      }
      api.createPrivateEndpoint(project, CloudProvider.AWS, serviceId, request);
      return null;
    };
  }
}
