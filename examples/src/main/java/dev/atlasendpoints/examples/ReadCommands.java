package dev.atlasendpoints.examples;

import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** One subcommand per read a person asks for most: what exists, and what state it is in; each prints JSON. */
final class ReadCommands {

  private ReadCommands() {}

  @Command(name = "get-service", mixinStandardHelpOptions = true,
      description = "getPrivateEndpointService: one private endpoint service, with its status.")
  static final class GetService extends AtlasCli.Subcommand {
    @Mixin
    TargetOptions.Service target;

    @Override
    public Integer call() throws Exception {
      return cli.printResult(client -> client.api(PrivateEndpointServicesApi.class)
          .getPrivateEndpointService(cli.projectOrFail(), target.provider, target.serviceId), out());
    }
  }

  @Command(name = "list-services", mixinStandardHelpOptions = true,
      description = "listPrivateEndpointService: every private endpoint service of one provider.")
  static final class ListServices extends AtlasCli.Subcommand {
    @Mixin
    TargetOptions.Provider target;

    @Override
    public Integer call() throws Exception {
      return cli.printResult(client -> client.api(PrivateEndpointServicesApi.class)
          .listPrivateEndpointService(cli.projectOrFail(), target.provider), out());
    }
  }

  @Command(name = "get-endpoint", mixinStandardHelpOptions = true,
      description = "getPrivateEndpoint: one endpoint, by the id you chose when you created it.")
  static final class GetEndpoint extends AtlasCli.Subcommand {
    @Mixin
    TargetOptions.Service target;

    @Option(names = "--endpoint-id", required = true,
        description = "AWS: the vpce-... id; AZURE: the private endpoint's resource id, as it is; GCP: the group name.")
    String endpointId;

    @Override
    public Integer call() throws Exception {
      return cli.printResult(client -> client.api(PrivateEndpointServicesApi.class)
          .getPrivateEndpoint(cli.projectOrFail(), target.provider, target.serviceId, endpointId), out());
    }
  }

  @Command(name = "list-serverless-endpoints", mixinStandardHelpOptions = true,
      description = "listServerlessPrivateEndpoint (deprecated): the private endpoints of a serverless instance.")
  static final class ListServerlessEndpoints extends AtlasCli.Subcommand {
    @Option(names = "--instance", required = true, description = "The serverless instance's name.")
    String instance;

    @Override
    @SuppressWarnings("deprecation")
    public Integer call() throws Exception {
      return cli.printResult(client -> client.api(ServerlessPrivateEndpointsApi.class)
          .listServerlessPrivateEndpoint(cli.projectOrFail(), instance), out());
    }
  }
}
