package dev.atlasendpoints.examples;

import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CloudProviderEndpointServiceRequest;
import dev.atlasendpoints.generated.model.CreateAWSEndpointRequest;
import dev.atlasendpoints.generated.model.CreateAzureEndpointRequest;
import dev.atlasendpoints.generated.model.CreateEndpointRequest;
import dev.atlasendpoints.generated.model.CreateGCPEndpointGroupRequest;
import dev.atlasendpoints.generated.model.EndpointService;
import dev.atlasendpoints.generated.model.PrivateEndpointConnection;
import dev.atlasendpoints.generated.model.PrivateEndpointConnectionRequest;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.generated.model.ServerlessTenantEndpoint;
import dev.atlasendpoints.provisioning.Provisioner;
import dev.atlasendpoints.provisioning.ResourceRef;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * One subcommand per create operation; each prints the created resource as JSON, or with
 * {@code --wait} the resource once usable (see {@link WaitOptions}).
 */
final class CreateCommands {

  private CreateCommands() {}

  @Command(name = "create-service", mixinStandardHelpOptions = true,
      description = "createPrivateEndpointService: a private endpoint service for one provider and region.")
  static final class Service extends AtlasCli.Subcommand {
    @Mixin
    TargetOptions.Provider target;

    @Option(names = "--region", required = true, description = "e.g. us-east-1 or US_EAST_1.")
    String region;

    @Option(names = "--port-mapping", description = "GCP: one service attachment with port mapping.")
    Boolean portMapping;

    @Option(names = "--remote-region", description = "AWS: a remote region allowed to connect. Repeatable.")
    List<String> remoteRegions;

    @Mixin
    WaitOptions waitOptions;

    @Override
    public Integer call() throws Exception {
      String project = cli.projectOrFail();
      CloudProviderEndpointServiceRequest request = new CloudProviderEndpointServiceRequest().providerName(target.provider)
          .region(region).portMappingEnabled(portMapping).supportedRemoteRegions(remoteRegions);
      return cli.printResult(client -> {
        EndpointService created = client.api(PrivateEndpointServicesApi.class)
            .createPrivateEndpointService(project, request);
        return waitOptions.thenAwait(client, created,
            new ResourceRef.EndpointService(project, target.provider, created.getId()), err());
      }, out());
    }
  }

  @Command(name = "create-endpoint", mixinStandardHelpOptions = true,
      description = "createPrivateEndpoint: connect an endpoint of your network to a service.")
  static final class Endpoint extends AtlasCli.Subcommand {
    @Mixin
    TargetOptions.Service target;

    @Option(names = "--id", description = "AWS: the vpce-... id; AZURE: the private endpoint's resource id.")
    String id;

    @Option(names = "--ip-address", description = "AZURE: the private endpoint's IP address.")
    String ipAddress;

    @Option(names = "--endpoint-group", description = "GCP: the endpoint group's name.")
    String endpointGroup;

    @Option(names = "--gcp-project", description = "GCP: the Google Cloud project id (p-...).")
    String gcpProject;

    @Mixin
    WaitOptions waitOptions;

    @Override
    public Integer call() throws Exception {
      String project = cli.projectOrFail();
      CreateEndpointRequest request = switch (target.provider) {
        case AWS -> new CreateAWSEndpointRequest().id(id);
        case AZURE -> new CreateAzureEndpointRequest().id(id).privateEndpointIPAddress(ipAddress);
        case GCP -> new CreateGCPEndpointGroupRequest().endpointGroupName(endpointGroup).gcpProjectId(gcpProject);
        default -> throw new BadInputException("--provider must be AWS, AZURE or GCP");
      };
      String endpointId = target.provider == CloudProvider.GCP ? endpointGroup : id;
      return cli.printResult(client -> waitOptions.thenAwait(client, client.api(PrivateEndpointServicesApi.class)
              .createPrivateEndpoint(project, target.provider, target.serviceId, request),
          new ResourceRef.Endpoint(project, target.provider, target.serviceId, endpointId), err()), out());
    }
  }

  @Command(name = "create-connection", mixinStandardHelpOptions = true,
      description = "createPrivateEndpointConnection (legacy v1.0, deprecated): an AWS connection.")
  static final class Connection extends AtlasCli.Subcommand {
    @Option(names = "--region", required = true, description = "An AWS region such as us-east-1.")
    String region;

    @Mixin
    WaitOptions waitOptions;

    @Override
    @SuppressWarnings("deprecation")
    public Integer call() throws Exception {
      String project = cli.projectOrFail();
      PrivateEndpointConnectionRequest.RegionEnum regionValue;
      try {
        regionValue = Provisioner.connectionRegion(region);
      } catch (IllegalArgumentException unknown) {
        throw new BadInputException("--region: " + unknown.getMessage());
      }
      PrivateEndpointConnectionRequest request = new PrivateEndpointConnectionRequest()
          .providerName(PrivateEndpointConnectionRequest.ProviderNameEnum.AWS).region(regionValue);
      return cli.printResult(client -> {
        PrivateEndpointConnection created = client.api(PrivateEndpointServicesApi.class)
            .createPrivateEndpointConnection(project, request);
        return waitOptions.thenAwait(client, created, new ResourceRef.Connection(project, created.getId()), err());
      }, out());
    }
  }

  @Command(name = "create-serverless-endpoint", mixinStandardHelpOptions = true,
      description = "createServerlessPrivateEndpoint (deprecated): a private endpoint of a serverless instance.")
  static final class ServerlessEndpoint extends AtlasCli.Subcommand {
    @Option(names = "--instance", required = true, description = "The serverless instance's name.")
    String instance;

    @Option(names = "--comment", description = "A note, at most 80 characters.")
    String comment;

    @Option(names = "--v1", description = "Use the legacy v1.0 operation (createServerlessPrivateEndpointV1).")
    boolean v1;

    @Mixin
    WaitOptions waitOptions;

    @Override
    @SuppressWarnings("deprecation")
    public Integer call() throws Exception {
      String project = cli.projectOrFail();
      ServerlessTenantCreateRequest request = new ServerlessTenantCreateRequest().comment(comment);
      return cli.printResult(client -> {
        ServerlessPrivateEndpointsApi api = client.api(ServerlessPrivateEndpointsApi.class);
        ServerlessTenantEndpoint created = v1 ? api.createServerlessPrivateEndpointV1(project, instance, request)
            : api.createServerlessPrivateEndpoint(project, instance, request);
        return waitOptions.thenAwait(client, created,
            new ResourceRef.ServerlessEndpoint(project, instance, created.getId()), err());
      }, out());
    }
  }
}
