package dev.atlasendpoints.examples;

import dev.atlasendpoints.generated.model.CloudProvider;
import picocli.CommandLine.Option;

/** The options that name what a command acts on, shared by the create and read subcommands. */
final class TargetOptions {

  private TargetOptions() {}

  /** {@code --provider}. */
  static final class Provider {
    @Option(names = "--provider", required = true, description = "AWS, AZURE or GCP.")
    CloudProvider provider;
  }

  /** {@code --provider} and {@code --service-id}: one endpoint service. */
  static final class Service {
    @Option(names = "--provider", required = true, description = "AWS, AZURE or GCP.")
    CloudProvider provider;

    @Option(names = "--service-id", required = true, description = "The endpoint service's id.")
    String serviceId;
  }
}
