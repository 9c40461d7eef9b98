package dev.atlasendpoints.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.generated.json.AtlasJson;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/**
 * {@code atlas-endpoints}: the create operations and a load driver from the command line.
 * Credentials come from the environment only (see {@link AtlasEnvironment}).
 *
 * <p>Exit codes: 0 success, 1 Atlas answered with an error (or, with {@code --wait}, the resource
 * ended FAILED or REJECTED), 2 bad input (refused before sending), 3 no valid answer (transport
 * failure, timeout, ambiguous outcome), 4 {@code --wait} ran out of time, 5 an unexpected failure.
 * Every failure is reported by {@link FailureReporter}.
 */
@Command(name = "atlas-endpoints", mixinStandardHelpOptions = true, version = "atlas-endpoints 0.1.0",
    description = "Creates and reads Atlas private endpoints. Credentials: ATLAS_PUBLIC_KEY and ATLAS_PRIVATE_KEY, or "
        + "ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET, from the environment.",
    subcommands = {CreateCommands.Service.class, CreateCommands.Endpoint.class, CreateCommands.Connection.class,
        CreateCommands.ServerlessEndpoint.class, ReadCommands.GetService.class, ReadCommands.ListServices.class,
        ReadCommands.GetEndpoint.class, ReadCommands.ListServerlessEndpoints.class, LoadCommand.class})
public final class AtlasCli {

  static final int OK = 0;
  static final int API_ERROR = 1;
  static final int BAD_INPUT = 2;
  static final int TRANSPORT_FAILURE = 3;
  static final int WAIT_TIMEOUT = 4;
  static final int UNEXPECTED_FAILURE = 5;

  @Option(names = "--base-url", description = "The API's base URL (default: $ATLAS_BASE_URL or https://cloud.mongodb.com).")
  String baseUrl;

  @Option(names = "--project", description = "The project id (default: $ATLAS_PROJECT_ID).")
  String project;

  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "On failure, also print the stack trace.")
  boolean debug;

  Map<String, String> environment = System.getenv();
  final ObjectMapper mapper = AtlasJson.newMapper();

  public static void main(String[] args) {
    System.exit(commandLine(new AtlasCli()).execute(args));
  }

  static CommandLine commandLine(AtlasCli cli) {
    FailureReporter failures = new FailureReporter(() -> cli.debug, () -> cli.environment().secrets());
    return new CommandLine(cli).setCaseInsensitiveEnumValuesAllowed(true).setExecutionExceptionHandler(failures)
        .setExitCodeExceptionMapper(failures)
        .setExecutionStrategy(failures.reportingErrorsOf(new CommandLine.RunLast()));
  }

  AtlasEnvironment environment() {
    AtlasEnvironment env = AtlasEnvironment.from(environment);
    return new AtlasEnvironment(baseUrl != null ? baseUrl : env.baseUrl(), env.publicKey(), env.privateKey(),
        env.clientId(), env.clientSecret(), project != null ? project : env.projectId());
  }

  String projectOrFail() {
    return environment().project().orElseThrow(() ->
        new BadInputException("--project or ATLAS_PROJECT_ID is required"));
  }

  /** Runs one call with a fully layered client and prints its result as JSON. */
  int printResult(Function<AtlasClient, Object> call, PrintWriter out) throws Exception {
    try (AtlasClient client = ClientFactory.fullyLayered(environment(),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), "cli")) {
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(call.apply(client)));
      out.flush();
      return OK;
    }
  }

  /** Base of subcommands: access to the shared options. */
  abstract static class Subcommand implements Callable<Integer> {
    @ParentCommand
    AtlasCli cli;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    PrintWriter err() {
      return spec.commandLine().getErr();
    }
  }
}
