package dev.atlasendpoints.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command-line tool against the simulator: output, exit codes, and secrets kept out of sight. */
class AtlasCliTest {

  private static final String PROJECT = "32b6e34b3d91647abb20e7b8";
  private AtlasSimulator simulator;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() {
    simulator = AtlasSimulator.builder().apiKey(ApiKey.of("cli-public", "cli-secret-value")).start();
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private int runAgainst(String baseUrl, String... args) {
    AtlasCli cli = new AtlasCli();
    cli.environment = Map.of("ATLAS_BASE_URL", baseUrl, "ATLAS_PUBLIC_KEY", "cli-public",
        "ATLAS_PRIVATE_KEY", "cli-secret-value", "ATLAS_PROJECT_ID", PROJECT);
    return AtlasCli.commandLine(cli).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  private int run(String... args) {
    return runAgainst(simulator.baseUri().toString(), args);
  }

  @Test
  void createService_printsTheResourceAsJson() {
    int status = run("create-service", "--provider", "AWS", "--region", "us-east-1");

    assertThat(status).isEqualTo(AtlasCli.OK);
    assertThat(out.toString()).contains("\"cloudProvider\" : \"AWS\"").contains("\"regionName\" : \"US_EAST_1\"");
  }

  @Test
  void everyCreateSubcommand_works() {
    run("create-service", "--provider", "GCP", "--region", "us-central1");
    String serviceId = simulator.inventory().resources().get(0).id();

    assertThat(run("create-endpoint", "--provider", "GCP", "--service-id", serviceId, "--endpoint-group", "g1",
        "--gcp-project", "p-fdeeb3e43b8e733e5ab627b1")).isZero();
    assertThat(run("create-connection", "--region", "us-east-2")).isZero();
    assertThat(run("create-serverless-endpoint", "--instance", "i1", "--comment", "from the CLI")).isZero();
    assertThat(run("create-serverless-endpoint", "--instance", "i1", "--v1")).isZero();
    assertThat(simulator.counters().creates()).isEqualTo(5);
  }

  @Test
  void exitCodes_tellApiErrorsBadInputAndTransportFailuresApart() throws Exception {
    run("create-service", "--provider", "AWS", "--region", "us-east-1");

    int conflict = run("create-service", "--provider", "AWS", "--region", "us-east-1");
    long requestsBefore = simulator.counters().requests();
    int badInput = run("create-serverless-endpoint", "--instance", "i1", "--comment", "x".repeat(81));
    long requestsForBadInput = simulator.counters().requests() - requestsBefore;
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    int transport = runAgainst("http://127.0.0.1:" + closedPort, "create-service", "--provider", "AWS", "--region", "x");

    assertThat(conflict).isEqualTo(AtlasCli.API_ERROR);
    assertThat(badInput).isEqualTo(AtlasCli.BAD_INPUT);
    assertThat(requestsForBadInput).isZero();
    assertThat(transport).isEqualTo(AtlasCli.TRANSPORT_FAILURE);
    assertThat(err.toString()).contains("PRIVATE_ENDPOINT_SERVICE_ALREADY_EXISTS_FOR_REGION")
        .contains("bad input: createServerlessPrivateEndpoint was not sent").contains("no valid answer")
        .doesNotContain("cli-secret-value");
  }

  @Test
  void load_reportsThroughputLatencyExchangesAndOutcomes() {
    int status = run("load", "--calls", "60", "--concurrency", "4");

    assertThat(status).isZero();
    assertThat(out.toString()).contains("calls per second:").contains("latency p50:")
        .contains("HTTP exchanges per call:").contains("outcomes: {success=60}");
    assertThat(simulator.counters().creates()).isEqualTo(60);
  }

  @Test
  void help_listsEveryOption() {
    run("--help");
    run("load", "--help");

    assertThat(out.toString()).contains("--base-url").contains("--project").contains("create-service")
        .contains("create-endpoint").contains("create-connection").contains("create-serverless-endpoint")
        .contains("load").contains("--calls").contains("--concurrency").contains("--metrics-port");
  }
}
