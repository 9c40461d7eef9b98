package dev.atlasendpoints.examples.boot;

import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CloudProviderEndpointServiceRequest;
import dev.atlasendpoints.generated.model.EndpointService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Creates an AWS private-endpoint service in the configured project through the starter's API bean. */
@RestController
class EndpointServiceController {

  /** What the application answers: the created service's id and status. */
  record Created(String id, String status) {}

  private final PrivateEndpointServicesApi services;
  private final String projectId;

  EndpointServiceController(PrivateEndpointServicesApi services, @Value("${app.atlas.project-id}") String projectId) {
    this.services = services;
    this.projectId = projectId;
  }

  @PostMapping("/endpoint-services")
  Created create(@RequestParam String region) {
    EndpointService created = services.createPrivateEndpointService(projectId,
        new CloudProviderEndpointServiceRequest().providerName(CloudProvider.AWS).region(region));
    return new Created(created.getId(), String.valueOf(created.getStatus()));
  }
}
